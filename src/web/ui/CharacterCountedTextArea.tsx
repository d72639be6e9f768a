/**
 * @module A textarea with a DKFDS character counter: the count shows at once, and a screen reader hears it after
 * the writer pauses rather than on every key.
 */
import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n.ts';
import { FieldError } from './FieldError.tsx';

interface CharacterCountedTextAreaProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  hint?: string;
  error?: string;
  rows?: number;
  required?: boolean;
  /** Ids of further text that describes the field, e.g. a notice shared by several fields. */
  describedBy?: string;
  /** Shown beside the field as the user types, before any submit (a live check). */
  liveError?: string;
}

export function CharacterCountedTextArea(props: CharacterCountedTextAreaProps) {
  const { t } = useTranslation();
  const { id, label, value, onChange, maxLength, hint, rows = 4, required } = props;
  const error = props.error ?? props.liveError;
  const remaining = maxLength - value.length;
  const message = t('form.charactersLeft', {
    count: remaining,
    formatted: new Intl.NumberFormat(currentLocale() === 'da' ? 'da-DK' : 'en-GB').format(remaining),
  });
  const [announced, setAnnounced] = useState(message);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(message), 1000);
    return () => clearTimeout(timer);
  }, [message]);
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const describedBy = [props.describedBy ?? null, hint ? hintId : null, countId, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        // A live error is announced once, when it appears; an error from submitting is listed in the summary.
        <div role={props.error ? undefined : 'alert'}>
          <FieldError id={errorId} message={error} />
        </div>
      ) : null}
      <textarea
        className="form-input form-textarea"
        id={id}
        rows={rows}
        value={value}
        maxLength={maxLength}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
      <p className="character-count" id={countId} aria-hidden="true">
        {message}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced === message && value.length > 0 ? announced : ''}
      </p>
    </div>
  );
}
