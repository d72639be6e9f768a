/**
 * @module "Teamoverblik": for a unit the leader leads, people × competences with the leader's level in each cell, its
 * distance to target as colour and words, the team's averages, the share below target, the strongest and weakest
 * competences, exports; and, for leaders of several units and administrators, the figures per unit.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type { TeamOverview } from '../../../server/contracts/team.ts';
import { useFrameworkVersion, useTeamOverview, useUnits } from '../../api/queries.ts';
import { formatDay, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { competenceNames } from '../conversations/shared.tsx';
import {
  type AreaGroup,
  bandIds,
  exportHref,
  percentOf,
  sortRows,
  type UnitChoice,
  unitChoices,
  visibleAreas,
} from './matrix-view.ts';
import { RankedList } from './RankedList.tsx';
import { UnitFigures } from './UnitFigures.tsx';

const ids = { unit: 'overview-unit', area: 'overview-area', sort: 'overview-sort', self: 'overview-self' };

export function TeamOverviewPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const units = useUnits();
  const choices = useMemo(
    () => unitChoices(user.ledUnits, units.data?.units ?? []),
    [user.ledUnits, units.data],
  );
  const isAdmin = hasRole(user, 'admin');
  // Several units: a chief above teams, or someone leading more than one; administrators see every unit.
  const showFigures = isAdmin || choices.length > 1;
  return (
    <>
      <PageHeading>{t('teamOverview.title')}</PageHeading>
      <p className="lead">{user.ledUnits.length ? t('teamOverview.intro') : t('teamOverview.introAdmin')}</p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <>
          {choices.length > 0 ? <UnitMatrix choices={choices} /> : null}
          {showFigures ? <UnitFigures /> : null}
        </>
      )}
    </>
  );
}

function UnitMatrix({ choices }: { choices: UnitChoice[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useSearchParams();
  const unitId = choices.find((choice) => choice.id === search.get('enhed'))?.id ?? choices[0]!.id;
  const areaId = search.get('omraade') ?? '';
  const sortKey = search.get('sorter') ?? 'name';
  const withSelf = search.get('selv') === 'ja';
  const overview = useTeamOverview(unitId, withSelf);
  const framework = useFrameworkVersion(overview.data?.frameworkVersionId);
  const choose = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  return (
    <section aria-labelledby="overview-matrix-title">
      <h2 id="overview-matrix-title">{t('teamOverview.matrixTitle')}</h2>
      <form className="form form--inline overview-controls" onSubmit={(event) => event.preventDefault()}>
        <div className="form-group">
          <label className="form-label" htmlFor={ids.unit}>
            {t('teamOverview.unit')}
          </label>
          <select
            id={ids.unit}
            className="form-select"
            value={unitId}
            onChange={(event) => choose('enhed', event.target.value)}
          >
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {`${'– '.repeat(choice.depth)}${choice.name}`}
              </option>
            ))}
          </select>
        </div>
        {framework.data ? (
          <>
            <div className="form-group">
              <label className="form-label" htmlFor={ids.area}>
                {t('teamOverview.area')}
              </label>
              <select
                id={ids.area}
                className="form-select"
                value={areaId}
                onChange={(event) => choose('omraade', event.target.value)}
              >
                <option value="">{t('teamOverview.allAreas')}</option>
                {framework.data.document.areas.map((area) => (
                  <option key={area.id} value={area.id}>
                    {area.name[locale]}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor={ids.sort}>
                {t('teamOverview.sort')}
              </label>
              <select
                id={ids.sort}
                className="form-select"
                value={sortKey}
                onChange={(event) =>
                  choose('sorter', event.target.value === 'name' ? '' : event.target.value)
                }
              >
                <option value="name">{t('teamOverview.sortByName')}</option>
                <option value="below">{t('teamOverview.sortByBelow')}</option>
                {visibleAreas(overview.data ?? { summaries: [] }, framework.data.document, areaId, locale)
                  .flatMap((group) => group.columns)
                  .map((column) => (
                    <option key={column.competenceId} value={column.competenceId}>
                      {t('teamOverview.sortByCompetence', { name: column.name })}
                    </option>
                  ))}
              </select>
            </div>
          </>
        ) : null}
        <div className="form-group">
          <div className="checkbox">
            <input
              className="checkbox-input"
              type="checkbox"
              id={ids.self}
              checked={withSelf}
              onChange={(event) => choose('selv', event.target.checked ? 'ja' : '')}
            />
            <label className="checkbox-label" htmlFor={ids.self}>
              {t('teamOverview.showSelf')}
            </label>
          </div>
        </div>
      </form>
      {overview.isPending || framework.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <QueryErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
      ) : framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : overview.data.rows.length === 0 ? (
        <p>{t('teamOverview.noPeople')}</p>
      ) : (
        <MatrixView
          overview={overview.data}
          framework={framework.data.document}
          areaId={areaId}
          sortKey={sortKey}
          locale={locale}
        />
      )}
    </section>
  );
}

function MatrixView(props: {
  overview: TeamOverview;
  framework: FrameworkDocument;
  areaId: string;
  sortKey: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { overview, framework, areaId, sortKey, locale } = props;
  const groups = visibleAreas(overview, framework, areaId, locale);
  const competenceIndex = new Map(overview.summaries.map((summary, index) => [summary.competenceId, index]));
  const rows = sortRows(overview.rows, sortKey, competenceIndex);
  const nameOf = competenceNames(framework, locale);
  const rated = overview.rows.filter((row) => row.round !== null).length;
  const rounds = [...new Set(overview.rows.flatMap((row) => (row.round ? [row.round.name] : [])))];
  return (
    <>
      <p>
        {t('teamOverview.basis', { count: overview.rows.length, rated })}{' '}
        {rounds.length === 1 ? t('teamOverview.oneRound', { name: rounds[0] }) : null}
      </p>
      <Ranked
        overview={overview}
        nameOf={nameOf}
        locale={locale}
        planHref={`/temadage/ny?enhed=${overview.unit.id}`}
      />
      <Legend />
      <ScrollRegion labelledBy="overview-matrix-caption">
        <table className="table matrix">
          <caption id="overview-matrix-caption" className="table-caption">
            {t('teamOverview.caption', { unit: overview.unit.name })}
          </caption>
          <MatrixHead groups={groups} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.person.id}>
                <th scope="row" className="matrix-person">
                  <Link to={`/profil/${row.person.id}`}>{row.person.name}</Link>
                  <span className="cell-note">
                    {row.round
                      ? t('teamOverview.roundOf', {
                          name: row.round.name,
                          date: formatDay(row.round.deadline, locale),
                        })
                      : t('teamOverview.neverRated')}
                  </span>
                </th>
                {groups.flatMap((group) =>
                  group.columns.map((column) => (
                    <MatrixCell
                      key={column.competenceId}
                      cell={row.cells[column.index]!}
                      withSelf={overview.includesSelf}
                      locale={locale}
                    />
                  )),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('teamOverview.average')}</th>
              {groups.flatMap((group) =>
                group.columns.map((column) => {
                  const summary = overview.summaries[column.index]!;
                  return (
                    <td key={column.competenceId} className="numeric">
                      {summary.average === null ? '–' : formatNumber(summary.average, locale)}
                      {summary.averageTarget === null ? null : (
                        <span className="cell-note">
                          {t('teamOverview.targetShort', {
                            level: formatNumber(summary.averageTarget, locale),
                          })}
                        </span>
                      )}
                    </td>
                  );
                }),
              )}
            </tr>
            <tr>
              <th scope="row">{t('teamOverview.shareBelow')}</th>
              {groups.flatMap((group) =>
                group.columns.map((column) => {
                  const summary = overview.summaries[column.index]!;
                  return (
                    <td key={column.competenceId} className="numeric">
                      {summary.shareBelow === null
                        ? '–'
                        : t('teamOverview.percent', { value: percentOf(summary.shareBelow) })}
                      <span className="cell-note">
                        {t('teamOverview.ofRated', { below: summary.belowCount, count: summary.ratedCount })}
                      </span>
                    </td>
                  );
                }),
              )}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <ExportLinks overview={overview} areaId={areaId} locale={locale} />
    </>
  );
}

function MatrixHead({ groups }: { groups: AreaGroup[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <td className="matrix-corner" />
        {groups.map((group) => (
          <th key={group.areaId} scope="colgroup" colSpan={group.columns.length} className="matrix-area">
            {group.name}
          </th>
        ))}
      </tr>
      <tr>
        <th scope="col">{t('teamOverview.person')}</th>
        {groups.flatMap((group) =>
          group.columns.map((column) => (
            <th key={column.competenceId} scope="col" className="matrix-competence">
              {column.name}
            </th>
          )),
        )}
      </tr>
    </thead>
  );
}

function MatrixCell(props: {
  cell: TeamOverview['rows'][number]['cells'][number];
  withSelf: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { cell, withSelf, locale } = props;
  const level =
    typeof cell.leader === 'number'
      ? formatNumber(cell.leader, locale)
      : cell.leader === null
        ? t('teamOverview.cannotAssessShort')
        : '–';
  return (
    <td className={`matrix-cell band band--${cell.band}`}>
      <span className="matrix-level">{level}</span>
      <span className="visually-hidden"> {t(`teamOverview.bands.${cell.band}`)}</span>
      {cell.target !== null ? (
        <span className="cell-note">{t('teamOverview.targetShort', { level: cell.target })}</span>
      ) : null}
      {withSelf ? (
        <span className="cell-note">
          {t('teamOverview.selfShort', {
            level:
              typeof cell.self === 'number'
                ? formatNumber(cell.self, locale)
                : cell.self === null
                  ? t('teamOverview.cannotAssessShort')
                  : '–',
          })}
        </span>
      ) : null}
    </td>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="overview-legend" className="matrix-legend">
      <h3 id="overview-legend">{t('teamOverview.legendTitle')}</h3>
      <p>{t('teamOverview.legendText')}</p>
      <ul className="legend-list">
        {bandIds.map((band) => (
          <li key={band}>
            <span className={`legend-swatch band band--${band}`} aria-hidden="true" />
            {t(`teamOverview.bands.${band}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ranked(props: {
  overview: TeamOverview;
  nameOf: ReadonlyMap<string, string>;
  locale: Locale;
  planHref: string;
}) {
  const { t } = useTranslation();
  const { overview, nameOf, locale, planHref } = props;
  if (overview.weakest.length === 0) return <p>{t('teamOverview.noneRated')}</p>;
  const list = (competenceIds: string[]) => (
    <RankedList
      competenceIds={competenceIds}
      summaries={overview.summaries}
      nameOf={nameOf}
      locale={locale}
    />
  );
  return (
    <div className="ranked">
      <section aria-labelledby="overview-weakest">
        <h3 id="overview-weakest">{t('teamOverview.weakestTitle')}</h3>
        {list(overview.weakest)}
        <p>
          <Link to={planHref}>{t('teamOverview.planThemeDay')}</Link>
        </p>
      </section>
      <section aria-labelledby="overview-strongest">
        <h3 id="overview-strongest">{t('teamOverview.strongestTitle')}</h3>
        {overview.strongest.length ? list(overview.strongest) : <p>{t('teamOverview.noneStrong')}</p>}
      </section>
    </div>
  );
}

function ExportLinks(props: { overview: TeamOverview; areaId: string; locale: Locale }) {
  const { t } = useTranslation();
  const { overview, areaId, locale } = props;
  const options = { withSelf: overview.includesSelf, areaId, locale };
  return (
    <section aria-labelledby="overview-export" className="export-links">
      <h3 id="overview-export">{t('teamOverview.exportTitle')}</h3>
      <p>{t('teamOverview.exportText')}</p>
      <ul className="link-list">
        <li>
          <a href={exportHref(overview.unit.id, 'xlsx', options)} download>
            {t('teamOverview.exportXlsx')}
          </a>
        </li>
        <li>
          <a href={exportHref(overview.unit.id, 'csv', options)} download>
            {t('teamOverview.exportCsv')}
          </a>
        </li>
      </ul>
    </section>
  );
}
