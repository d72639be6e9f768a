/**
 * @module Login: the municipality's single sign-on when it has one (/login/<slug>, or the environment's municipality
 * on /login), and e-mail and password, checked here for blanks and by the server for the rest; back to where you were.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ssoLoginErrors } from '../../../domain/sso.ts';
import type { LoginOptions } from '../../../server/contracts/sso.ts';
import { ApiError } from '../../api/client.ts';
import { useLoginOptions } from '../../api/queries.ts';
import type { NavigationFocusState } from '../../app/AppShell.tsx';
import { type LoginRedirectState, safeReturnPath } from '../../app/guards.tsx';
import { type SignedOutState, useLogin, useSessionUser } from '../../session/session.ts';
import { ErrorSummary, formErrors } from '../../ui/ErrorSummary.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';

type Field = 'email' | 'password';
const fieldIds: Record<Field, string> = { email: 'login-email', password: 'login-password' };
// Deliberately loose: the server has the final word; this only catches the obvious slip before a round trip.
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

export function LoginPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const location = useLocation();
  const { slug } = useParams();
  const [searchParams] = useSearchParams();
  const options = useLoginOptions(slug);
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Just signed out: stay here, though the session is forgotten a moment after arriving.
  const signedOut = (location.state as Partial<SignedOutState> | null)?.signedOut === true;
  if (user && !signedOut) {
    const to = safeReturnPath((location.state as LoginRedirectState | null)?.from);
    const state: NavigationFocusState = { moveFocus: true };
    return <Navigate to={to} replace state={state} />;
  }

  const fail = (fields: Partial<Record<Field, string>>, form: string | null) => {
    setFieldErrors(fields);
    setFormError(form);
    setAttempt((count) => count + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    const trimmedEmail = email.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (!trimmedEmail) errors.email = t('login.errors.emailRequired');
    else if (!looksLikeEmail(trimmedEmail)) errors.email = t('login.errors.emailInvalid');
    if (!password) errors.password = t('login.errors.passwordRequired');
    if (Object.keys(errors).length > 0) {
      fail(errors, null);
      return;
    }
    login.mutate(
      { email: trimmedEmail, password },
      {
        // After a sign-out the page stays put for a signed-in user (see above), so go to the start page here.
        onSuccess: () => {
          if (signedOut) void navigate('/', { replace: true, state: { moveFocus: true } });
        },
        onError: (error) => {
          setPassword('');
          if (
            error instanceof ApiError &&
            error.code === 'validation_failed' &&
            Object.keys(error.fields).length
          ) {
            fail({ email: error.fields.email, password: error.fields.password }, null);
          } else if (error instanceof ApiError && error.message) {
            fail({}, error.message);
          } else {
            fail({}, t('login.errors.unavailable'));
          }
        },
      },
    );
  };

  const summary = formErrors(fieldIds, fieldErrors, formError);

  const returnTo = safeReturnPath((location.state as LoginRedirectState | null)?.from);
  const sso = options.data?.ssoStartPath ? options.data : null;
  const passwordLogin = options.data?.passwordLogin ?? true;
  const passwordForm = (
    <>
      <ErrorSummary errors={summary} attempt={attempt} headingLevel={sso ? 3 : 2} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('login.title')}>
        <TextField
          id={fieldIds.email}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          label={t('login.email')}
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          required
        />
        <TextField
          id={fieldIds.password}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('login.password')}
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          width="m"
          required
        />
        <button type="submit" className={sso ? 'button button--secondary' : 'button button--primary'}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );

  return (
    <div className="narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      {options.data?.municipality ? (
        <p className="login-municipality">{options.data.municipality.name}</p>
      ) : null}
      <SsoErrorNotice code={searchParams.get('sso_error')} />
      {slug && options.isError ? (
        <p className="notice notice--error">{t('login.unknownMunicipality')}</p>
      ) : null}
      {sso ? <SingleSignOn options={sso} returnTo={returnTo} /> : <p className="lead">{t('login.intro')}</p>}
      {sso && passwordLogin ? (
        // No accessible name for the section: its heading says "adgangskode", and a field is what that word labels.
        <section className="login-alternative">
          <h2 id="login-password-title">{t('login.passwordTitle')}</h2>
          {passwordForm}
        </section>
      ) : null}
      {sso && !passwordLogin ? (
        <details className="login-alternative" open={summary.length > 0 || undefined}>
          <summary>{t('login.sso.adminPassword')}</summary>
          <p>{t('login.sso.adminPasswordHint')}</p>
          {passwordForm}
        </details>
      ) : null}
      {sso ? null : passwordForm}
    </div>
  );
}

function SingleSignOn({ options, returnTo }: { options: LoginOptions; returnTo: string }) {
  const { t } = useTranslation();
  const municipality = options.municipality?.name ?? '';
  // A plain link: the browser leaves for the identity provider and comes back with a session cookie.
  const href = `${options.ssoStartPath}?returnTo=${encodeURIComponent(returnTo)}`;
  return (
    <section aria-labelledby="login-sso-title" className="login-sso">
      <h2 id="login-sso-title">{t('login.sso.title')}</h2>
      <p>{t('login.sso.intro', { municipality })}</p>
      <a className="button button--primary" href={href}>
        {t('login.sso.button', { municipality })}
      </a>
    </section>
  );
}

/** Why the last single sign-on ended here, in the user's words (the server logs the technical reason). */
function SsoErrorNotice({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  const known = ssoLoginErrors.find((error) => error === code) ?? 'sso_unavailable';
  return (
    <div className="notice notice--error" role="alert">
      <p>{t(`login.sso.errors.${known}`)}</p>
    </div>
  );
}
