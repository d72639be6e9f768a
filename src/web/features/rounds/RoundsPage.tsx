/** @module The profiling rounds a leader, administrator (or HR, when allowed) may follow, with their progress. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoundSummary } from '../../../server/contracts/rounds.ts';
import { ApiError } from '../../api/client.ts';
import { useRounds } from '../../api/queries.ts';
import { formatDay } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';

/** Open rounds first, the nearest deadline first; then closed rounds, the latest first. */
export function sortRounds(rounds: readonly RoundSummary[]): RoundSummary[] {
  return [...rounds].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    return a.status === 'open' ? a.deadline.localeCompare(b.deadline) : b.deadline.localeCompare(a.deadline);
  });
}

function RoundsTable({ rounds }: { rounds: RoundSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ScrollRegion labelledBy="rounds-caption">
      <table className="table">
        <caption id="rounds-caption" className="table-caption">
          {t('rounds.list.caption', { count: rounds.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.name')}</th>
            <th scope="col">{t('rounds.status')}</th>
            <th scope="col">{t('rounds.deadline')}</th>
            <th scope="col" className="numeric">
              {t('rounds.list.participants')}
            </th>
            <th scope="col" className="numeric">
              {t('rounds.list.bothSubmitted')}
            </th>
            <th scope="col" className="numeric">
              {t('rounds.list.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sortRounds(rounds).map((round) => (
            <tr key={round.id}>
              <th scope="row">
                <Link to={`/runder/${round.id}`}>{round.name}</Link>
              </th>
              <td>{t(`rounds.statusValue.${round.status}`)}</td>
              <td className="nowrap">{formatDay(round.deadline, locale)}</td>
              <td className="numeric">{round.participantCount}</td>
              <td className="numeric">{round.bothSubmittedCount}</td>
              <td className="numeric">{round.overdueCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function RoundsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const rounds = useRounds();
  const canStart = hasRole(user, 'leader') || hasRole(user, 'admin');
  return (
    <>
      <PageHeading>{t('rounds.list.title')}</PageHeading>
      <p className="lead">{t('rounds.list.intro')}</p>
      {canStart ? (
        <p>
          <Link className="button button--primary" to="/runder/ny">
            {t('rounds.new.title')}
          </Link>
        </p>
      ) : null}
      {rounds.isPending ? (
        <Loading />
      ) : rounds.isError ? (
        rounds.error instanceof ApiError && rounds.error.status === 403 ? (
          <div className="notice">
            <p>{t('rounds.list.hrNotAllowed')}</p>
          </div>
        ) : (
          <QueryErrorNotice error={rounds.error} onRetry={() => void rounds.refetch()} />
        )
      ) : rounds.data.rounds.length === 0 ? (
        <p>{t('rounds.list.empty')}</p>
      ) : (
        <RoundsTable rounds={rounds.data.rounds} />
      )}
    </>
  );
}
