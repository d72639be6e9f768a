/** @module Where a form's errors go: the server's per-field messages placed on the form's fields by id. */
import type { FormError } from './ErrorSummary.tsx';

/**
 * The server names fields by path (`scheduledAt`, `competenceIds.0`); each message goes to the form's field for the
 * path's first part, or to the whole form when the form has no such field.
 */
export function placeFieldErrors(
  fields: Readonly<Record<string, string>>,
  fieldIds: Readonly<Record<string, string>>,
): FormError[] {
  return Object.entries(fields).map(([path, message]) => {
    const fieldId = fieldIds[path.split('.')[0] ?? ''];
    return fieldId ? { fieldId, message } : { message };
  });
}

/** The message a field shows beside it: the first error linked to its id. */
export const errorFor = (errors: readonly FormError[], fieldId: string): string | undefined =>
  errors.find((error) => error.fieldId === fieldId)?.message;
