/** @module The positions the user may see: HR all, a leader their units', a panel member their panels'. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PositionSummary } from '../../../server/contracts/recruitment.ts';
import { usePositions } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { positionStatusIds } from './recruitment-view.ts';

/** Positions still in progress first, newest first; closed ones after. */
const ordered = (positions: readonly PositionSummary[]) =>
  [...positions].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      positionStatusIds.indexOf(a.status) - positionStatusIds.indexOf(b.status) ||
      b.createdAt.localeCompare(a.createdAt),
  );

function PositionsTable({ positions }: { positions: PositionSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ScrollRegion labelledBy="positions-caption">
      <table className="table">
        <caption id="positions-caption" className="table-caption">
          {t('recruitment.list.caption', { count: positions.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('recruitment.position.title')}</th>
            <th scope="col">{t('recruitment.position.unit')}</th>
            <th scope="col">{t('recruitment.position.status')}</th>
            <th scope="col" className="numeric">
              {t('recruitment.list.candidates')}
            </th>
            <th scope="col">{t('recruitment.list.yourRole')}</th>
            <th scope="col">{t('recruitment.list.created')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered(positions).map((position) => (
            <tr key={position.id}>
              <th scope="row">
                <Link to={`/rekruttering/${position.id}`}>{position.title}</Link>
              </th>
              <td>{position.unit.name}</td>
              <td>{t(`recruitment.status.${position.status}`)}</td>
              <td className="numeric">{position.candidateCount}</td>
              <td>
                {[
                  position.canManage ? t('recruitment.list.manager') : null,
                  position.onPanel ? t('recruitment.list.panel') : null,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </td>
              <td className="nowrap">{formatDate(position.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function PositionsPage() {
  const { t } = useTranslation();
  const positions = usePositions();
  return (
    <>
      <PageHeading>{t('recruitment.list.title')}</PageHeading>
      <p className="lead">{t('recruitment.list.intro')}</p>
      {positions.data?.canCreate ? (
        <p>
          <Link className="button button--primary" to="/rekruttering/ny">
            {t('recruitment.new.title')}
          </Link>
        </p>
      ) : null}
      {positions.isPending ? (
        <Loading />
      ) : positions.isError ? (
        <QueryErrorNotice error={positions.error} onRetry={() => void positions.refetch()} />
      ) : positions.data.positions.length === 0 ? (
        <p>{t('recruitment.list.empty')}</p>
      ) : (
        <PositionsTable positions={positions.data.positions} />
      )}
    </>
  );
}
