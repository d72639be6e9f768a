/**
 * @module "Lederoverblik": the leader's start page — the rounds in progress, goals and actions past their date, the
 * team's weakest competences, the practice-log trend, and the theme days and conversations coming up, each section
 * linking to its own page.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useConversations,
  useFrameworkVersion,
  useRounds,
  useTasks,
  useTeamOverview,
  useThemeDays,
} from '../../api/queries.ts';
import { formatDate, formatDay, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { competenceNames } from '../conversations/shared.tsx';
import { RankedList } from '../team-overview/RankedList.tsx';
import { DashboardSection as Section } from './DashboardSection.tsx';
import { PracticeTrendSection } from './PracticeTrendSection.tsx';

/** How many upcoming theme days and conversations the dashboard lists before "see all". */
const upcomingLimit = 5;

export function LeaderDashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <p className="lead">{t('dashboard.intro')}</p>
      <div className="dashboard">
        <RoundsSection />
        <OverdueSection userId={user.id} />
        <WeakestSection units={user.ledUnits} />
        <PracticeTrendSection units={user.ledUnits} />
        <ThemeDaysSection />
        <ConversationsSection />
      </div>
    </>
  );
}

function RoundsSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rounds = useRounds();
  const open = rounds.data?.rounds.filter((round) => round.status === 'open') ?? [];
  return (
    <Section
      id="dashboard-rounds"
      title={t('dashboard.rounds.title')}
      link={{ to: '/runder', text: t('dashboard.rounds.link') }}
    >
      {rounds.isPending ? (
        <Loading />
      ) : rounds.isError ? (
        <QueryErrorNotice error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : open.length === 0 ? (
        <p>{t('dashboard.rounds.none')}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {open.map((round) => (
            <li key={round.id}>
              <Link to={`/runder/${round.id}`}>{round.name}</Link>
              <span className="cell-note">
                {t('dashboard.rounds.progress', {
                  both: round.bothSubmittedCount,
                  count: round.participantCount,
                  date: formatDay(round.deadline, locale),
                })}
              </span>
              {round.overdueCount > 0 ? (
                <strong className="tag tag--strong">
                  {t('dashboard.rounds.overdue', { count: round.overdueCount })}
                </strong>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function OverdueSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tasks = useTasks();
  const overdue =
    tasks.data?.conversations.filter(
      (task) =>
        (task.kind === 'overdue_goal' || task.kind === 'overdue_action') && task.subject.id !== userId,
    ) ?? [];
  return (
    <Section
      id="dashboard-overdue"
      title={t('dashboard.overdue.title')}
      link={{ to: '/samtaler', text: t('dashboard.overdue.link') }}
    >
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <QueryErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : overdue.length === 0 ? (
        <p>{t('dashboard.overdue.none')}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {overdue.map((task) => (
            <li key={`${task.kind}-${task.conversationId}-${task.title ?? ''}`}>
              <Link to={`/samtaler/${task.conversationId}`}>
                {t(`dashboard.overdue.${task.kind === 'overdue_goal' ? 'goal' : 'action'}`, {
                  name: task.subject.name,
                  title: task.title ?? '',
                })}
              </Link>
              {task.dueDate ? (
                <span className="cell-note">
                  {t('tasks.deadline', { date: formatDay(task.dueDate, locale) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function WeakestSection({ units }: { units: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <Section
      id="dashboard-weakest"
      title={t('dashboard.weakest.title')}
      link={{ to: '/team/overblik', text: t('dashboard.weakest.link') }}
    >
      {units.map((unit) => (
        <UnitWeakest key={unit.id} unit={unit} />
      ))}
    </Section>
  );
}

function UnitWeakest({ unit }: { unit: { id: string; name: string } }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const overview = useTeamOverview(unit.id, false);
  const framework = useFrameworkVersion(overview.data?.frameworkVersionId);
  const nameOf = competenceNames(framework.data?.document, locale);
  return (
    <div className="dashboard-unit">
      <h3>{unit.name}</h3>
      {overview.isPending || framework.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <QueryErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.data.weakest.length === 0 ? (
        <p>{t('dashboard.weakest.none')}</p>
      ) : (
        <>
          <RankedList
            competenceIds={overview.data.weakest}
            summaries={overview.data.summaries}
            nameOf={nameOf}
            locale={locale}
          />
          <p>
            <Link to={`/temadage/ny?enhed=${unit.id}`}>
              {t('dashboard.weakest.plan', { unit: unit.name })}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

function ThemeDaysSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const themeDays = useThemeDays();
  const upcoming = themeDays.data?.themeDays.filter((day) => day.stage === 'planned') ?? [];
  return (
    <Section
      id="dashboard-theme-days"
      title={t('dashboard.themeDays.title')}
      link={{ to: '/temadage', text: t('dashboard.themeDays.link') }}
    >
      {themeDays.isPending ? (
        <Loading />
      ) : themeDays.isError ? (
        <QueryErrorNotice error={themeDays.error} onRetry={() => void themeDays.refetch()} />
      ) : upcoming.length === 0 ? (
        <p>{t('dashboard.themeDays.none')}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {upcoming.slice(0, upcomingLimit).map((day) => (
            <li key={day.id}>
              <Link to={`/temadage/${day.id}`}>{day.title}</Link>
              <span className="cell-note">
                {t('dashboard.themeDays.when', { date: formatDay(day.date, locale), unit: day.unit.name })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ConversationsSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const conversations = useConversations();
  const upcoming = (conversations.data?.conversations ?? [])
    .filter((conversation) => conversation.stage === 'scheduled' && conversation.myRole === 'leader')
    .sort((a, b) => Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt));
  return (
    <Section
      id="dashboard-conversations"
      title={t('dashboard.conversations.title')}
      link={{ to: '/samtaler', text: t('dashboard.conversations.link') }}
    >
      {conversations.isPending ? (
        <Loading />
      ) : conversations.isError ? (
        <QueryErrorNotice error={conversations.error} onRetry={() => void conversations.refetch()} />
      ) : upcoming.length === 0 ? (
        <p>{t('dashboard.conversations.none')}</p>
      ) : (
        <ul className="plain-list dashboard-list">
          {upcoming.slice(0, upcomingLimit).map((conversation) => (
            <li key={conversation.id}>
              <Link to={`/samtaler/${conversation.id}`}>
                {t('dashboard.conversations.item', {
                  kind: t(`conversations.kind.${conversation.kind}`),
                  name: conversation.employee.name,
                })}
              </Link>
              <span className="cell-note">
                {t('dashboard.conversations.when', {
                  date: formatDate(conversation.scheduledAt, locale),
                  time: formatTime(conversation.scheduledAt, locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
