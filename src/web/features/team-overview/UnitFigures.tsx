/**
 * @module "Tværs af enheder": one round's figures per unit, never per person. A unit below the municipality's minimum
 * group size is named but its figures are withheld, with the reason in words.
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { UnitAggregates } from '../../../server/contracts/team.ts';
import { useFrameworkVersion, useUnitAggregates } from '../../api/queries.ts';
import { formatDay, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { percentOf } from './matrix-view.ts';

export function UnitFigures() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useSearchParams();
  const roundId = search.get('runde') ?? undefined;
  const figures = useUnitAggregates(roundId);
  const framework = useFrameworkVersion(figures.data?.frameworkVersionId);
  return (
    <section aria-labelledby="overview-units-title" className="overview-units">
      <h2 id="overview-units-title">{t('teamOverview.unitsTitle')}</h2>
      <p>{t('teamOverview.unitsIntro')}</p>
      {figures.isPending || framework.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <QueryErrorNotice error={figures.error} onRetry={() => void figures.refetch()} />
      ) : framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : figures.data.round === null ? (
        <p>{t('teamOverview.unitsNone')}</p>
      ) : (
        <>
          <form className="form form--inline" onSubmit={(event) => event.preventDefault()}>
            <div className="form-group">
              <label className="form-label" htmlFor="overview-round">
                {t('teamOverview.round')}
              </label>
              <select
                id="overview-round"
                className="form-select"
                value={figures.data.round.id}
                onChange={(event) => {
                  const next = new URLSearchParams(search);
                  next.set('runde', event.target.value);
                  setSearch(next, { replace: true });
                }}
              >
                {figures.data.rounds.map((round) => (
                  <option key={round.id} value={round.id}>
                    {`${round.name} (${formatDay(round.deadline, locale)})`}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p>{t('teamOverview.minimumNote', { count: figures.data.minGroupSize })}</p>
          <FiguresTable figures={figures.data} areas={framework.data.document.areas} />
        </>
      )}
    </section>
  );
}

function FiguresTable(props: {
  figures: UnitAggregates;
  areas: {
    id: string;
    name: { da: string; en: string };
    competences: { id: string; name: { da: string; en: string } }[];
  }[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { figures, areas } = props;
  const { units } = figures;
  if (units.length === 0) return <p>{t('teamOverview.unitsNone')}</p>;
  return (
    <ScrollRegion labelledBy="overview-units-caption">
      <table className="table table--numbers">
        <caption id="overview-units-caption" className="table-caption">
          {t('teamOverview.unitsCaption', { round: figures.round?.name ?? '' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('teamOverview.competence')}</th>
            {units.map((entry) => (
              <th scope="col" key={entry.unit.id} className="numeric">
                {entry.unit.name}
                <span className="cell-note">
                  {entry.reportable
                    ? t('teamOverview.peopleRated', { count: entry.peopleCount })
                    : t('teamOverview.withheld', { count: figures.minGroupSize })}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        {areas.map((area) => (
          <tbody key={area.id}>
            <tr className="table-group">
              <th scope="colgroup" colSpan={units.length + 1}>
                {area.name[locale]}
              </th>
            </tr>
            {area.competences.map((competence) => (
              <tr key={competence.id}>
                <th scope="row">{competence.name[locale]}</th>
                {units.map((entry) => {
                  const figure = entry.competences.find(
                    (candidate) => candidate.competenceId === competence.id,
                  );
                  return (
                    <td key={entry.unit.id} className="numeric">
                      {figure?.average == null ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('teamOverview.notShown')}</span>
                        </>
                      ) : (
                        <>
                          {formatNumber(figure.average, locale)}
                          <span className="cell-note">
                            {t('teamOverview.figureNote', {
                              target: formatNumber(figure.averageTarget ?? 0, locale),
                              share: percentOf(figure.shareBelow ?? 0),
                            })}
                          </span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
