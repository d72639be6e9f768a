/** @module Route guards: pages behind login send the visitor to /login and back; role pages explain a missing role. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../server/contracts/auth.ts';
import { hasRole, useSessionUser } from '../session/session.ts';
import { PageHeading } from '../ui/PageHeading.tsx';

/** Where the login page should return to after signing in. */
export interface LoginRedirectState {
  from?: string;
}

export function RequireAuth() {
  const user = useSessionUser();
  const location = useLocation();
  if (!user) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/** Only in-app paths, so a crafted link cannot send the user to another site after login (shared with the server). */
export { safeReturnPath } from '../../domain/sso.ts';

/** Shows the page to users with any of the roles in `needs`. */
export function RequireRole({ needs, children }: { needs: Role | readonly Role[]; children: ReactNode }) {
  const user = useSessionUser();
  const { t } = useTranslation();
  const wanted: readonly Role[] = typeof needs === 'string' ? [needs] : needs;
  if (wanted.some((role) => hasRole(user, role))) return children;
  return (
    <>
      <PageHeading>{t('noAccess.title')}</PageHeading>
      <p>{t('noAccess.text')}</p>
      <p>
        <Link to="/">{t('errors.toHome')}</Link>
      </p>
    </>
  );
}
