/**
 * @module One theme day: when and where, the focus, the participants and the agenda with times (printable); after the
 * day, the follow-up tasks (given by the leader, ticked off by each participant); at the next round, the before and
 * after of the focus competences.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type {
  FollowUpTask,
  ThemeDayAgendaItem,
  ThemeDayDetail,
} from '../../../server/contracts/theme-days.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useFrameworkVersion, useThemeDay } from '../../api/queries.ts';
import { formatDate, formatDay, formatNumber, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { competenceNames, type Outcome, StatusLine, useErrorText } from '../conversations/shared.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import type { ThemeDaySavedState } from './ThemeDayFormPage.tsx';
import { addDays } from './theme-day-form.ts';

const clock = (time: string, locale: Locale) => formatTime(new Date(`2000-01-01T${time}:00`), locale);

export function ThemeDayPage() {
  const { themeDayId = '' } = useParams();
  if (!isVersionId(themeDayId)) return <NotFoundPage />;
  return <ThemeDayView themeDayId={themeDayId} />;
}

function ThemeDayView({ themeDayId }: { themeDayId: string }) {
  const { t } = useTranslation();
  const detail = useThemeDay(themeDayId);
  const framework = useFrameworkVersion(detail.data?.frameworkVersionId);
  const location = useLocation();
  const saved = (location.state as ThemeDaySavedState | null)?.saved;
  const title = detail.data?.themeDay.title ?? t('themeDays.caption');
  return (
    <>
      <p className="page-caption">{t('themeDays.caption')}</p>
      <PageHeading title={title}>{title}</PageHeading>
      {detail.isPending || (detail.data && framework.isPending) ? (
        <Loading />
      ) : detail.isError ? (
        <QueryErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />
      ) : framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : (
        <Details detail={detail.data} framework={framework.data!.document} saved={saved} />
      )}
    </>
  );
}

function Details(props: {
  detail: ThemeDayDetail;
  framework: FrameworkDocument;
  saved?: ThemeDaySavedState['saved'];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { detail, framework } = props;
  const { themeDay } = detail;
  const [outcome, setOutcome] = useState<Outcome | null>(
    props.saved ? { kind: 'success', text: t(`themeDays.saved.${props.saved}`) } : null,
  );
  const [confirmCancel, setConfirmCancel] = useState(false);
  const competenceName = useMemo(() => competenceNames(framework, locale), [framework, locale]);
  const cancel = useMutation({
    mutationFn: () => api.cancelThemeDay(themeDay.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.themeDays });
      await navigate('/temadage', { state: { moveFocus: true } });
    },
    onError: (error) =>
      setOutcome({
        kind: 'error',
        text: errorText(error),
      }),
  });

  return (
    <>
      <StatusLine outcome={outcome} />
      <dl className="summary-list">
        <div className="summary-list-row">
          <dt>{t('themeDays.unit')}</dt>
          <dd>{themeDay.unit.name}</dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('themeDays.when')}</dt>
          <dd>
            {t('themeDays.whenValue', {
              date: formatDay(themeDay.date, locale),
              start: clock(themeDay.startTime, locale),
              end: clock(themeDay.endTime, locale),
            })}
          </dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('themeDays.place')}</dt>
          <dd>{themeDay.place}</dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('themeDays.focus')}</dt>
          <dd>
            <ul className="plain-list">
              {themeDay.focusCompetenceIds.map((id) => (
                <li key={id}>{competenceName.get(id) ?? id}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('themeDays.participants', { count: detail.participants.length })}</dt>
          <dd>{detail.participants.map((person) => person.name).join(', ')}</dd>
        </div>
      </dl>
      <ul className="link-list print-hidden">
        <li>
          <button type="button" className="link-button" onClick={() => window.print()}>
            {t('themeDays.print')}
          </button>
        </li>
        {detail.canManage ? (
          <>
            <li>
              <Link to={`/temadage/${themeDay.id}/ret`}>{t('themeDays.editLink')}</Link>
            </li>
            <li>
              <button type="button" className="link-button" onClick={() => setConfirmCancel(true)}>
                {t('themeDays.cancel')}
              </button>
            </li>
          </>
        ) : null}
      </ul>
      {confirmCancel ? (
        <div
          className="notice notice--warning print-hidden"
          role="alertdialog"
          aria-labelledby="cancel-title"
        >
          <p id="cancel-title">{t('themeDays.cancelConfirm', { title: themeDay.title })}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => cancel.mutate()}>
              {t('themeDays.cancelYes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmCancel(false)}
            >
              {t('themeDays.cancelNo')}
            </button>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="theme-day-agenda" className="theme-day-section">
        <h2 id="theme-day-agenda">{t('themeDays.agenda')}</h2>
        {detail.agenda.length === 0 ? (
          <p>{t('themeDays.agendaEmpty')}</p>
        ) : (
          <ol className="agenda-list">
            {detail.agenda.map((item) => (
              <AgendaEntry key={item.id} item={item} locale={locale} competenceName={competenceName} />
            ))}
          </ol>
        )}
      </section>

      <FollowUp detail={detail} onOutcome={setOutcome} />
      {detail.beforeAfter ? <BeforeAfter detail={detail} competenceName={competenceName} /> : null}
    </>
  );
}

function AgendaEntry(props: {
  item: ThemeDayAgendaItem;
  locale: Locale;
  competenceName: Map<string, string>;
}) {
  const { t } = useTranslation();
  const { item, locale, competenceName } = props;
  const exercise = item.exercise;
  return (
    <li className="agenda-item theme-day-item">
      <h3 className="agenda-title">
        <span className="agenda-time">
          {clock(item.start, locale)}–{clock(item.end, locale)}
        </span>{' '}
        {item.title}
      </h3>
      {exercise ? (
        <>
          <p className="agenda-meta">
            <span className="tag agenda-kind">{t(`themeDays.kind.${exercise.kind}`)}</span>{' '}
            {t('themeDays.trains', {
              names: exercise.competenceIds.map((id) => competenceName.get(id) ?? id).join(', '),
            })}
          </p>
          <p>{exercise.purpose}</p>
          <h4>{t('themeDays.preparation')}</h4>
          <p>{exercise.preparation}</p>
          <h4>{t('themeDays.steps')}</h4>
          <ol>
            {exercise.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <h4>{t('themeDays.followUpIdea')}</h4>
          <p>{exercise.followUpTask}</p>
        </>
      ) : (
        <p className="muted">{t('themeDays.minutes', { count: item.minutes })}</p>
      )}
    </li>
  );
}

function FollowUp(props: { detail: ThemeDayDetail; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const { detail } = props;
  const held = detail.themeDay.stage === 'held';
  return (
    <section aria-labelledby="theme-day-follow-up" className="theme-day-section">
      <h2 id="theme-day-follow-up">{t('themeDays.followUp.title')}</h2>
      {!held ? (
        <p>{detail.canManage ? t('themeDays.followUp.notYetLeader') : t('themeDays.followUp.notYet')}</p>
      ) : detail.canManage ? (
        <TasksForm detail={detail} onOutcome={props.onOutcome} />
      ) : detail.tasks.length === 0 ? (
        <p>{t('themeDays.followUp.noneYet')}</p>
      ) : (
        detail.tasks.map((task) => (
          <OwnTask key={task.id} task={task} themeDayId={detail.themeDay.id} onOutcome={props.onOutcome} />
        ))
      )}
    </section>
  );
}

function OwnTask(props: { task: FollowUpTask; themeDayId: string; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const { task } = props;
  const toggle = useMutation({
    mutationFn: (done: boolean) => api.setFollowUpTaskDone(task.id, done),
    onSuccess: async (saved) => {
      props.onOutcome({
        kind: 'success',
        text: saved.doneAt ? t('themeDays.followUp.markedDone') : t('themeDays.followUp.markedOpen'),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['theme-days', props.themeDayId] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
      ]);
    },
    onError: (error) =>
      props.onOutcome({
        kind: 'error',
        text: errorText(error),
      }),
  });
  return (
    <div className="follow-up-task">
      <p className="follow-up-text">{task.text}</p>
      <p className="task-meta">
        {t('themeDays.followUp.due', { date: formatDay(task.dueDate, locale) })}{' '}
        {task.doneAt ? (
          <strong className="tag tag--strong">
            {t('themeDays.followUp.doneOn', { date: formatDate(task.doneAt, locale) })}
          </strong>
        ) : null}
      </p>
      <p>{t('themeDays.followUp.logHint')}</p>
      <button
        type="button"
        className={task.doneAt ? 'button button--secondary' : 'button button--primary'}
        onClick={() => {
          if (!toggle.isPending) toggle.mutate(!task.doneAt);
        }}
      >
        {task.doneAt ? t('themeDays.followUp.markOpen') : t('themeDays.followUp.markDone')}
      </button>
    </div>
  );
}

function TasksForm(props: { detail: ThemeDayDetail; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const { detail } = props;
  const exercises = detail.agenda.flatMap((item) => (item.exercise ? [item.exercise] : []));
  const taskOf = new Map(detail.tasks.map((task) => [task.person.id, task]));
  const [exerciseId, setExerciseId] = useState(detail.tasks[0]?.exerciseId ?? exercises[0]?.id ?? '');
  const followUpOf = (id: string) => exercises.find((exercise) => exercise.id === id)?.followUpTask ?? '';
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      detail.participants.map((person) => [person.id, taskOf.get(person.id)?.text ?? followUpOf(exerciseId)]),
    ),
  );
  const [dueDate, setDueDate] = useState(detail.tasks[0]?.dueDate ?? addDays(detail.themeDay.date, 7));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const save = useMutation({
    mutationFn: () =>
      api.saveFollowUpTasks(detail.themeDay.id, {
        tasks: detail.participants.map((person) => ({
          userId: person.id,
          exerciseId: exerciseId || null,
          text: (texts[person.id] ?? '').trim(),
          dueDate,
        })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.themeDay(saved.themeDay.id, locale), saved);
      props.onOutcome({
        kind: 'success',
        text: t('themeDays.followUp.saved', { count: saved.tasks.length }),
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(
          Object.entries(error.fields).map(([path, message]) => {
            const [, index, field] = path.split('.');
            const person = detail.participants[Number(index)];
            return {
              fieldId: field === 'dueDate' ? 'tasks-due' : person ? `task-${person.id}` : undefined,
              message,
            };
          }),
        );
      } else fail([{ message: errorText(error) }]);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: FormError[] = detail.participants
      .filter((person) => !(texts[person.id] ?? '').trim())
      .map((person) => ({
        fieldId: `task-${person.id}`,
        message: t('themeDays.followUp.errors.text', { name: person.name }),
      }));
    if (!dueDate) found.push({ fieldId: 'tasks-due', message: t('themeDays.followUp.errors.due') });
    else if (dueDate < detail.themeDay.date)
      found.push({ fieldId: 'tasks-due', message: t('themeDays.followUp.errors.dueBefore') });
    if (found.length > 0) return fail(found);
    save.mutate();
  };
  const dueError = errors.find((error) => error.fieldId === 'tasks-due')?.message;
  return (
    <>
      <p>{t('themeDays.followUp.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <form
        className="form print-hidden"
        noValidate
        onSubmit={onSubmit}
        aria-label={t('themeDays.followUp.title')}
      >
        {exercises.length > 0 ? (
          <div className="form-group">
            <label className="form-label" htmlFor="tasks-exercise">
              {t('themeDays.followUp.fromExercise')}
            </label>
            <p className="form-hint" id="tasks-exercise-hint">
              {t('themeDays.followUp.fromExerciseHint')}
            </p>
            <select
              id="tasks-exercise"
              className="form-select"
              value={exerciseId}
              aria-describedby="tasks-exercise-hint"
              onChange={(event) => {
                const previous = followUpOf(exerciseId);
                const next = followUpOf(event.target.value);
                setExerciseId(event.target.value);
                // Texts the leader has not changed follow the chosen exercise; their own words stay.
                setTexts((current) =>
                  Object.fromEntries(
                    Object.entries(current).map(([id, text]) => [
                      id,
                      text === previous || text === '' ? next : text,
                    ]),
                  ),
                );
              }}
            >
              {exercises.map((exercise) => (
                <option key={exercise.id} value={exercise.id}>
                  {exercise.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className={dueError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor="tasks-due">
            {t('themeDays.followUp.dueLabel')}
          </label>
          {dueError ? <FieldError id="tasks-due-error" message={dueError} /> : null}
          <input
            id="tasks-due"
            type="date"
            className="form-input form-input--date"
            min={detail.themeDay.date}
            value={dueDate}
            aria-invalid={dueError ? true : undefined}
            aria-describedby={dueError ? 'tasks-due-error' : undefined}
            onChange={(event) => setDueDate(event.target.value)}
          />
        </div>
        {detail.participants.map((person) => {
          const task = taskOf.get(person.id);
          return (
            <div key={person.id} className="follow-up-person">
              <CharacterCountedTextArea
                id={`task-${person.id}`}
                label={t('themeDays.followUp.taskFor', { name: person.name })}
                hint={
                  task?.doneAt
                    ? t('themeDays.followUp.doneOn', { date: formatDate(task.doneAt, locale) })
                    : task
                      ? t('themeDays.followUp.open')
                      : undefined
                }
                value={texts[person.id] ?? ''}
                onChange={(value) => setTexts((current) => ({ ...current, [person.id]: value }))}
                maxLength={1000}
                rows={3}
                error={errors.find((error) => error.fieldId === `task-${person.id}`)?.message}
              />
            </div>
          );
        })}
        <button type="submit" className="button button--primary">
          {save.isPending ? t('themeDays.followUp.saving') : t('themeDays.followUp.save')}
        </button>
      </form>
      {detail.tasks.length > 0 ? (
        <ul className="plain-list print-only">
          {detail.tasks.map((task) => (
            <li key={task.id}>
              {task.person.name}: {task.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function BeforeAfter(props: { detail: ThemeDayDetail; competenceName: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const beforeAfter = props.detail.beforeAfter!;
  const number = (value: number | null) => (value === null ? '–' : formatNumber(value, locale));
  const signed = (value: number | null) =>
    value === null
      ? '–'
      : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale)}`;
  return (
    <section aria-labelledby="theme-day-before-after" className="theme-day-section">
      <h2 id="theme-day-before-after">{t('themeDays.beforeAfter.title')}</h2>
      <p>{t('themeDays.beforeAfter.intro', { count: beforeAfter.minGroupSize })}</p>
      {beforeAfter.ratedAfterCount === 0 ? (
        <p>{t('themeDays.beforeAfter.notYet')}</p>
      ) : (
        <ScrollRegion labelledBy="before-after-caption">
          <table className="table table--numbers">
            <caption id="before-after-caption" className="table-caption">
              {t('themeDays.beforeAfter.caption', { count: beforeAfter.ratedAfterCount })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('themeDays.beforeAfter.competence')}</th>
                <th scope="col" className="numeric">
                  {t('themeDays.beforeAfter.before')}
                </th>
                <th scope="col" className="numeric">
                  {t('themeDays.beforeAfter.after')}
                </th>
                <th scope="col" className="numeric">
                  {t('themeDays.beforeAfter.change')}
                </th>
                <th scope="col" className="numeric">
                  {t('themeDays.beforeAfter.people')}
                </th>
              </tr>
            </thead>
            <tbody>
              {beforeAfter.competences.map((entry) => (
                <tr key={entry.competenceId}>
                  <th scope="row">{props.competenceName.get(entry.competenceId) ?? entry.competenceId}</th>
                  {entry.pairedCount === null ? (
                    <td colSpan={4}>
                      {t('themeDays.beforeAfter.withheld', { count: beforeAfter.minGroupSize })}
                    </td>
                  ) : (
                    <>
                      <td className="numeric">{number(entry.before)}</td>
                      <td className="numeric">{number(entry.after)}</td>
                      <td className="numeric">{signed(entry.change)}</td>
                      <td className="numeric">{entry.pairedCount}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
