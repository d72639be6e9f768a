/** @module The error beside a field (DKFDS): red, bold, and read out with an "Error:" prefix. */
import { useTranslation } from 'react-i18next';

export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="form-error-message" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {message}
    </p>
  );
}
