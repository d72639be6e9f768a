/** @module Change your own password: current, new and repeated; the repeat is checked here, the rest by the server. */

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/TextField.tsx';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
const fields: readonly Field[] = ['currentPassword', 'newPassword', 'repeatPassword'];
const fieldId = (field: Field) => `password-${field}`;
/** Mirrors the server's rule, so the user learns it before the round trip. */
const minimumLength = 10;

export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    repeatPassword: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const savedNotice = useRef<HTMLDivElement>(null);

  const change = useMutation({
    mutationFn: () =>
      api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
  });

  const fail = (fieldErrors: Partial<Record<Field, string>>, message: string | null) => {
    setErrors(fieldErrors);
    setFormError(message);
    setSaved(false);
    setAttempt((count) => count + 1);
  };

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = t('account.password.errors.currentRequired');
    if (!values.newPassword) found.newPassword = t('account.password.errors.newRequired');
    else if (values.newPassword.length < minimumLength)
      found.newPassword = t('account.password.errors.newTooShort', { count: minimumLength });
    if (!values.repeatPassword) found.repeatPassword = t('account.password.errors.repeatRequired');
    else if (values.newPassword && values.repeatPassword !== values.newPassword)
      found.repeatPassword = t('account.password.errors.repeatMismatch');
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    const found = validate();
    if (Object.keys(found).length) {
      fail(found, null);
      return;
    }
    change.mutate(undefined, {
      onSuccess: () => {
        setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
        setErrors({});
        setFormError(null);
        setSaved(true);
        // Wait for the notice to render before moving focus to it.
        requestAnimationFrame(() => savedNotice.current?.focus());
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return fail({}, t('errors.generic.text'));
        if (error.code === 'wrong_password') return fail({ currentPassword: error.message }, null);
        if (error.code === 'weak_password') return fail({ newPassword: error.message }, null);
        if (error.code === 'validation_failed' && Object.keys(error.fields).length) {
          return fail(
            { currentPassword: error.fields.currentPassword, newPassword: error.fields.newPassword },
            null,
          );
        }
        return fail({}, error.message || t('errors.generic.text'));
      },
    });
  };

  const summary: FormError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...fields.flatMap((field) => {
      const message = errors[field];
      return message ? [{ fieldId: fieldId(field), message }] : [];
    }),
  ];
  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  return (
    <section aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password.title')}</h2>
      {saved ? (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={savedNotice}>
          <p>{t('account.password.saved')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summary} attempt={attempt} headingLevel={3} />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="account-password">
        {/* Tells a password manager whose password this is; hidden from everyone else. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          id={fieldId('currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('account.password.current')}
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
          width="m"
          required
        />
        <TextField
          id={fieldId('newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('account.password.new')}
          hint={t('account.password.newHint', { count: minimumLength })}
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
          width="m"
          required
        />
        <TextField
          id={fieldId('repeatPassword')}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          label={t('account.password.repeat')}
          value={values.repeatPassword}
          onChange={set('repeatPassword')}
          error={errors.repeatPassword}
          width="m"
          required
        />
        <button type="submit" className="button button--primary">
          {change.isPending ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}
