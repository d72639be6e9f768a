/** @module A person's development plan across conversations: open goals first, with actions, statuses and overdue marks. */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Plan } from '../../../server/contracts/conversations.ts';
import { queryKeys, useFrameworks, useFrameworkVersion, usePlan } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId, newestPublished } from '../framework/framework-view.ts';
import { PlanPairingsSection } from '../pairings/PlanPairingsSection.tsx';
import { GoalCard } from './PlanSection.tsx';

type PlanGoal = Plan['goals'][number];
const isOpen = (goal: PlanGoal) => goal.status === 'not_started' || goal.status === 'in_progress';

export function PlanPage() {
  const { userId } = useParams();
  const viewer = useCurrentUser();
  if (userId !== undefined && !isVersionId(userId)) return <NotFoundPage />;
  const subject = userId ?? viewer.id;
  return <PlanView key={subject} userId={subject} own={subject === viewer.id} />;
}

function PlanView({ userId, own }: { userId: string; own: boolean }) {
  const { t } = useTranslation();
  const plan = usePlan(userId);
  const frameworks = useFrameworks();
  const newest = frameworks.data
    ? (newestPublished(frameworks.data.frameworks) ?? frameworks.data.frameworks[0])
    : undefined;
  const framework = useFrameworkVersion(newest?.id);
  const title = own
    ? t('plan.ownTitle')
    : plan.data
      ? t('plan.titleOf', { name: plan.data.person.name })
      : t('plan.caption');
  return (
    <>
      {own ? null : <p className="page-caption">{t('plan.caption')}</p>}
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{own ? t('plan.introOwn') : t('plan.introLeader')}</p>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <QueryErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanGoals plan={plan.data} framework={framework.data?.document} userId={userId} />
      )}
      {plan.data ? <PlanPairingsSection userId={userId} own={own} name={plan.data.person.name} /> : null}
    </>
  );
}

function PlanGoals({
  plan,
  framework,
  userId,
}: {
  plan: Plan;
  framework: Parameters<typeof GoalCard>[0]['framework'];
  userId: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const open = plan.goals.filter(isOpen);
  const closed = plan.goals.filter((goal) => !isOpen(goal));
  const overdue =
    plan.goals.filter((goal) => goal.overdue).length +
    plan.goals.flatMap((goal) => goal.actions).filter((action) => action.overdue).length;
  const onChanged = async (goal: PlanGoal) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.plan(userId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.conversation(goal.conversation.id), exact: true }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
    ]);
  };
  if (plan.goals.length === 0) return <p>{t('plan.empty')}</p>;
  const card = (goal: PlanGoal) => (
    <li key={goal.id}>
      <GoalCard
        goal={goal}
        framework={framework}
        canEdit={false}
        owners={[]}
        colleagues={[]}
        onChanged={() => onChanged(goal)}
        origin={
          <p className="goal-origin">
            <Link to={`/samtaler/${goal.conversation.id}`}>
              {t('plan.agreedIn', {
                kind: t(`conversations.kind.${goal.conversation.kind}`),
                date: formatDate(goal.conversation.scheduledAt, locale),
              })}
            </Link>
            {goal.conversation.signedAt ? null : <span className="muted"> · {t('plan.notSigned')}</span>}
          </p>
        }
      />
    </li>
  );
  return (
    <>
      {overdue > 0 ? (
        <div className="notice notice--warning">
          <p>{t('plan.overdueSummary', { count: overdue })}</p>
        </div>
      ) : null}
      <section aria-labelledby="plan-open">
        <h2 id="plan-open">{t('plan.open', { count: open.length })}</h2>
        {open.length ? <ul className="goal-list">{open.map(card)}</ul> : <p>{t('plan.noneOpen')}</p>}
      </section>
      {closed.length ? (
        <section aria-labelledby="plan-closed">
          <h2 id="plan-closed">{t('plan.closed', { count: closed.length })}</h2>
          <ul className="goal-list">{closed.map(card)}</ul>
        </section>
      ) : null}
    </>
  );
}
