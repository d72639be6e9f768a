/**
 * @module The administrator's starting point: every administration page, grouped by what the administrator is
 * doing, so the main menu carries one link for all of them instead of one per page.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';

/** The groups and their pages, in the order an administrator setting up a municipality meets them. */
export const adminSections = [
  {
    key: 'organisation',
    pages: [
      { to: '/admin/brugere', key: 'users' },
      { to: '/admin/kompetenceramme', key: 'frameworkAdmin' },
    ],
  },
  {
    key: 'access',
    pages: [
      { to: '/admin/sso', key: 'sso' },
      { to: '/admin/api-noegler', key: 'apiTokens' },
    ],
  },
  {
    key: 'operations',
    pages: [
      { to: '/admin/indstillinger', key: 'settings' },
      { to: '/admin/udbakke', key: 'outbox' },
      { to: '/admin/revisionslog', key: 'auditLog' },
      { to: '/admin/sletning', key: 'retention' },
    ],
  },
] as const;

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('adminHub.title')}</PageHeading>
      <p className="lead">{t('adminHub.intro')}</p>
      {adminSections.map((section) => (
        <section key={section.key} aria-labelledby={`admin-${section.key}`}>
          <h2 id={`admin-${section.key}`}>{t(`adminHub.sections.${section.key}`)}</h2>
          <ul className="card-list">
            {section.pages.map((page) => (
              <li key={page.to} className="card">
                <h3 className="card-title">
                  <Link to={page.to}>{t(`adminHub.pages.${page.key}.title`)}</Link>
                </h3>
                <p>{t(`adminHub.pages.${page.key}.text`)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
