/** @module Administration: API tokens for integrations — create one (shown once), see when each was last used, revoke. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiTokenScope, apiTokenScopes } from '../../../domain/api-tokens.ts';
import type { ApiToken, CreatedApiToken } from '../../../server/contracts/api-tokens.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useApiTokens } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, formErrors } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <>
      <PageHeading>{t('apiTokens.title')}</PageHeading>
      <p className="lead">{t('apiTokens.intro')}</p>
      <p>
        <a href="/api/docs">{t('apiTokens.docs')}</a>
      </p>
      {created ? (
        <NewToken created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateForm onCreated={setCreated} />
      )}
      <TokenList />
    </>
  );
}

const ids = { name: 'api-token-name', scope: 'api-token-scope' } as const;

function CreateForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope | null>(null);
  const [errors, setErrors] = useState<{ name?: string; scope?: string; form?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const create = useMutation({
    mutationFn: api.createApiToken,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
      onCreated(created);
    },
    onError: (error) => {
      setErrors(
        error instanceof ApiError && Object.keys(error.fields).length > 0
          ? { name: error.fields.name, scope: error.fields.scope }
          : { form: error instanceof ApiError && error.message ? error.message : t('errors.generic.text') },
      );
      setAttempt((count) => count + 1);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = {
      name: name.trim() ? undefined : t('apiTokens.errors.nameRequired'),
      scope: scope ? undefined : t('apiTokens.errors.scopeRequired'),
    };
    if (found.name || found.scope || !scope) {
      setErrors(found);
      setAttempt((count) => count + 1);
      return;
    }
    create.mutate({ name: name.trim(), scope });
  };
  const summary = formErrors(ids, { name: errors.name, scope: errors.scope }, errors.form);
  return (
    <section aria-labelledby="api-token-create">
      <h2 id="api-token-create">{t('apiTokens.createTitle')}</h2>
      <ErrorSummary errors={summary} attempt={attempt} headingLevel={3} />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="api-token-create">
        <TextField
          id={ids.name}
          name="name"
          label={t('apiTokens.name')}
          hint={t('apiTokens.nameHint')}
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        <fieldset
          className={errors.scope ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={errors.scope ? `${ids.scope}-error` : undefined}
        >
          <legend className="form-label form-label--legend">{t('apiTokens.scope')}</legend>
          {errors.scope ? <FieldError id={`${ids.scope}-error`} message={errors.scope} /> : null}
          {apiTokenScopes.map((option, index) => {
            const id = index === 0 ? ids.scope : `${ids.scope}-${option}`;
            return (
              <div className="radio radio--with-hint" key={option}>
                <input
                  className="radio-input"
                  type="radio"
                  name="scope"
                  id={id}
                  checked={scope === option}
                  aria-describedby={`${id}-hint`}
                  onChange={() => setScope(option)}
                />
                <label className="radio-label" htmlFor={id}>
                  {t(`apiTokens.scopes.${option}`)}
                </label>
                <p className="form-hint radio-hint" id={`${id}-hint`}>
                  {t(`apiTokens.scopes.${option}Hint`)}
                </p>
              </div>
            );
          })}
        </fieldset>
        <button type="submit" className="button button--primary">
          {create.isPending ? t('apiTokens.creating') : t('apiTokens.create')}
        </button>
      </form>
    </section>
  );
}

/** The token itself, this once: focus moves here so a screen reader hears it has been made. */
function NewToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="api-token-created" className="notice notice--success new-token">
      <h2 id="api-token-created" tabIndex={-1} ref={heading}>
        {t('apiTokens.createdTitle')}
      </h2>
      <p>{t('apiTokens.createdText')}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="api-token-value">
          {t('apiTokens.tokenLabel', { name: created.apiToken.name })}
        </label>
        <input
          id="api-token-value"
          className="form-input form-input--l token-value"
          readOnly
          value={created.token}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(created.token).then(() => setCopied(true));
          }}
        >
          {t('apiTokens.copy')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('apiTokens.done')}
        </button>
      </div>
      <div role="status" className="status-line">
        {copied ? <p>{t('apiTokens.copied')}</p> : null}
      </div>
    </section>
  );
}

function TokenList() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tokens = useApiTokens();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<ApiToken | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api.revokeApiToken(token.id),
    onSuccess: (_, token) => {
      setConfirming(null);
      setRevoked(t('apiTokens.revoked', { name: token.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
    },
  });
  const when = (iso: string) =>
    t('common.dateAtTime', { date: formatDate(iso, locale), time: formatTime(iso, locale) });
  if (tokens.isPending) return <Loading />;
  if (tokens.isError) return <QueryErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} />;
  const list = tokens.data.tokens;
  return (
    <section aria-labelledby="api-token-list">
      <h2 id="api-token-list">{t('apiTokens.listTitle')}</h2>
      <div role="status" className="status-line">
        {revoked ? <p className="notice notice--success">{revoked}</p> : null}
      </div>
      {revoke.isError ? (
        <QueryErrorNotice error={revoke.error} onRetry={() => confirming && revoke.mutate(confirming)} />
      ) : null}
      {list.length === 0 ? (
        <p>{t('apiTokens.none')}</p>
      ) : (
        <ScrollRegion labelledBy="api-token-caption">
          <table className="table">
            <caption id="api-token-caption" className="table-caption">
              {t('apiTokens.caption', { count: list.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('apiTokens.columns.name')}</th>
                <th scope="col">{t('apiTokens.columns.scope')}</th>
                <th scope="col">{t('apiTokens.columns.prefix')}</th>
                <th scope="col">{t('apiTokens.columns.created')}</th>
                <th scope="col">{t('apiTokens.columns.lastUsed')}</th>
                <th scope="col">{t('apiTokens.columns.status')}</th>
                <th scope="col">{t('apiTokens.columns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{t(`apiTokens.scopes.${token.scope}`)}</td>
                  <td>
                    <code>{token.displayPrefix}…</code>
                  </td>
                  <td>
                    {token.createdBy
                      ? t('apiTokens.createdBy', { when: when(token.createdAt), name: token.createdBy.name })
                      : when(token.createdAt)}
                  </td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('apiTokens.neverUsed')}</td>
                  <td>
                    {token.revokedAt
                      ? t('apiTokens.revokedAt', { when: when(token.revokedAt) })
                      : t('apiTokens.active')}
                  </td>
                  <td>
                    {token.revokedAt ? null : confirming?.id === token.id ? (
                      <div className="confirm-inline">
                        <p>{t('apiTokens.confirmRevoke', { name: token.name })}</p>
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button--danger button--small"
                            onClick={() => revoke.mutate(token)}
                          >
                            {t('apiTokens.confirm')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setConfirming(null)}
                          >
                            {t('common.cancel')}
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t('apiTokens.revokeNamed', { name: token.name })}
                        onClick={() => {
                          setRevoked(null);
                          setConfirming(token);
                        }}
                      >
                        {t('apiTokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
