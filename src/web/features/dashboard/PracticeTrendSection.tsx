/**
 * @module The practice-log trend on the leader's dashboard: per led unit, the share of self-service and co-service
 * in the latest months, from the unit's aggregate. A month with too few people who logged shows no figures at all.
 */
import { useTranslation } from 'react-i18next';
import { usePracticeSummary } from '../../api/queries.ts';
import { formatMonth, formatPercent } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { DashboardSection } from './DashboardSection.tsx';

/** Three months are enough to see a direction; the practice-log page shows up to two years. */
const trendMonths = 3;

export function PracticeTrendSection({ units }: { units: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <DashboardSection
      id="dashboard-practice"
      title={t('dashboard.practice.title')}
      link={{ to: '/praksislog/team', text: t('dashboard.practice.link') }}
    >
      {units.length === 0 ? <p>{t('practice.team.noUnits')}</p> : null}
      {units.map((unit) => (
        <UnitTrend key={unit.id} unit={unit} />
      ))}
    </DashboardSection>
  );
}

function UnitTrend({ unit }: { unit: { id: string; name: string } }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const summary = usePracticeSummary(unit.id, trendMonths);
  if (summary.isPending) return <Loading />;
  if (summary.isError)
    return <QueryErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />;
  const captionId = `dashboard-practice-${unit.id}`;
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="table table--compact table--numbers">
        <caption className="table-caption" id={captionId}>
          {t('dashboard.practice.caption', { unit: unit.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('practice.month')}</th>
            <th scope="col" className="numeric">
              {t('practice.helpLevel.self_service')}
            </th>
            <th scope="col" className="numeric">
              {t('practice.helpLevel.co_service')}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...summary.data.months].reverse().map((month) => (
            <tr key={month.month}>
              <th scope="row">{formatMonth(month.month, locale)}</th>
              {month.reportable ? (
                <>
                  <td className="numeric">{formatPercent(month.shares.self_service, locale)}</td>
                  <td className="numeric">{formatPercent(month.shares.co_service, locale)}</td>
                </>
              ) : (
                <td colSpan={2}>{t('practice.team.tooFew')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
