/** @module Your account: change your password and choose your language. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../session/session.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { LanguageForm } from './LanguageForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <p className="lead">{t('account.intro', { email: user.email })}</p>
      <div className="narrow">
        <PasswordForm email={user.email} />
        <LanguageForm />
        <p>
          <Link to="/mine-data">{t('account.myDataLink')}</Link>
        </p>
      </div>
    </>
  );
}
