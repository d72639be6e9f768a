/** @module "Planlæg samtale": a leader schedules a conversation with one of their people (a follow-up via the query). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useTeam } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useCurrentUser } from '../../session/session.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import {
  conversationKindIds,
  errorFor,
  isIsoDate,
  isTime,
  placeFieldErrors,
  toScheduledAt,
} from './conversation-form.ts';

/** State passed to the conversation page after scheduling, so it can say so. */
export interface ConversationScheduledState {
  scheduled?: boolean;
}

const ids = {
  kind: 'conversation-kind',
  employee: 'conversation-employee',
  date: 'conversation-date',
  time: 'conversation-time',
  duration: 'conversation-duration',
  place: 'conversation-place',
};
const durations = [30, 45, 60, 90, 120] as const;
type Kind = (typeof conversationKindIds)[number];

interface Values {
  kind: Kind;
  employeeId: string;
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
}

export function NewConversationPage() {
  const { t } = useTranslation();
  const team = useTeam();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const followUpOf = search.get('followUpOf');
  const asked = search.get('type');
  const kind: Kind =
    conversationKindIds.find((known) => known === asked) ?? (followUpOf ? 'follow_up' : 'mus');
  const employee = search.get('employee') ?? '';
  const people = (team.data?.members ?? [])
    .filter((member) => member.active && member.id !== user.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <>
      <PageHeading>{t('conversations.new.title')}</PageHeading>
      <p className="lead">{t('conversations.new.intro')}</p>
      {team.isPending ? (
        <Loading />
      ) : team.isError ? (
        <QueryErrorNotice error={team.error} onRetry={() => void team.refetch()} />
      ) : people.length === 0 ? (
        <p>{t('conversations.new.noPeople')}</p>
      ) : (
        <ScheduleForm
          people={people}
          initial={{
            kind,
            employeeId: people.some((person) => person.id === employee) ? employee : '',
            date: '',
            time: '',
            durationMinutes: 60,
            place: '',
          }}
          followUpOf={followUpOf && isVersionId(followUpOf) ? followUpOf : null}
        />
      )}
    </>
  );
}

function ScheduleForm(props: {
  people: { id: string; name: string }[];
  initial: Values;
  followUpOf: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };

  const schedule = useMutation({
    mutationFn: (scheduledAt: string) =>
      api.scheduleConversation({
        kind: values.kind,
        employeeId: values.employeeId,
        scheduledAt,
        durationMinutes: values.durationMinutes,
        place: values.place.trim(),
        ...(props.followUpOf && values.kind === 'follow_up' ? { followUpOf: props.followUpOf } : {}),
      }),
    onSuccess: async (detail: ConversationDetail) => {
      queryClient.setQueryData(queryKeys.conversation(detail.conversation.id), detail);
      await queryClient.invalidateQueries({
        queryKey: queryKeys.conversations,
        exact: true,
        refetchType: 'none',
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks });
      const state: ConversationScheduledState = { scheduled: true };
      await navigate(`/samtaler/${detail.conversation.id}`, { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(
          placeFieldErrors(error.fields, {
            kind: ids.kind,
            employeeId: ids.employee,
            scheduledAt: ids.date,
            durationMinutes: ids.duration,
            place: ids.place,
          }),
        );
      } else {
        fail([
          { message: error instanceof ApiError && error.message ? error.message : t('errors.generic.text') },
        ]);
      }
    },
  });

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!values.employeeId)
      found.push({ fieldId: ids.employee, message: t('conversations.new.errors.employee') });
    if (!values.date) found.push({ fieldId: ids.date, message: t('conversations.new.errors.dateRequired') });
    else if (!isIsoDate(values.date) || !toScheduledAt(values.date, '12:00'))
      found.push({ fieldId: ids.date, message: t('conversations.new.errors.dateInvalid') });
    else if (values.date < todayIso())
      found.push({ fieldId: ids.date, message: t('conversations.new.errors.datePast') });
    if (!values.time) found.push({ fieldId: ids.time, message: t('conversations.new.errors.timeRequired') });
    else if (!isTime(values.time))
      found.push({ fieldId: ids.time, message: t('conversations.new.errors.timeInvalid') });
    if (!values.place.trim())
      found.push({ fieldId: ids.place, message: t('conversations.new.errors.place') });
    else if (values.place.trim().length > 200)
      found.push({ fieldId: ids.place, message: t('conversations.new.errors.placeTooLong', { count: 200 }) });
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (schedule.isPending) return;
    const found = validate();
    const scheduledAt = toScheduledAt(values.date, values.time);
    if (found.length > 0 || !scheduledAt) return fail(found);
    schedule.mutate(scheduledAt);
  };

  const kindError = errorFor(errors, ids.kind);
  const employeeError = errorFor(errors, ids.employee);
  const dateError = errorFor(errors, ids.date);
  const timeError = errorFor(errors, ids.time);
  const durationError = errorFor(errors, ids.duration);
  const describe = (id: string, error: string | undefined, hint = false) =>
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <>
      {props.followUpOf ? (
        <div className="notice notice--info">
          <p>{t('conversations.new.followUpNotice')}</p>
          <p>
            <Link to={`/samtaler/${props.followUpOf}`}>{t('conversations.new.followUpLink')}</Link>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('conversations.new.title')}>
        <fieldset
          className={kindError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={describe(ids.kind, kindError)}
        >
          <legend className="form-label form-label--legend">{t('conversations.new.kind')}</legend>
          {kindError ? <FieldError id={`${ids.kind}-error`} message={kindError} /> : null}
          {conversationKindIds.map((kind, index) => (
            <div className="radio" key={kind}>
              <input
                className="radio-input"
                type="radio"
                name="kind"
                id={index === 0 ? ids.kind : `${ids.kind}-${kind}`}
                checked={values.kind === kind}
                onChange={() => set('kind', kind)}
              />
              <label className="radio-label" htmlFor={index === 0 ? ids.kind : `${ids.kind}-${kind}`}>
                {t(`conversations.kind.${kind}`)}
              </label>
            </div>
          ))}
        </fieldset>

        <div className={employeeError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.employee}>
            {t('conversations.new.employee')}
          </label>
          {employeeError ? <FieldError id={`${ids.employee}-error`} message={employeeError} /> : null}
          <select
            id={ids.employee}
            className="form-select"
            value={values.employeeId}
            aria-invalid={employeeError ? true : undefined}
            aria-describedby={describe(ids.employee, employeeError)}
            onChange={(event) => set('employeeId', event.target.value)}
          >
            <option value="">{t('conversations.new.chooseEmployee')}</option>
            {props.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>

        <div className={dateError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.date}>
            {t('conversations.new.date')}
          </label>
          {dateError ? <FieldError id={`${ids.date}-error`} message={dateError} /> : null}
          <input
            id={ids.date}
            type="date"
            className="form-input form-input--date"
            min={todayIso()}
            value={values.date}
            required
            aria-invalid={dateError ? true : undefined}
            aria-describedby={describe(ids.date, dateError)}
            onChange={(event) => set('date', event.target.value)}
          />
        </div>

        <div className={timeError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.time}>
            {t('conversations.new.time')}
          </label>
          <p className="form-hint" id={`${ids.time}-hint`}>
            {t('conversations.new.timeHint')}
          </p>
          {timeError ? <FieldError id={`${ids.time}-error`} message={timeError} /> : null}
          <input
            id={ids.time}
            type="time"
            className="form-input form-input--date"
            value={values.time}
            required
            aria-invalid={timeError ? true : undefined}
            aria-describedby={describe(ids.time, timeError, true)}
            onChange={(event) => set('time', event.target.value)}
          />
        </div>

        <div className={durationError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.duration}>
            {t('conversations.new.duration')}
          </label>
          {durationError ? <FieldError id={`${ids.duration}-error`} message={durationError} /> : null}
          <select
            id={ids.duration}
            className="form-select form-select--m"
            value={values.durationMinutes}
            aria-invalid={durationError ? true : undefined}
            aria-describedby={describe(ids.duration, durationError)}
            onChange={(event) => set('durationMinutes', Number(event.target.value))}
          >
            {durations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('conversations.minutes', { count: minutes })}
              </option>
            ))}
          </select>
        </div>

        <TextField
          id={ids.place}
          name="place"
          label={t('conversations.new.place')}
          hint={t('conversations.new.placeHint')}
          value={values.place}
          onChange={(value) => set('place', value)}
          error={errorFor(errors, ids.place)}
          required
        />

        <button type="submit" className="button button--primary">
          {schedule.isPending ? t('conversations.new.submitting') : t('conversations.new.submit')}
        </button>
      </form>
    </>
  );
}
