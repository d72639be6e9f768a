/** @module Login: e-mail and password, checked here for blanks and by the server for the rest; back to where you were. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { NavigationFocusState } from '../../app/AppShell.tsx';
import { type LoginRedirectState, safeReturnPath } from '../../app/guards.tsx';
import { type SignedOutState, useLogin, useSessionUser } from '../../session/session.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
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

  const summary: FormError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(['email', 'password'] as const).flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ fieldId: fieldIds[field], message }] : [];
    }),
  ];

  return (
    <div className="narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      <ErrorSummary errors={summary} attempt={attempt} />
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
        <button type="submit" className="button button--primary">
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
