/** @module The audit log for administrators: search by period, person and kind of action; read page by page; export CSV. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView, AuditQuery } from '../../../server/contracts/audit.ts';
import { ApiError, api, auditCsvPath } from '../../api/client.ts';
import { queryKeys, useUsers } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { actionFamilies, actionLabel, purposeLabel } from './audit-labels.ts';

type Filter = Pick<AuditQuery, 'from' | 'to' | 'personId' | 'action'>;

/** Empty fields are left out, so the URL and the cache key say only what was asked. */
const cleaned = (filter: Filter): Filter =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as Filter;

export function AuditLogPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(cleaned(draft));
  };
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.intro')}</p>
      <AuditFilterForm draft={draft} onChange={setDraft} onSubmit={onSubmit} />
      <p>
        <a className="button button--secondary" href={auditCsvPath(filter)} download>
          {t('audit.exportCsv')}
        </a>
      </p>
      <AuditResults filter={filter} />
    </>
  );
}

function AuditFilterForm(props: {
  draft: Filter;
  onChange: (filter: Filter) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const { draft, onChange } = props;
  const set = (field: keyof Filter) => (value: string) => onChange({ ...draft, [field]: value || undefined });
  return (
    <form className="form filter-form" onSubmit={props.onSubmit} aria-label={t('audit.searchLabel')}>
      <div className="filter-form-fields">
        <div className="form-group">
          <label className="form-label" htmlFor="audit-from">
            {t('audit.from')}
          </label>
          <input
            className="form-input form-input--m"
            id="audit-from"
            type="date"
            value={draft.from ?? ''}
            onChange={(event) => set('from')(event.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-to">
            {t('audit.to')}
          </label>
          <input
            className="form-input form-input--m"
            id="audit-to"
            type="date"
            value={draft.to ?? ''}
            onChange={(event) => set('to')(event.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-person">
            {t('audit.person')}
          </label>
          <select
            className="form-select"
            id="audit-person"
            value={draft.personId ?? ''}
            onChange={(event) => set('personId')(event.target.value)}
          >
            <option value="">{t('audit.anyone')}</option>
            {(users.data?.users ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="audit-action">
            {t('audit.actionFamily')}
          </label>
          <select
            className="form-select"
            id="audit-action"
            value={draft.action ?? ''}
            onChange={(event) => set('action')(event.target.value)}
          >
            <option value="">{t('audit.anyAction')}</option>
            {actionFamilies.map((family) => (
              <option key={family} value={`${family}.`}>
                {t(`audit.family.${family}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button button--primary">
        {t('audit.search')}
      </button>
    </form>
  );
}

function AuditResults({ filter }: { filter: Filter }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pages = useInfiniteQuery({
    queryKey: [...queryKeys.audit, filter],
    queryFn: ({ pageParam }) => api.auditLog({ ...filter, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
    staleTime: 0,
  });
  if (pages.isPending) return <Loading />;
  if (pages.isError) {
    const fields = pages.error instanceof ApiError ? Object.values(pages.error.fields) : [];
    return (
      <>
        {fields.length > 0 ? <p className="form-error-message">{fields.join(' ')}</p> : null}
        <QueryErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />
      </>
    );
  }
  const events = pages.data.pages.flatMap((page) => page.events);
  if (events.length === 0) return <p>{t('audit.empty')}</p>;
  const person = (ref: { id: string | null; name: string | null } | null) =>
    ref?.id ? (ref.name ?? t('audit.deletedPerson')) : '–';
  const actor = (event: AuditEventView) =>
    event.actor.kind === 'user' ? person(event.actor) : t(`audit.actorKind.${event.actor.kind}`);
  return (
    <>
      <ScrollRegion labelledBy="audit-caption">
        <table className="table">
          <caption id="audit-caption" className="table-caption">
            {t('audit.caption', { count: events.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.whose')}</th>
              <th scope="col">{t('audit.purposeColumn')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  {t('common.dateAtTime', {
                    date: formatDate(event.occurredAt, locale),
                    time: formatTime(event.occurredAt, locale),
                  })}
                </td>
                <td>{actor(event)}</td>
                <td>{actionLabel(t, event.action)}</td>
                <td>{person(event.subjectPerson)}</td>
                <td>{purposeLabel(t, event.purpose)}</td>
                <td>
                  {Object.entries(event.details)
                    .map(([key, value]) => `${key}: ${value}`)
                    .join(', ') || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {pages.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t('audit.more')}
        </button>
      ) : null}
    </>
  );
}
