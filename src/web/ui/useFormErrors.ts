/** @module A form's errors for the DKFDS error summary and its fields: set by a failed submit, placed by field id. */
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { FormError } from './ErrorSummary.tsx';

export function useFormErrors() {
  const [errors, setErrors] = useState<FormError[]>([]);
  // Bumped by every failed submit, so the summary takes focus even when the errors are the same.
  const [attempt, setAttempt] = useState(0);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  return {
    errors,
    attempt,
    fail,
    clear: () => setErrors([]),
    errorOf: (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message,
    /**
     * A refused request: the server's per-field messages beside their fields (`fieldIdOf` maps a field path such as
     * `email` to the field's id), otherwise the server's message, or `fallback`, for the whole form.
     */
    failFrom: (error: unknown, fieldIdOf: (path: string) => string | undefined, fallback: string) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(
          Object.entries(error.fields).map(([path, message]) => {
            const fieldId = fieldIdOf(path);
            return fieldId ? { fieldId, message } : { message };
          }),
        );
        return;
      }
      fail([{ message: error instanceof ApiError && error.message ? error.message : fallback }]);
    },
  };
}
