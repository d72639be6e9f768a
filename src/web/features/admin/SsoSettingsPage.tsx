/** @module Administration: the municipality's single sign-on (OpenID Connect) and whether passwords still work. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoSettingsInput, SsoSettingsView } from '../../../server/contracts/sso.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useSsoSettings, useUnits } from '../../api/queries.ts';
import { useCurrentUser } from '../../session/session.ts';
import { Checkbox } from '../../ui/Checkbox.tsx';
import { ErrorSummary, formErrors } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';

type Field =
  | 'enabled'
  | 'issuer'
  | 'clientId'
  | 'clientSecret'
  | 'matchBy'
  | 'claim'
  | 'defaultUnitId'
  | 'passwordLogin';
const ids: Record<Field, string> = {
  enabled: 'sso-enabled',
  issuer: 'sso-issuer',
  clientId: 'sso-client-id',
  clientSecret: 'sso-client-secret',
  matchBy: 'sso-match-by',
  claim: 'sso-claim',
  defaultUnitId: 'sso-default-unit',
  passwordLogin: 'sso-password-login',
};

export function SsoSettingsPage() {
  const { t } = useTranslation();
  const settings = useSsoSettings();
  return (
    <>
      <PageHeading>{t('ssoSettings.title')}</PageHeading>
      <p className="lead">{t('ssoSettings.intro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <ProviderDetails settings={settings.data} />
          {settings.data.source === 'environment' ? (
            <p className="notice">{t('ssoSettings.environment')}</p>
          ) : (
            <SsoForm settings={settings.data} />
          )}
        </>
      )}
    </>
  );
}

/** What the administrator copies into the provider's app registration and the intranet. */
function ProviderDetails({ settings }: { settings: SsoSettingsView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sso-provider-details">
      <h2 id="sso-provider-details">{t('ssoSettings.forProvider')}</h2>
      <dl className="summary-list">
        <div className="summary-list-row">
          <dt>{t('ssoSettings.redirectUri')}</dt>
          <dd>
            <code>{settings.redirectUri}</code>
          </dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('ssoSettings.loginUrl')}</dt>
          <dd>
            <a href={settings.loginPath}>{`${window.location.origin}${settings.loginPath}`}</a>
            <p className="form-hint">{t('ssoSettings.loginUrlHint')}</p>
          </dd>
        </div>
      </dl>
    </section>
  );
}

function SsoForm({ settings }: { settings: SsoSettingsView }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SsoSettingsInput>({
    enabled: settings.enabled,
    issuer: settings.issuer,
    clientId: settings.clientId,
    matchBy: settings.matchBy,
    claim: settings.claim,
    createUsers: settings.createUsers,
    defaultUnitId: settings.defaultUnitId,
    passwordLogin: settings.passwordLogin,
  });
  const [clientSecret, setClientSecret] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof SsoSettingsInput>(key: K, value: SsoSettingsInput[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };
  const fail = (fields: Partial<Record<Field, string>>, form: string | null) => {
    setFieldErrors(fields);
    setFormError(form);
    setAttempt((count) => count + 1);
  };

  const save = useMutation({
    mutationFn: (input: SsoSettingsInput) => api.saveSsoSettings(input),
    onSuccess: (view) => {
      queryClient.setQueryData(queryKeys.ssoSettings, view);
      setClientSecret('');
      setFieldErrors({});
      setFormError(null);
      setSaved(true);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(error.fields as Partial<Record<Field, string>>, null);
      } else {
        fail({}, error instanceof ApiError && error.message ? error.message : t('errors.generic.text'));
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const errors: Partial<Record<Field, string>> = {};
    if (values.enabled && !values.issuer.trim()) errors.issuer = t('ssoSettings.errors.issuerRequired');
    if (!values.clientId.trim()) errors.clientId = t('ssoSettings.errors.clientIdRequired');
    if (!values.claim.trim()) errors.claim = t('ssoSettings.errors.claimRequired');
    if (Object.keys(errors).length > 0) {
      fail(errors, null);
      return;
    }
    save.mutate({ ...values, ...(clientSecret ? { clientSecret } : {}) });
  };

  const summary = formErrors(ids, fieldErrors, formError);

  return (
    <section aria-labelledby="sso-form-title">
      <h2 id="sso-form-title">{t('nav.sso')}</h2>
      <ErrorSummary errors={summary} attempt={attempt} headingLevel={3} />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="sso-form-title">
        <Checkbox
          id={ids.enabled}
          label={t('ssoSettings.enabled')}
          hint={t('ssoSettings.enabledHint', { municipality: user.municipality.name })}
          checked={values.enabled}
          onChange={(checked) => set('enabled', checked)}
        />
        <TextField
          id={ids.issuer}
          name="issuer"
          type="text"
          inputMode="text"
          label={t('ssoSettings.issuer')}
          hint={t('ssoSettings.issuerHint')}
          value={values.issuer}
          onChange={(value) => set('issuer', value)}
          error={fieldErrors.issuer}
        />
        <TextField
          id={ids.clientId}
          name="clientId"
          label={t('ssoSettings.clientId')}
          value={values.clientId}
          onChange={(value) => set('clientId', value)}
          error={fieldErrors.clientId}
          required
        />
        <TextField
          id={ids.clientSecret}
          name="clientSecret"
          type="password"
          autoComplete="off"
          label={t('ssoSettings.clientSecret')}
          hint={
            settings.hasClientSecret ? t('ssoSettings.clientSecretSaved') : t('ssoSettings.clientSecretNew')
          }
          value={clientSecret}
          onChange={(value) => {
            setClientSecret(value);
            setSaved(false);
          }}
          error={fieldErrors.clientSecret}
        />
        <fieldset
          className={fieldErrors.matchBy ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
        >
          <legend className="form-label form-label--legend">{t('ssoSettings.matchBy')}</legend>
          {(['email', 'external_id'] as const).map((kind, index) => (
            <div className="radio" key={kind}>
              <input
                className="radio-input"
                type="radio"
                name="matchBy"
                id={index === 0 ? ids.matchBy : `${ids.matchBy}-${kind}`}
                checked={values.matchBy === kind}
                onChange={() => set('matchBy', kind)}
              />
              <label className="radio-label" htmlFor={index === 0 ? ids.matchBy : `${ids.matchBy}-${kind}`}>
                {kind === 'email' ? t('ssoSettings.matchByEmail') : t('ssoSettings.matchByExternalId')}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={ids.claim}
          name="claim"
          label={t('ssoSettings.claim')}
          hint={t('ssoSettings.claimHint')}
          value={values.claim}
          onChange={(value) => set('claim', value)}
          error={fieldErrors.claim}
          width="m"
          required
        />
        <Checkbox
          id="sso-create-users"
          label={t('ssoSettings.createUsers')}
          checked={values.createUsers}
          onChange={(checked) => set('createUsers', checked)}
        />
        <div className={fieldErrors.defaultUnitId ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.defaultUnitId}>
            {t('ssoSettings.defaultUnit')}
          </label>
          {fieldErrors.defaultUnitId ? (
            <FieldError id={`${ids.defaultUnitId}-error`} message={fieldErrors.defaultUnitId} />
          ) : null}
          <select
            id={ids.defaultUnitId}
            className="form-select"
            value={values.defaultUnitId ?? ''}
            aria-invalid={fieldErrors.defaultUnitId ? true : undefined}
            aria-describedby={fieldErrors.defaultUnitId ? `${ids.defaultUnitId}-error` : undefined}
            onChange={(event) => set('defaultUnitId', event.target.value || null)}
          >
            <option value="">{t('ssoSettings.chooseUnit')}</option>
            {(units.data?.units ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <Checkbox
          id={ids.passwordLogin}
          label={t('ssoSettings.passwordLogin')}
          hint={t('ssoSettings.passwordLoginHint')}
          checked={values.passwordLogin}
          onChange={(checked) => set('passwordLogin', checked)}
          error={fieldErrors.passwordLogin}
        />
        <button type="submit" className="button button--primary">
          {save.isPending ? t('ssoSettings.saving') : t('ssoSettings.save')}
        </button>
        <div role="status" className="status-line">
          {saved ? <p className="notice notice--success">{t('ssoSettings.saved')}</p> : null}
        </div>
      </form>
    </section>
  );
}
