/** @module The frame around every page: skip link, header with navigation and language, main, footer; focus on navigation. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigationType } from 'react-router';
import type { SessionUser } from '../../server/contracts/auth.ts';
import { hasRole, useLogout, useSession } from '../session/session.ts';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../ui/QueryErrorNotice.tsx';

/** Navigation state that asks the shell to move focus even though the navigation replaced the entry. */
export interface NavigationFocusState {
  moveFocus?: boolean;
}

function focusMainHeading(): void {
  const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  window.scrollTo(0, 0);
  target?.focus({ preventScroll: true });
}

/**
 * After a navigation, a screen reader should start at the new page's heading, as after a full page load.
 * Not on the first load (the skip link must stay the first Tab stop), and not on guard redirects (REPLACE).
 */
function useFocusOnNavigation(): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  const firstLoad = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes, not when its state or hash does.
  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    const asked = (location.state as NavigationFocusState | null)?.moveFocus === true;
    if (navigationType === 'REPLACE' && !asked) return;
    focusMainHeading();
  }, [location.pathname]);
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a real link to #main; the handler only keeps #main out of the router's URL.
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // The router owns the URL; move focus ourselves instead of adding #main to it.
        event.preventDefault();
        const main = document.getElementById('main');
        main?.focus();
        main?.scrollIntoView();
      }}
    >
      {t('app.skipLink')}
    </a>
  );
}

function MainNavigation({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const links = [
    { to: '/', label: t('nav.home'), end: true, show: true },
    { to: '/profil', label: t('nav.profile'), end: true, show: hasRole(user, 'employee') },
    { to: '/samtaler', label: t('nav.conversations'), end: false, show: true },
    { to: '/plan', label: t('nav.plan'), end: true, show: true },
    { to: '/praksislog', label: t('nav.practice'), end: true, show: hasRole(user, 'employee') },
    {
      to: '/praksislog/team',
      label: t('nav.teamPractice'),
      end: false,
      show: hasRole(user, 'leader') || hasRole(user, 'admin'),
    },
    { to: '/laer-af-kolleger', label: t('nav.pairings'), end: false, show: hasRole(user, 'leader') },
    { to: '/kompetenceramme', label: t('nav.framework'), end: false, show: true },
    {
      to: '/runder',
      label: t('nav.rounds'),
      end: false,
      show: hasRole(user, 'leader') || hasRole(user, 'admin') || hasRole(user, 'hr'),
    },
    { to: '/leder', label: t('nav.dashboard'), end: true, show: hasRole(user, 'leader') },
    { to: '/team', label: t('nav.team'), end: true, show: hasRole(user, 'leader') },
    {
      to: '/team/overblik',
      label: t('nav.teamOverview'),
      end: false,
      show: hasRole(user, 'leader') || hasRole(user, 'admin'),
    },
    { to: '/temadage', label: t('nav.themeDays'), end: false, show: true },
    {
      to: '/rekruttering',
      label: t('nav.recruitment'),
      end: false,
      show: hasRole(user, 'hr') || hasRole(user, 'leader'),
    },
    { to: '/admin/brugere', label: t('nav.users'), end: false, show: hasRole(user, 'admin') },
    { to: '/admin/udbakke', label: t('nav.outbox'), end: false, show: hasRole(user, 'admin') },
    { to: '/admin/indstillinger', label: t('nav.settings'), end: false, show: hasRole(user, 'admin') },
    { to: '/admin/sletning', label: t('nav.retention'), end: false, show: hasRole(user, 'admin') },
    { to: '/admin/revisionslog', label: t('nav.auditLog'), end: false, show: hasRole(user, 'admin') },
    {
      to: '/admin/kompetenceramme',
      label: t('nav.frameworkAdmin'),
      end: false,
      show: hasRole(user, 'admin'),
    },
    { to: '/admin/sso', label: t('nav.sso'), end: false, show: hasRole(user, 'admin') },
    { to: '/admin/api-noegler', label: t('nav.apiTokens'), end: false, show: hasRole(user, 'admin') },
    { to: '/konto', label: t('nav.account'), end: false, show: true },
  ];
  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <div className="container">
        <ul className="site-nav-list">
          {links
            .filter((link) => link.show)
            .map((link) => (
              <li key={link.to}>
                {/* NavLink sets aria-current="page" on the current page's link. */}
                <NavLink className="site-nav-link" to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
        </ul>
      </div>
    </nav>
  );
}

function UserTools({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <div className="user-tools">
      <span className="user-name">
        <span className="visually-hidden">{t('header.signedInAs')} </span>
        {user.name}
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          if (!logout.isPending) logout.mutate();
        }}
      >
        {t('header.logout')}
      </button>
    </div>
  );
}

function SiteHeader({ user }: { user: SessionUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container site-header-bar">
        <div className="brand">
          <Link className="brand-name" to="/">
            Vejviser
          </Link>
          <span className="brand-municipality">{user ? user.municipality.name : t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          <LanguageSwitcher />
          {user ? <UserTools user={user} /> : null}
        </div>
      </div>
      {user ? <MainNavigation user={user} /> : null}
    </header>
  );
}

function SiteFooter({ user }: { user: SessionUser | null }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer-name">{user ? `Vejviser · ${user.municipality.name}` : 'Vejviser'}</p>
        <p>{t('footer.about')}</p>
        <p>
          <Link to="/tilgaengelighed">{t('footer.accessibility')}</Link>
        </p>
      </div>
    </footer>
  );
}

function SessionFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('errors.sessionFailed')}</PageHeading>
      <QueryErrorNotice error={error} onRetry={onRetry} />
    </>
  );
}

export function AppShell() {
  const session = useSession();
  useFocusOnNavigation();
  const user = session.data ?? null;
  return (
    <div className="app">
      <SkipLink />
      <SiteHeader user={user} />
      <main id="main" className="site-main" tabIndex={-1}>
        <div className="container">
          {session.isPending ? (
            <Loading />
          ) : session.isError ? (
            <SessionFailed error={session.error} onRetry={() => void session.refetch()} />
          ) : (
            <Outlet />
          )}
        </div>
      </main>
      <SiteFooter user={user} />
    </div>
  );
}
