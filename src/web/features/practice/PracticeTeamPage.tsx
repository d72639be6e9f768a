/**
 * @module "Praksis i teamet": a unit's practice log as figures only — help levels by month and the most used
 * competences, with every month below the municipality's minimum group withheld — and, for a leader, the entries
 * their people chose to share.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helpLevels } from '../../../domain/practice.ts';
import type { PracticeSummaryView } from '../../../server/contracts/practice.ts';
import { usePracticeSummary, useSharedPractice } from '../../api/queries.ts';
import { formatMonth, formatPercent } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { PracticeEntryCard } from './PracticeEntryCard.tsx';
import { UnitChooser, useChosenUnit } from './unit-choice.tsx';

const periods = [3, 6, 12] as const;

export function PracticeTeamPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { units, choosable, chosen, choose, search } = useChosenUnit({ administratorsSeeAll: true });
  const months = periods.find((period) => String(period) === search.get('maaneder')) ?? 6;
  const [period, setPeriod] = useState<number>(months);
  const summary = usePracticeSummary(chosen?.id, months);
  return (
    <>
      <PageHeading>{t('practice.team.title')}</PageHeading>
      <p className="lead">{t('practice.team.intro')}</p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : !chosen ? (
        <p>{t('practice.team.noUnits')}</p>
      ) : (
        <>
          <UnitChooser
            id="practice-team-unit"
            label={t('practice.team.title')}
            choosable={choosable}
            chosenId={chosen.id}
            onChoose={(unitId) => choose(unitId, { maaneder: String(period) })}
          >
            <div className="form-group">
              <label className="form-label" htmlFor="practice-team-period">
                {t('practice.team.period')}
              </label>
              <select
                id="practice-team-period"
                className="form-select form-select--m"
                value={period}
                onChange={(event) => setPeriod(Number(event.target.value))}
              >
                {periods.map((count) => (
                  <option key={count} value={count}>
                    {t('practice.team.months', { count })}
                  </option>
                ))}
              </select>
            </div>
          </UnitChooser>
          {summary.isPending ? (
            <Loading />
          ) : summary.isError ? (
            <QueryErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />
          ) : (
            <SummaryTables summary={summary.data} />
          )}
        </>
      )}
      {hasRole(user, 'leader') ? <SharedWithMe /> : null}
    </>
  );
}

function SummaryTables({ summary }: { summary: PracticeSummaryView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unit = summary.unit.name;
  return (
    <>
      <section aria-labelledby="practice-team-months" className="practice-section">
        <h2 id="practice-team-months">{t('practice.chartTitle')}</h2>
        <p className="notice notice--info">{t('practice.team.rule', { count: summary.minGroupSize })}</p>
        <ScrollRegion labelledBy="practice-team-table">
          <table className="table table--compact table--numbers">
            <caption className="table-caption" id="practice-team-table">
              {t('practice.team.tableCaption', { unit })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('practice.month')}</th>
                <th scope="col" className="numeric">
                  {t('practice.team.people')}
                </th>
                <th scope="col" className="numeric">
                  {t('practice.team.entries')}
                </th>
                {helpLevels.map((level) => (
                  <th key={level} scope="col" className="numeric">
                    {t(`practice.helpLevel.${level}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...summary.months].reverse().map((month) => (
                <tr key={month.month}>
                  <th scope="row">{formatMonth(month.month, locale)}</th>
                  {month.reportable ? (
                    <>
                      <td className="numeric">{month.people}</td>
                      <td className="numeric">{month.entries}</td>
                      {helpLevels.map((level) => (
                        <td key={level} className="numeric">
                          {t('practice.team.share', {
                            value: month.counts[level],
                            percent: formatPercent(month.shares[level], locale),
                          })}
                        </td>
                      ))}
                    </>
                  ) : (
                    <td colSpan={2 + helpLevels.length}>{t('practice.team.tooFew')}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="practice-team-competences" className="practice-section">
        <h2 id="practice-team-competences">{t('practice.team.competencesTitle')}</h2>
        {summary.competences ? (
          <ScrollRegion labelledBy="practice-team-competence-table">
            <table className="table table--compact table--numbers">
              <caption className="table-caption" id="practice-team-competence-table">
                {t('practice.team.competencesCaption', { unit })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('practice.team.competence')}</th>
                  <th scope="col" className="numeric">
                    {t('practice.team.entries')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.competences.map((competence) => (
                  <tr key={competence.id}>
                    <th scope="row">{competence.name}</th>
                    <td className="numeric">{competence.entries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <p>{t('practice.team.noCompetences')}</p>
        )}
      </section>
    </>
  );
}

function SharedWithMe() {
  const { t } = useTranslation();
  const shared = useSharedPractice();
  return (
    <section aria-labelledby="practice-team-shared" className="practice-section">
      <h2 id="practice-team-shared">{t('practice.team.sharedTitle')}</h2>
      <p>{t('practice.team.sharedIntro')}</p>
      {shared.isPending ? (
        <Loading />
      ) : shared.isError ? (
        <QueryErrorNotice error={shared.error} onRetry={() => void shared.refetch()} />
      ) : shared.data.entries.length === 0 ? (
        <p>{t('practice.team.noShared')}</p>
      ) : (
        <ol className="practice-timeline">
          {shared.data.entries.map((entry) => (
            <li key={entry.id}>
              <PracticeEntryCard entry={entry} headingLevel={3} showAuthor />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
