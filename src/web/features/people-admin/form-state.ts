/** @module What the administrator's forms share: their errors, the server's words for a failure, and fresh lists after a change. */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { placeFieldErrors } from '../../ui/form-errors.ts';

/** The server's message for a failed change: the first field's message, else the error's own, else `fallback`. */
export const messageOf = (error: unknown, fallback: string): string => {
  if (!(error instanceof ApiError)) return fallback;
  return Object.values(error.fields)[0] ?? (error.message || fallback);
};

/**
 * A form's errors for its error summary. `fail` shows errors found in the browser; `failFromServer` places the
 * server's per-field messages on the form's fields (by `fieldIds`), or shows its message for the whole form.
 */
export function useFormErrors(fieldIds: Readonly<Record<string, string>> = {}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const failFromServer = (error: unknown) => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
      fail(placeFieldErrors(error.fields, fieldIds));
    } else fail([{ message: messageOf(error, t('errors.generic.text')) }]);
  };
  return { errors, attempt, fail, failFromServer, clear: () => setErrors([]) };
}

/** After a change to people or units, every cached list of them may be out of date. */
export async function refreshPeople(queryClient: QueryClient): Promise<void> {
  for (const queryKey of [queryKeys.adminUnits, queryKeys.units, queryKeys.users, queryKeys.team]) {
    await queryClient.invalidateQueries({ queryKey });
  }
}

export const useRefreshPeople = () => {
  const queryClient = useQueryClient();
  return () => refreshPeople(queryClient);
};
