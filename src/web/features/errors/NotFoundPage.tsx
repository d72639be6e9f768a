/** @module 404: the address leads nowhere; say so plainly and offer the way back. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="lead">{t('notFound.text')}</p>
      <p>{t('notFound.hint')}</p>
      <p>
        <Link to="/">{t('errors.toHome')}</Link>
      </p>
    </>
  );
}
