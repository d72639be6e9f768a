/** @module "Planlæg gruppe-MUS": a leader schedules a group conversation with the people of a unit they lead. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { subtreeUnitIds } from '../../../domain/access.ts';
import type { Person, Team, Unit } from '../../../server/contracts/people.ts';
import { api } from '../../api/client.ts';
import { queryKeys, useTeam, useUnits } from '../../api/queries.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { SelectField } from '../../ui/FormField.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { errorFor } from './conversation-form.ts';
import {
  groupDurations,
  ScheduleFields,
  type ScheduleValues,
  scheduleErrors,
  scheduleFieldIds,
  scheduleSubmit,
} from './ScheduleFields.tsx';
import { type ConversationScheduledState, useFormErrors } from './shared.tsx';

const ids = {
  unit: 'group-unit',
  participants: 'group-participants',
  ...scheduleFieldIds('group'),
};
const participantId = (personId: string) => `${ids.participants}-${personId}`;

/**
 * Who may take part in a group conversation with the unit: active people of the unit and the units below it, but not
 * the unit's own leaders (they hold it). The server checks the same.
 */
export function possibleParticipants(
  unitId: string,
  members: readonly Person[],
  units: readonly Unit[],
): Person[] {
  const inUnit = subtreeUnitIds(units, [unitId]);
  const above = new Set<string>();
  for (let unit = units.find((entry) => entry.id === unitId); unit; ) {
    for (const leader of unit.leaders) above.add(leader.id);
    const parentId = unit.parentId;
    unit = parentId ? units.find((entry) => entry.id === parentId) : undefined;
  }
  return members
    .filter((member) => member.active && member.unit && inUnit.has(member.unit.id) && !above.has(member.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export function NewGroupConversationPage() {
  const { t } = useTranslation();
  const team = useTeam();
  const units = useUnits();
  return (
    <>
      <PageHeading>{t('groups.new.title')}</PageHeading>
      <p className="lead">{t('groups.new.intro')}</p>
      {team.isPending || units.isPending ? (
        <Loading />
      ) : team.isError ? (
        <QueryErrorNotice error={team.error} onRetry={() => void team.refetch()} />
      ) : units.isError ? (
        <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : team.data.units.length === 0 ? (
        <p>{t('groups.new.noUnits')}</p>
      ) : (
        <GroupScheduleForm team={team.data} units={units.data.units} />
      )}
    </>
  );
}

interface Values extends ScheduleValues {
  unitId: string;
  participantIds: string[];
}

function GroupScheduleForm({ team, units }: { team: Team; units: Unit[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({
    unitId: team.units.length === 1 ? (team.units[0]?.id ?? '') : '',
    participantIds: [],
    date: '',
    time: '',
    durationMinutes: 90,
    place: '',
  });
  const people = values.unitId ? possibleParticipants(values.unitId, team.members, units) : [];
  // Everyone in the chosen unit takes part until the leader says otherwise.
  const [chosenFor, setChosenFor] = useState<string | null>(null);
  if (values.unitId && chosenFor !== values.unitId) {
    setChosenFor(values.unitId);
    setValues((current) => ({ ...current, participantIds: people.map((person) => person.id) }));
  }
  const { errors, attempt, fail, failWith } = useFormErrors();
  // The error sits on the first person to tick, or on the unit while there is nobody to choose.
  const participantsTarget = people[0] ? participantId(people[0].id) : ids.unit;

  const schedule = useMutation({
    mutationFn: (scheduledAt: string) =>
      api.scheduleGroupConversation({
        unitId: values.unitId,
        participantIds: values.participantIds,
        scheduledAt,
        durationMinutes: values.durationMinutes,
        place: values.place.trim(),
      }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.groupConversation(detail.conversation.id), detail);
      await queryClient.invalidateQueries({
        queryKey: queryKeys.conversations,
        exact: true,
        refetchType: 'none',
      });
      const state: ConversationScheduledState = { scheduled: true };
      await navigate(`/samtaler/grus/${detail.conversation.id}`, { state });
    },
    onError: (error) =>
      failWith(error, {
        unitId: ids.unit,
        participantIds: participantsTarget,
        scheduledAt: ids.date,
        durationMinutes: ids.duration,
        place: ids.place,
      }),
  });

  const validate = (): FormError[] => [
    ...(values.unitId ? [] : [{ fieldId: ids.unit, message: t('groups.new.errors.unit') }]),
    ...(values.unitId && values.participantIds.length < 2
      ? [{ fieldId: participantsTarget, message: t('groups.new.errors.participants') }]
      : []),
    ...scheduleErrors(values, ids, t, { future: true }),
  ];

  const onSubmit = scheduleSubmit({
    pending: schedule.isPending,
    problems: validate,
    values,
    fail,
    send: schedule.mutate,
  });

  const participantsError = errorFor(errors, participantsTarget);
  const toggle = (personId: string, checked: boolean) =>
    setValues((current) => ({
      ...current,
      participantIds: checked
        ? [...current.participantIds, personId]
        : current.participantIds.filter((id) => id !== personId),
    }));

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('groups.new.title')}>
        <SelectField
          id={ids.unit}
          label={t('groups.new.unit')}
          error={errorFor(errors, ids.unit)}
          value={values.unitId}
          empty={t('groups.new.chooseUnit')}
          options={team.units.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value) => setValues((current) => ({ ...current, unitId: value }))}
        />
        <fieldset
          className={participantsError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={`${ids.participants}-hint${participantsError ? ` ${ids.participants}-error` : ''}`}
        >
          <legend className="form-label form-label--legend">{t('groups.new.participants')}</legend>
          <p className="form-hint" id={`${ids.participants}-hint`}>
            {values.unitId ? t('groups.new.participantsHint') : t('groups.new.chooseUnitFirst')}
          </p>
          {participantsError ? (
            <FieldError id={`${ids.participants}-error`} message={participantsError} />
          ) : null}
          {values.unitId && people.length === 0 ? <p>{t('groups.new.noMembers')}</p> : null}
          {people.map((person) => (
            <div className="checkbox" key={person.id}>
              <input
                className="checkbox-input"
                type="checkbox"
                id={participantId(person.id)}
                checked={values.participantIds.includes(person.id)}
                onChange={(event) => toggle(person.id, event.target.checked)}
              />
              <label className="checkbox-label" htmlFor={participantId(person.id)}>
                {person.name}
                {person.unit && team.units.length > 1 ? ` (${person.unit.name})` : ''}
              </label>
            </div>
          ))}
        </fieldset>
        <ScheduleFields
          ids={ids}
          values={values}
          errors={errors}
          onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
          future
          durations={groupDurations}
          placeHint={t('conversations.new.placeHint')}
        />
        <button type="submit" className="button button--primary">
          {schedule.isPending ? t('groups.new.submitting') : t('groups.new.submit')}
        </button>
      </form>
    </>
  );
}
