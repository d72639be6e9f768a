/**
 * @module "Mine opgaver": the user's open self-assessments and, for leaders, the leader assessments to do; then the
 * conversations to prepare or sign and the goals and actions past their date.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationTask } from '../../../server/contracts/conversations.ts';
import type { PairingTask } from '../../../server/contracts/pairings.ts';
import type { Task } from '../../../server/contracts/rounds.ts';
import type { ThemeDayTask } from '../../../server/contracts/theme-days.ts';
import { api } from '../../api/client.ts';
import { queryKeys, useTasks } from '../../api/queries.ts';
import { formatDate, formatDay } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useSessionUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { useErrorText } from '../conversations/shared.tsx';

export const taskPath = (task: Pick<Task, 'roundId' | 'subject' | 'kind'>): string =>
  `/runder/${task.roundId}/vurdering/${task.subject.id}/${task.kind === 'self_assessment' ? 'self' : 'leader'}`;

function TaskItem({ task }: { task: Task }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className={task.overdue ? 'task task--overdue' : 'task'}>
      <p className="task-title">
        <Link to={taskPath(task)}>
          {task.kind === 'self_assessment'
            ? t('tasks.self', { round: task.roundName })
            : t('tasks.leader', { name: task.subject.name, round: task.roundName })}
        </Link>
      </p>
      <p className="task-meta">
        {t('tasks.deadline', { date: formatDay(task.deadline, locale) })}
        {task.overdue ? <strong className="tag tag--strong">{t('tasks.overdue')}</strong> : null}
      </p>
      <p className="task-meta">{t(`tasks.state.${task.state}`)}</p>
      {task.remindedAt ? (
        <p className="task-meta">{t('tasks.remindedAt', { date: formatDate(task.remindedAt, locale) })}</p>
      ) : null}
    </li>
  );
}

function ConversationTaskItem({ task, own }: { task: ConversationTask; own: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const values = {
    kind: t(`conversations.kindInSentence.${task.conversationKind}`),
    name: task.subject.name,
    date: formatDate(task.scheduledAt, locale),
    title: task.title ?? '',
  };
  const overdue = task.kind === 'overdue_goal' || task.kind === 'overdue_action';
  return (
    <li className={overdue ? 'task task--overdue' : 'task'}>
      <p className="task-title">
        <Link to={`/samtaler/${task.conversationId}`}>
          {t(`tasks.conversation.${task.kind}.${own ? 'own' : 'other'}`, values)}
        </Link>
      </p>
      {task.dueDate ? (
        <p className="task-meta">
          {t('tasks.deadline', { date: formatDay(task.dueDate, locale) })}
          {overdue ? <strong className="tag tag--strong">{t('tasks.overdue')}</strong> : null}
        </p>
      ) : (
        <p className="task-meta">{t('tasks.conversation.when', { date: values.date })}</p>
      )}
    </li>
  );
}

/** Learning from a colleague, or helping one: both are on the caller's plan page, with the pairing's details. */
function PairingTaskItem({ task }: { task: PairingTask }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const values = { name: task.colleague.name, competence: task.competence.name };
  return (
    <li className={task.overdue ? 'task task--overdue' : 'task'}>
      <p className="task-title">
        <Link to="/plan">{t(`tasks.pairing.${task.kind}`, values)}</Link>
      </p>
      <p className="task-meta">
        {task.dueDate
          ? t('tasks.deadline', { date: formatDay(task.dueDate, locale) })
          : t('tasks.pairing.noDueDate')}
        {task.overdue ? <strong className="tag tag--strong">{t('tasks.overdue')}</strong> : null}
      </p>
    </li>
  );
}

/** A follow-up task from a theme day: try it in practice, then tick it off here or on the theme day's page. */
function ThemeDayTaskItem({ task, onError }: { task: ThemeDayTask; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () => api.setFollowUpTaskDone(task.id, true),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
        queryClient.invalidateQueries({ queryKey: ['theme-days', task.themeDayId] }),
      ]);
    },
    onError: (error) => onError(errorText(error)),
  });
  return (
    <li className={task.overdue ? 'task task--overdue' : 'task'}>
      <p className="task-title">
        <Link to={`/temadage/${task.themeDayId}`}>
          {t('tasks.themeDay.title', { title: task.themeDayTitle })}
        </Link>
      </p>
      <p className="task-meta">{task.text}</p>
      <p className="task-meta">
        <Link to={`/praksislog/ny?opgave=${encodeURIComponent(task.id)}`}>{t('tasks.themeDay.log')}</Link>
      </p>
      <p className="task-meta">
        {t('tasks.deadline', { date: formatDay(task.dueDate, locale) })}
        {task.overdue ? <strong className="tag tag--strong">{t('tasks.overdue')}</strong> : null}
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          if (!done.isPending) done.mutate();
        }}
      >
        {t('tasks.themeDay.markDone')}
        <span className="visually-hidden">: {task.text}</span>
      </button>
    </li>
  );
}

/** The task list, as a section of the home page. */
export function MyTasks() {
  const { t } = useTranslation();
  const tasks = useTasks();
  const user = useSessionUser();
  const conversationTasks = tasks.data?.conversations ?? [];
  const pairingTasks = tasks.data?.pairings ?? [];
  const themeDayTasks = tasks.data?.themeDays ?? [];
  const [themeDayError, setThemeDayError] = useState<string | null>(null);
  const own = tasks.data?.tasks.filter((task) => task.kind === 'self_assessment') ?? [];
  const leading = tasks.data?.tasks.filter((task) => task.kind === 'leader_assessment') ?? [];
  const scoring = tasks.data?.recruitment ?? [];
  return (
    <section aria-labelledby="my-tasks" className="tasks">
      <h2 id="my-tasks">{t('tasks.title')}</h2>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <QueryErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.tasks.length === 0 &&
        conversationTasks.length === 0 &&
        pairingTasks.length === 0 &&
        scoring.length === 0 &&
        themeDayTasks.length === 0 ? (
        <p>{t('tasks.empty')}</p>
      ) : (
        <>
          {own.length ? (
            <ul className="task-list" aria-label={t('tasks.ownLabel')}>
              {own.map((task) => (
                <TaskItem key={`${task.roundId}-self`} task={task} />
              ))}
            </ul>
          ) : null}
          {leading.length ? (
            <>
              <h3 className="task-group-title">{t('tasks.leaderTitle', { count: leading.length })}</h3>
              <ul className="task-list">
                {leading.map((task) => (
                  <TaskItem key={`${task.roundId}-${task.subject.id}`} task={task} />
                ))}
              </ul>
            </>
          ) : null}
          {conversationTasks.length ? (
            <>
              <h3 className="task-group-title">
                {t('tasks.conversationsTitle', { count: conversationTasks.length })}
              </h3>
              <ul className="task-list">
                {conversationTasks.map((task) => (
                  <ConversationTaskItem
                    key={`${task.kind}-${task.conversationId}-${task.title ?? ''}-${task.dueDate ?? ''}`}
                    task={task}
                    own={task.subject.id === user?.id}
                  />
                ))}
              </ul>
            </>
          ) : null}
          {pairingTasks.length ? (
            <>
              <h3 className="task-group-title">{t('tasks.pairingsTitle', { count: pairingTasks.length })}</h3>
              <ul className="task-list">
                {pairingTasks.map((task) => (
                  <PairingTaskItem key={task.pairingId} task={task} />
                ))}
              </ul>
            </>
          ) : null}
          {scoring.length ? (
            <>
              <h3 className="task-group-title">{t('tasks.recruitmentTitle', { count: scoring.length })}</h3>
              <ul className="task-list">
                {scoring.map((task) => (
                  <li className="task" key={task.candidate.id}>
                    <p className="task-title">
                      <Link to={`/rekruttering/${task.positionId}/kandidater/${task.candidate.id}`}>
                        {t('tasks.recruitment', { name: task.candidate.name, position: task.positionTitle })}
                      </Link>
                    </p>
                    <p className="task-meta">{t(`recruitment.scoreState.${task.state}`)}</p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {themeDayTasks.length ? (
            <>
              <h3 className="task-group-title">
                {t('tasks.themeDay.groupTitle', { count: themeDayTasks.length })}
              </h3>
              <div role="status" className="status-line">
                {themeDayError ? <p className="notice notice--error">{themeDayError}</p> : null}
              </div>
              <ul className="task-list">
                {themeDayTasks.map((task) => (
                  <ThemeDayTaskItem key={task.id} task={task} onError={setThemeDayError} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
