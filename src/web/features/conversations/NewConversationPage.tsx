/** @module "Planlæg samtale": a leader schedules a conversation with one of their people (a follow-up via the query). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import { api } from '../../api/client.ts';
import { queryKeys, useTeam } from '../../api/queries.ts';
import { useCurrentUser } from '../../session/session.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { SelectField } from '../../ui/FormField.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { conversationKindIds, errorFor } from './conversation-form.ts';
import {
  ScheduleFields,
  type ScheduleValues,
  scheduleErrors,
  scheduleFieldIds,
  scheduleSubmit,
} from './ScheduleFields.tsx';
import { type ConversationScheduledState, personOptions, useFormErrors } from './shared.tsx';

const ids = {
  kind: 'conversation-kind',
  employee: 'conversation-employee',
  ...scheduleFieldIds('conversation'),
};
type Kind = (typeof conversationKindIds)[number];

interface Values extends ScheduleValues {
  kind: Kind;
  employeeId: string;
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
          followsGroup={search.get('group') === '1'}
        />
      )}
    </>
  );
}

function ScheduleForm(props: {
  people: { id: string; name: string }[];
  initial: Values;
  followUpOf: string | null;
  /** The conversation followed up is a group MUS (its page is elsewhere, its guide starts with team goals). */
  followsGroup: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(props.initial);
  const { errors, attempt, fail, failWith } = useFormErrors();
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

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
    onError: (error) =>
      failWith(error, {
        kind: ids.kind,
        employeeId: ids.employee,
        scheduledAt: ids.date,
        durationMinutes: ids.duration,
        place: ids.place,
      }),
  });

  const validate = (): FormError[] => [
    ...(values.employeeId
      ? []
      : [{ fieldId: ids.employee, message: t('conversations.new.errors.employee') }]),
    ...scheduleErrors(values, ids, t, { future: true }),
  ];

  const onSubmit = scheduleSubmit({
    pending: schedule.isPending,
    problems: validate,
    values,
    fail,
    send: schedule.mutate,
  });

  const kindError = errorFor(errors, ids.kind);
  const describe = (id: string, error: string | undefined) => (error ? `${id}-error` : undefined);

  return (
    <>
      {props.followUpOf ? (
        <div className="notice notice--info">
          <p>
            {props.followsGroup
              ? t('conversations.new.followUpGroupNotice')
              : t('conversations.new.followUpNotice')}
          </p>
          <p>
            <Link to={`/samtaler/${props.followsGroup ? 'grus/' : ''}${props.followUpOf}`}>
              {props.followsGroup
                ? t('conversations.new.followUpGroupLink')
                : t('conversations.new.followUpLink')}
            </Link>
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

        <SelectField
          id={ids.employee}
          label={t('conversations.new.employee')}
          error={errorFor(errors, ids.employee)}
          value={values.employeeId}
          empty={t('conversations.new.chooseEmployee')}
          options={personOptions(props.people)}
          onChange={(value) => set('employeeId', value)}
        />
        <ScheduleFields
          ids={ids}
          values={values}
          errors={errors}
          onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
          future
          placeHint={t('conversations.new.placeHint')}
        />

        <button type="submit" className="button button--primary">
          {schedule.isPending ? t('conversations.new.submitting') : t('conversations.new.submit')}
        </button>
      </form>
    </>
  );
}
