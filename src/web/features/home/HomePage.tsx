/** @module Home: who you are in Vejviser (roles, municipality, units) and where you can go from here. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { MyTasks } from '../tasks/MyTasks.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = currentLocale();
  const roles = user.roles.map((role) => t(`roles.${role}`));

  const shortcuts = [
    { to: '/profil', title: t('nav.profile'), text: t('home.shortcuts.profile'), show: true },
    { to: '/samtaler', title: t('nav.conversations'), text: t('home.shortcuts.conversations'), show: true },
    { to: '/plan', title: t('nav.plan'), text: t('home.shortcuts.plan'), show: true },
    {
      to: '/praksislog',
      title: t('nav.practice'),
      text: t('home.shortcuts.practice'),
      show: hasRole(user, 'employee'),
    },
    { to: '/kompetenceramme', title: t('nav.framework'), text: t('home.shortcuts.framework'), show: true },
    {
      to: '/runder',
      title: t('nav.rounds'),
      text: t('home.shortcuts.rounds'),
      show: hasRole(user, 'leader') || hasRole(user, 'admin'),
    },
    {
      to: '/leder',
      title: t('nav.dashboard'),
      text: t('home.shortcuts.dashboard'),
      show: hasRole(user, 'leader'),
    },
    { to: '/team', title: t('nav.team'), text: t('home.shortcuts.team'), show: hasRole(user, 'leader') },
    {
      to: '/rekruttering',
      title: t('nav.recruitment'),
      text: t('home.shortcuts.recruitment'),
      show: hasRole(user, 'hr') || hasRole(user, 'leader'),
    },
    {
      to: '/team/overblik',
      title: t('nav.teamOverview'),
      text: t('home.shortcuts.teamOverview'),
      show: hasRole(user, 'leader') || hasRole(user, 'admin'),
    },
    { to: '/temadage', title: t('nav.themeDays'), text: t('home.shortcuts.themeDays'), show: true },
    {
      to: '/admin',
      title: t('nav.admin'),
      text: t('home.shortcuts.admin'),
      show: hasRole(user, 'admin'),
    },
    { to: '/konto', title: t('nav.account'), text: t('home.shortcuts.account'), show: true },
  ].filter((shortcut) => shortcut.show);

  return (
    <>
      <PageHeading title={t('home.documentTitle')}>{t('home.title', { name: user.name })}</PageHeading>
      <p className="lead">{t('home.intro')}</p>
      {hasRole(user, 'leader') ? (
        <p className="notice notice--info">
          <Link to="/leder">{t('home.dashboardLink')}</Link>
        </p>
      ) : null}

      <MyTasks />

      <section aria-labelledby="home-about">
        <h2 id="home-about">{t('home.aboutYou')}</h2>
        <dl className="summary-list">
          <div className="summary-list-row">
            <dt>{t('person.name')}</dt>
            <dd>{user.name}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{t('person.title')}</dt>
            <dd>{user.title ?? t('person.noTitle')}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{t('person.email')}</dt>
            <dd>{user.email}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{t('person.roles')}</dt>
            <dd>{roles.length ? formatList(roles, locale) : t('person.noRoles')}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{t('person.municipality')}</dt>
            <dd>{user.municipality.name}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{t('person.unit')}</dt>
            <dd>{user.unit?.name ?? t('person.noUnit')}</dd>
          </div>
          {user.ledUnits.length ? (
            <div className="summary-list-row">
              <dt>{t('person.ledUnits')}</dt>
              <dd>
                <ul className="plain-list">
                  {user.ledUnits.map((unit) => (
                    <li key={unit.id}>{unit.name}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{t('home.shortcutsTitle')}</h2>
        <ul className="card-list">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.to} className="card">
              <h3 className="card-title">
                <Link to={shortcut.to}>{shortcut.title}</Link>
              </h3>
              <p>{shortcut.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
