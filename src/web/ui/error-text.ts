/** @module The words for a failed request: the server's translated message, or a general one when it sent none. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string =>
    error instanceof ApiError && error.message ? error.message : t('errors.generic.text');
}
