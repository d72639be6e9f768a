/** @module DKFDS error summary: the form's errors listed at its top, each linking to (and focusing) its field. */
import { type MouseEvent, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormError {
  /** The id of the field the error belongs to; without it the error is about the whole form. */
  fieldId?: string;
  message: string;
}

/** The summary's lines: the form-wide message first, then each field's error in the order of `fieldIds`. */
export function formErrors<F extends string>(
  fieldIds: Record<F, string>,
  fields: Partial<Record<F, string>>,
  form?: string | null,
): FormError[] {
  const fieldLines = (Object.keys(fieldIds) as F[]).flatMap((field) => {
    const message = fields[field];
    return message ? [{ fieldId: fieldIds[field], message }] : [];
  });
  return [...(form ? [{ message: form }] : []), ...fieldLines];
}

interface ErrorSummaryProps {
  errors: FormError[];
  /** Bump on each submit that fails, so focus moves to the summary even when the errors are the same. */
  attempt: number;
  headingLevel?: 2 | 3;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  // Focus instead of following the #fragment, which would scroll the label out of sight and touch the URL.
  event.preventDefault();
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
}

export function ErrorSummary({ errors, attempt, headingLevel = 2 }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const summary = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves once per failed submit, not per render.
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [attempt]);

  if (errors.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={summary}>
      <Heading id={headingId} className="error-summary-title">
        {t('form.errorSummaryTitle', { count: errors.length })}
      </Heading>
      <ul className="error-summary-list">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? 'form'}:${error.message}`}>
            {error.fieldId ? (
              <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId ?? '')}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
