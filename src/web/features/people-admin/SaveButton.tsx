/** @module The forms' submit button, and the line that says the changes were saved (a live region). */
import { useTranslation } from 'react-i18next';

export function SaveButton({ label, pending, saved }: { label: string; pending: boolean; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" className="button button--primary">
        {pending ? t('peopleAdmin.saving') : label}
      </button>
      <div role="status" className="status-line">
        {saved ? <p className="notice notice--success">{t('peopleAdmin.saved')}</p> : null}
      </div>
    </>
  );
}
