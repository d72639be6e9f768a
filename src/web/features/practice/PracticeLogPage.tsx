/**
 * @module "Min praksislog": the employee's own timeline of citizen contacts, newest first, filtered by month, channel
 * and help level; the count per help level per month as a chart and a table; sharing, talking points and deleting.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { helpLevels, practiceChannels, recentMonths } from '../../../domain/practice.ts';
import type { PracticeEntry, PracticeLog } from '../../../server/contracts/practice.ts';
import { ApiError, api, type PracticeLogFilter } from '../../api/client.ts';
import { queryKeys, usePracticeLog } from '../../api/queries.ts';
import { formatDay, formatMonth, todayIso } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { type Outcome, StatusLine } from '../conversations/shared.tsx';
import { HelpLevelChart } from './HelpLevelChart.tsx';
import { PracticeEntryCard } from './PracticeEntryCard.tsx';
import type { PracticeSavedState } from './PracticeEntryPage.tsx';
import { entryInput } from './practice-form.ts';

const filterKeys = ['month', 'channel', 'helpLevel'] as const;

export function PracticeLogPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const saved = (location.state as PracticeSavedState | null)?.saved;
  const [search, setSearch] = useSearchParams();
  const filter: PracticeLogFilter = Object.fromEntries(
    filterKeys.flatMap((key) => (search.get(key) ? [[key, search.get(key)!]] : [])),
  );
  const log = usePracticeLog(filter);
  return (
    <>
      <PageHeading>{t('practice.title')}</PageHeading>
      <p className="lead">{t('practice.intro')}</p>
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>{t(`practice.saved.${saved}`)}</p>
        </div>
      ) : null}
      <p className="button-row practice-actions">
        <Link className="button button--primary" to="/praksislog/ny">
          {t('practice.newEntry')}
        </Link>
        {hasRole(user, 'leader') || hasRole(user, 'admin') ? (
          <Link className="button button--secondary" to="/praksislog/team">
            {t('practice.teamLink')}
          </Link>
        ) : null}
      </p>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryErrorNotice error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <section aria-labelledby="practice-chart" className="practice-section">
            <h2 id="practice-chart">{t('practice.chartTitle')}</h2>
            <HelpLevelChart months={log.data.months} />
          </section>
          <section aria-labelledby="practice-entries" className="practice-section">
            <h2 id="practice-entries">{t('practice.entriesTitle')}</h2>
            <FilterForm
              filter={filter}
              onFilter={(next) =>
                setSearch(Object.fromEntries(Object.entries(next).filter(([, value]) => value)), {
                  replace: true,
                })
              }
            />
            <Timeline log={log.data} filtered={Object.keys(filter).length > 0} />
          </section>
        </>
      )}
    </>
  );
}

function FilterForm({
  filter,
  onFilter,
}: {
  filter: PracticeLogFilter;
  onFilter: (filter: PracticeLogFilter) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [values, setValues] = useState<PracticeLogFilter>(filter);
  const months = recentMonths(todayIso(), 12).reverse();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFilter(values);
  };
  const select = (key: (typeof filterKeys)[number], options: { value: string; label: string }[]) => (
    <div className="form-group">
      <label className="form-label" htmlFor={`practice-filter-${key}`}>
        {t(`practice.filter.${key}`)}
      </label>
      <select
        id={`practice-filter-${key}`}
        className="form-select form-select--m"
        value={values[key] ?? ''}
        onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
      >
        <option value="">{t('practice.filter.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className="form form--compact practice-filter"
      onSubmit={onSubmit}
      aria-label={t('practice.filter.label')}
    >
      {select(
        'month',
        months.map((month) => ({ value: month, label: formatMonth(month, locale) })),
      )}
      {select(
        'channel',
        practiceChannels.map((channel) => ({ value: channel, label: t(`practice.channel.${channel}`) })),
      )}
      {select(
        'helpLevel',
        helpLevels.map((level) => ({ value: level, label: t(`practice.helpLevel.${level}`) })),
      )}
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          {t('practice.filter.show')}
        </button>
        {Object.keys(filter).length > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValues({});
              onFilter({});
            }}
          >
            {t('practice.filter.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Timeline({ log, filtered }: { log: PracticeLog; filtered: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (
    entry: PracticeEntry,
    marks: Partial<Pick<PracticeEntry, 'shared' | 'talkingPoint'>>,
  ) => {
    if (busy) return;
    setBusy(true);
    const date = formatDay(entry.occurredOn, locale);
    try {
      await api.updatePracticeEntry(entry.id, {
        ...entryInput(entry),
        version: entry.version,
        shared: marks.shared ?? entry.shared,
        talkingPoint: marks.talkingPoint ?? entry.talkingPoint,
      });
      const key =
        marks.shared !== undefined
          ? marks.shared
            ? 'sharedNow'
            : 'unsharedNow'
          : marks.talkingPoint
            ? 'talkingPointNow'
            : 'talkingPointRemoved';
      setOutcome({ kind: 'success', text: t(`practice.entry.${key}`, { date }) });
    } catch (error) {
      setOutcome({ kind: 'error', text: conflictOr(error, t('practice.entry.conflict')) });
    } finally {
      await queryClient.invalidateQueries({ queryKey: queryKeys.practice });
      setBusy(false);
    }
  };

  const remove = async (entry: PracticeEntry) => {
    if (busy) return;
    setBusy(true);
    try {
      await api.deletePracticeEntry(entry.id, entry.version);
      setOutcome({ kind: 'success', text: t('practice.saved.deleted') });
    } catch (error) {
      setOutcome({ kind: 'error', text: conflictOr(error, t('practice.entry.conflict')) });
    } finally {
      await queryClient.invalidateQueries({ queryKey: queryKeys.practice });
      setBusy(false);
    }
  };

  return (
    <>
      <StatusLine outcome={outcome} />
      {log.entries.length === 0 ? (
        <p>{filtered ? t('practice.emptyFiltered') : t('practice.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('practice.showing', { shown: log.entries.length, count: log.total })}</p>
          <ol className="practice-timeline">
            {log.entries.map((entry) => (
              <li key={entry.id}>
                <PracticeEntryCard
                  entry={entry}
                  headingLevel={3}
                  actions={
                    <OwnEntryActions
                      entry={entry}
                      busy={busy}
                      onShare={() => void change(entry, { shared: !entry.shared })}
                      onTalkingPoint={() => void change(entry, { talkingPoint: !entry.talkingPoint })}
                      onDelete={() => void remove(entry)}
                    />
                  }
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

const conflictOr = (error: unknown, conflictText: string) =>
  error instanceof ApiError && error.status === 409
    ? conflictText
    : error instanceof ApiError && error.message
      ? error.message
      : conflictText;

function OwnEntryActions(props: {
  entry: PracticeEntry;
  busy: boolean;
  onShare: () => void;
  onTalkingPoint: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The button that asked is gone; the question's answer takes focus.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const date = formatDay(props.entry.occurredOn, locale);
  const about = <span className="visually-hidden"> – {t('practice.entry.editOf', { date })}</span>;
  if (confirming) {
    return (
      <div className="practice-confirm">
        <p>{t('practice.entry.confirmDelete', { date })}</p>
        <div className="button-row">
          <button
            type="button"
            ref={confirmButton}
            className="button button--primary button--small"
            onClick={props.onDelete}
          >
            {t('practice.entry.confirmDeleteYes')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(false)}
          >
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="button-row practice-entry-actions">
      <Link className="button button--secondary button--small" to={`/praksislog/${props.entry.id}`}>
        {t('practice.entry.edit')}
        {about}
      </Link>
      <ToggleButton pressed={props.entry.shared} disabled={props.busy} onClick={props.onShare}>
        {t('practice.entry.share')}
        {about}
      </ToggleButton>
      <ToggleButton pressed={props.entry.talkingPoint} disabled={props.busy} onClick={props.onTalkingPoint}>
        {t('practice.entry.markTalkingPoint')}
        {about}
      </ToggleButton>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={props.busy}
        onClick={() => setConfirming(true)}
      >
        {t('practice.entry.delete')}
        {about}
      </button>
    </div>
  );
}

/** A mark that is on or off (shared, talking point): its state is read out as "pressed", and shown with a tick. */
function ToggleButton(props: {
  pressed: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
