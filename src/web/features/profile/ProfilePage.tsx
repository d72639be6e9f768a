/**
 * @module The competence profile: for a chosen round, radar charts of areas and competences (self, leader, target)
 * with the same numbers in tables, strengths, development areas, conversation topics, and the trend over rounds.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type { Profile, RoundProfile } from '../../../server/contracts/rounds.ts';
import { useFrameworkVersion, useProfile } from '../../api/queries.ts';
import { formatDay, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { InterviewBaselineSection } from './InterviewBaselineSection.tsx';
import {
  areaRows,
  type CompetenceRow,
  chartData,
  competenceRows,
  type Layer,
  type LevelValue,
  type ProfileRow,
  rowsFor,
  sparklinePoints,
  topics,
  trendTable,
  visibleLayers,
} from './profile-view.ts';
import { RadarChart } from './RadarChart.tsx';

export function ProfilePage() {
  const { userId } = useParams();
  const user = useCurrentUser();
  if (userId !== undefined && !isVersionId(userId)) return <NotFoundPage />;
  const subjectId = userId ?? user.id;
  return <ProfileView key={subjectId} subjectId={subjectId} own={subjectId === user.id} />;
}

function ProfileView({ subjectId, own }: { subjectId: string; own: boolean }) {
  const { t } = useTranslation();
  const profile = useProfile(subjectId);
  const title = own
    ? t('profile.titleOwn')
    : profile.data
      ? t('profile.titleOf', { name: profile.data.person.name })
      : t('profile.title');
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <QueryErrorNotice error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          {profile.data.rounds.length === 0 ? (
            <p>
              {own ? t('profile.noRoundsOwn') : t('profile.noRounds', { name: profile.data.person.name })}
            </p>
          ) : (
            <ProfileRounds profile={profile.data} own={own} />
          )}
          {profile.data.interviewBaseline ? (
            <InterviewBaselineSection baseline={profile.data.interviewBaseline} own={own} />
          ) : null}
        </>
      )}
    </>
  );
}

function ProfileRounds({ profile, own }: { profile: Profile; own: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useSearchParams();
  const chosenId = search.get('runde');
  // By default the newest round with something submitted: a round just started would show an empty profile.
  const round =
    profile.rounds.find((entry) => entry.roundId === chosenId) ??
    profile.rounds.find((entry) => entry.selfSubmitted || entry.leaderSubmitted) ??
    profile.rounds[0]!;
  const framework = useFrameworkVersion(round.frameworkVersionId);
  return (
    <>
      {profile.rounds.length > 1 ? (
        <form className="form form--inline" onSubmit={(event) => event.preventDefault()}>
          <div className="form-group">
            <label className="form-label" htmlFor="profile-round">
              {t('profile.chooseRound')}
            </label>
            <select
              id="profile-round"
              className="form-select"
              value={round.roundId}
              onChange={(event) => {
                const next = new URLSearchParams(search);
                next.set('runde', event.target.value);
                setSearch(next, { replace: true });
              }}
            >
              {profile.rounds.map((entry) => (
                <option key={entry.roundId} value={entry.roundId}>
                  {t('profile.roundOption', {
                    name: entry.roundName,
                    date: formatDay(entry.deadline, locale),
                  })}
                </option>
              ))}
            </select>
          </div>
        </form>
      ) : null}
      {framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : framework.isPending ? (
        <Loading />
      ) : (
        <RoundProfileView
          profile={profile}
          round={round}
          framework={framework.data.document}
          own={own}
          locale={locale}
        />
      )}
    </>
  );
}

function useLayerLabels(own: boolean): Record<Layer, string> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      self: own ? t('profile.layers.selfOwn') : t('profile.layers.self'),
      leader: t('profile.layers.leader'),
      target: t('profile.layers.target'),
    }),
    [own, t],
  );
}

interface RoundProfileViewProps {
  profile: Profile;
  round: RoundProfile;
  framework: FrameworkDocument;
  own: boolean;
  locale: Locale;
}

function RoundProfileView({ profile, round, framework, own, locale }: RoundProfileViewProps) {
  const { t } = useTranslation();
  const labels = useLayerLabels(own);
  const shown = visibleLayers(round);
  const max = framework.scale.levels.length;
  const areas = useMemo(() => areaRows(round, framework, locale), [round, framework, locale]);
  const competences = useMemo(() => competenceRows(round, framework, locale), [round, framework, locale]);
  const areaChart = useMemo(() => chartData(areas, shown, max), [areas, shown, max]);
  const competenceChart = useMemo(() => chartData(competences, shown, max), [competences, shown, max]);
  const name = profile.person.name;

  return (
    <>
      <dl className="summary-list">
        <div className="summary-list-row">
          <dt>{t('profile.round')}</dt>
          <dd>
            {round.roundName} ({formatDay(round.deadline, locale)}, {t(`rounds.statusValue.${round.status}`)})
          </dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('profile.roleProfile')}</dt>
          <dd>{round.roleProfile.name[locale]}</dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('profile.submitted')}</dt>
          <dd>
            {t(round.selfSubmitted ? 'profile.selfSubmitted' : 'profile.selfNotSubmitted')}{' '}
            {t(round.leaderSubmitted ? 'profile.leaderSubmitted' : 'profile.leaderNotSubmitted')}
          </dd>
        </div>
      </dl>
      {round.leaderVisible ? null : (
        <div className="notice notice--info">
          <p>{own ? t('profile.leaderHiddenOwn') : t('profile.leaderMissing')}</p>
        </div>
      )}

      <section aria-labelledby="profile-areas" className="profile-section">
        <h2 id="profile-areas">{t('profile.areasTitle')}</h2>
        <div className="chart-with-table">
          <RadarChart
            id="chart-areas"
            title={t('profile.areasChart')}
            description={t('profile.chartDescription', { count: areas.length })}
            data={areaChart}
            labels={labels}
            size="small"
          />
          <LevelTable
            id="table-areas"
            caption={t('profile.areasTable')}
            firstColumn={t('profile.area')}
            rows={areas}
            shown={shown}
            labels={labels}
            locale={locale}
          />
        </div>
      </section>

      <section aria-labelledby="profile-competences" className="profile-section">
        <h2 id="profile-competences">{t('profile.competencesTitle')}</h2>
        <RadarChart
          id="chart-competences"
          title={t('profile.competencesChart')}
          description={t('profile.chartDescription', { count: competences.length })}
          data={competenceChart}
          labels={labels}
          size="large"
        />
        <CompetenceTable rows={competences} shown={shown} labels={labels} locale={locale} />
      </section>

      <StandingList
        id="profile-strengths"
        title={t('profile.strengthsTitle')}
        intro={t('profile.strengthsIntro')}
        ranked={false}
        rows={rowsFor(round.strengths, competences)}
        showGap={false}
      />
      <StandingList
        id="profile-development"
        title={t('profile.developmentTitle')}
        intro={t('profile.developmentIntro')}
        ranked
        rows={rowsFor(round.developmentAreas, competences)}
        showGap
      />
      <ConversationTopics round={round} rows={competences} own={own} name={name} />
      <Trends profile={profile} framework={framework} locale={locale} max={max} />
    </>
  );
}

/**
 * A level for a table cell: the number, "cannot assess", or a dash read out as "not rated". In the trend, null only
 * says there is no level, so `nullIsNoLevel` shows it as a dash too.
 */
function LevelCell(props: { value: LevelValue; locale: Locale; nullIsNoLevel?: boolean }) {
  const { t } = useTranslation();
  const { value, locale, nullIsNoLevel = false } = props;
  if (typeof value === 'number') return <>{formatNumber(value, locale)}</>;
  if (value === null && !nullIsNoLevel) return <>{t('profile.cannotAssess')}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{nullIsNoLevel ? t('profile.noLevel') : t('profile.notRated')}</span>
    </>
  );
}

function LevelTable(props: {
  id: string;
  caption: string;
  firstColumn: string;
  rows: readonly ProfileRow[];
  shown: readonly Layer[];
  labels: Record<Layer, string>;
  locale: Locale;
}) {
  const { id, caption, firstColumn, rows, shown, labels, locale } = props;
  return (
    <ScrollRegion labelledBy={`${id}-caption`}>
      <table className="table table--numbers" id={id}>
        <caption id={`${id}-caption`} className="table-caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {shown.map((layer) => (
              <th scope="col" className="numeric" key={layer}>
                {labels[layer]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {shown.map((layer) => (
                <td className="numeric" key={layer}>
                  <LevelCell value={row[layer]} locale={locale} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function GapText({ gap }: { gap: number | null }) {
  const { t } = useTranslation();
  if (gap === null) return <>–</>;
  if (gap === 0) return <>{t('profile.gap.onTarget')}</>;
  return <>{gap > 0 ? t('profile.gap.above', { count: gap }) : t('profile.gap.below', { count: -gap })}</>;
}

function CompetenceTable(props: {
  rows: readonly CompetenceRow[];
  shown: readonly Layer[];
  labels: Record<Layer, string>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { rows, shown, labels, locale } = props;
  const byArea = rows.reduce<{ areaId: string; areaName: string; rows: CompetenceRow[] }[]>((groups, row) => {
    const last = groups.at(-1);
    if (last && last.areaId === row.areaId) last.rows.push(row);
    else groups.push({ areaId: row.areaId, areaName: row.areaName, rows: [row] });
    return groups;
  }, []);
  const columns = shown.length + 2;
  return (
    <ScrollRegion labelledBy="table-competences-caption">
      <table className="table table--numbers" id="table-competences">
        <caption id="table-competences-caption" className="table-caption">
          {t('profile.competencesTable')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('profile.competence')}</th>
            {shown.map((layer) => (
              <th scope="col" className="numeric" key={layer}>
                {labels[layer]}
              </th>
            ))}
            <th scope="col">{t('profile.gapColumn')}</th>
          </tr>
        </thead>
        {byArea.map((group) => (
          <tbody key={group.areaId}>
            <tr className="table-group">
              <th scope="colgroup" colSpan={columns}>
                {group.areaName}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {shown.map((layer) => (
                  <td className="numeric" key={layer}>
                    <LevelCell value={row[layer]} locale={locale} />
                  </td>
                ))}
                <td>
                  <GapText gap={row.gap} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}

/** Strengths (any order) or development areas (ranked): one competence a line, with its level and target. */
function StandingList(props: {
  id: string;
  title: string;
  intro: string;
  ranked: boolean;
  rows: readonly CompetenceRow[];
  showGap: boolean;
}) {
  const { t } = useTranslation();
  const List = props.ranked ? 'ol' : 'ul';
  return (
    <section aria-labelledby={props.id} className="profile-section">
      <h2 id={props.id}>{props.title}</h2>
      <p>{props.intro}</p>
      {props.rows.length ? (
        <List className="profile-list">
          {props.rows.map((row) => (
            <li key={row.id}>
              <span className="profile-list-name">{row.name}</span>{' '}
              <span className="muted">
                {t('profile.levelAndTarget', { level: row.basis ?? '–', target: row.target ?? '–' })}
                {props.showGap ? (
                  <>
                    {' · '}
                    <GapText gap={row.gap} />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </List>
      ) : (
        <p className="muted">{t('profile.none')}</p>
      )}
    </section>
  );
}

function ConversationTopics(props: {
  round: RoundProfile;
  rows: readonly CompetenceRow[];
  own: boolean;
  name: string;
}) {
  const { t } = useTranslation();
  const { round, rows, own, name } = props;
  const list = topics(round, rows);
  return (
    <section aria-labelledby="profile-topics" className="profile-section">
      <h2 id="profile-topics">{t('profile.topicsTitle')}</h2>
      <p>{own ? t('profile.topicsIntroOwn') : t('profile.topicsIntro', { name })}</p>
      {!round.leaderVisible ? (
        <p className="muted">{t('profile.topicsNeedBoth')}</p>
      ) : list.length ? (
        <ul className="topic-list">
          {list.map((topic) => (
            <li key={topic.competenceId} className="topic">
              <p className="topic-title">
                <strong className="tag tag--strong">{t(`profile.divergence.${topic.divergence}`)}</strong>{' '}
                <span className="profile-list-name">{topic.name}</span>
              </p>
              <p className="topic-levels">
                {t(own ? 'profile.topicLevelsOwn' : 'profile.topicLevels', {
                  self: topic.self,
                  leader: topic.leader,
                })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('profile.noTopics')}</p>
      )}
    </section>
  );
}

/** A tiny line of the levels across rounds, named in words ("from level 2 to level 3"). */
function Sparkline({ levels, max }: { levels: readonly (number | null | undefined)[]; max: number }) {
  const { t } = useTranslation();
  const width = 80;
  const height = 20;
  const points = sparklinePoints(levels, max, width, height);
  const known = levels.filter((level): level is number => typeof level === 'number');
  const first = known[0];
  const last = known.at(-1);
  if (points.length === 0 || first === undefined || last === undefined) return <>–</>;
  const summary =
    known.length < 2
      ? t('profile.trendOne', { level: last })
      : first === last
        ? t('profile.trendSame', { level: last })
        : t('profile.trendChange', { from: first, to: last });
  return (
    <svg
      className="sparkline"
      width={width + 8}
      height={height + 8}
      viewBox={`-4 -4 ${width + 8} ${height + 8}`}
      role="img"
      aria-label={summary}
      focusable="false"
    >
      <title>{summary}</title>
      {points.length > 1 ? (
        <polyline
          points={points.map((point) => `${point.x},${point.y}`).join(' ')}
          fill="none"
          stroke="#0059b3"
          strokeWidth="2"
        />
      ) : null}
      {points.map((point) => (
        <circle key={`${point.x}`} cx={point.x} cy={point.y} r="2.5" fill="#0059b3" />
      ))}
    </svg>
  );
}

function Trends(props: { profile: Profile; framework: FrameworkDocument; locale: Locale; max: number }) {
  const { t } = useTranslation();
  const { profile, framework, locale, max } = props;
  const table = useMemo(() => trendTable(profile, framework, locale), [profile, framework, locale]);
  return (
    <section aria-labelledby="profile-trends" className="profile-section">
      <h2 id="profile-trends">{t('profile.trendsTitle')}</h2>
      <p>{t('profile.trendsIntro')}</p>
      {table.columns.length < 2 ? (
        <p className="muted">{t('profile.trendsOneRound')}</p>
      ) : (
        <ScrollRegion labelledBy="table-trends-caption">
          <table className="table table--numbers table--compact">
            <caption id="table-trends-caption" className="table-caption">
              {t('profile.trendsTable')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.competence')}</th>
                {table.columns.map((column) => (
                  <th scope="col" className="numeric" key={column.roundId}>
                    {column.roundName}
                    <span className="cell-note">{formatDay(column.date, locale)}</span>
                  </th>
                ))}
                <th scope="col" className="trend-column">
                  {t('profile.trendColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.competenceId}>
                  <th scope="row">{row.name}</th>
                  {row.levels.map((level, index) => (
                    <td className="numeric" key={table.columns[index]?.roundId}>
                      <LevelCell value={level} locale={locale} nullIsNoLevel />
                    </td>
                  ))}
                  <td className="trend-column">
                    <Sparkline levels={row.levels} max={max} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="print-hidden">
        <Link to="/kompetenceramme">{t('profile.toFramework')}</Link>
      </p>
    </section>
  );
}
