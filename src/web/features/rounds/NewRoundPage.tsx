/** @module Start a profiling round: name, framework, who takes part (units and people), role profiles, deadline. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FrameworkVersionSummary } from '../../../server/contracts/frameworks.ts';
import type { RoundDetail } from '../../../server/contracts/rounds.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useFrameworks, useRoleProfiles, useTeam, useUnits, useUsers } from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { newestPublished } from '../framework/framework-view.ts';
import {
  type Candidate,
  type PlacedError,
  participantsOf,
  placeServerErrors,
  type RoundFormValues,
  toRoundInput,
  type UnitNode,
} from './round-form.ts';

/** State passed to the status board after a round was started, so it can say so. */
export interface RoundCreatedState {
  created?: boolean;
}

const ids = {
  name: 'round-name',
  framework: 'round-framework',
  deadline: 'round-deadline',
  hideLeader: 'round-hide-leader',
  unit: (unitId: string) => `round-unit-${unitId}`,
  person: (userId: string) => `round-person-${userId}`,
  roleProfile: (userId: string) => `round-role-${userId}`,
};

interface Options {
  versions: FrameworkVersionSummary[];
  /** The units the user may start a round for, with their place in the tree. */
  units: { id: string; name: string }[];
  tree: UnitNode[];
  people: Candidate[];
}

/** Leaders choose among the units they lead and their people; administrators among everyone. */
function useRoundOptions(): { data?: Options; error?: unknown; pending: boolean; retry: () => void } {
  const user = useCurrentUser();
  const isAdmin = hasRole(user, 'admin');
  const frameworks = useFrameworks();
  const units = useUnits();
  const team = useTeam(!isAdmin);
  const users = useUsers(isAdmin);
  const queries = [frameworks, units, isAdmin ? users : team];
  const failed = queries.find((query) => query.isError);
  const retry = () => {
    for (const query of queries) if (query.isError) void query.refetch();
  };
  if (failed) return { error: failed.error, pending: false, retry };
  if (!frameworks.data || !units.data || !(isAdmin ? users.data : team.data)) return { pending: true, retry };
  const tree = units.data.units.map((unit) => ({ id: unit.id, parentId: unit.parentId }));
  const choosable = isAdmin
    ? units.data.units.map((unit) => ({ id: unit.id, name: unit.name }))
    : (team.data?.units ?? []);
  const people = (isAdmin ? (users.data?.users ?? []) : (team.data?.members ?? []))
    .filter((person) => person.active && person.unit !== null)
    .map((person) => ({ id: person.id, name: person.name, unit: person.unit }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return {
    data: {
      versions: frameworks.data.frameworks.filter((version) => version.status === 'published'),
      units: [...choosable].sort((a, b) => a.name.localeCompare(b.name, 'da')),
      tree,
      people,
    },
    pending: false,
    retry,
  };
}

export function NewRoundPage() {
  const { t } = useTranslation();
  const options = useRoundOptions();
  return (
    <>
      <PageHeading>{t('rounds.new.title')}</PageHeading>
      <p className="lead">{t('rounds.new.intro')}</p>
      {options.error ? (
        <QueryErrorNotice error={options.error} onRetry={options.retry} />
      ) : !options.data ? (
        <Loading />
      ) : options.data.versions.length === 0 ? (
        <p>{t('framework.nonePublished')}</p>
      ) : (
        <NewRoundForm options={options.data} />
      )}
    </>
  );
}

function toggle(set: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function NewRoundForm({ options }: { options: Options }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roleProfiles = useRoleProfiles();
  const [values, setValues] = useState<RoundFormValues>(() => ({
    name: '',
    frameworkVersionId: newestPublished(options.versions)?.id ?? options.versions[0]?.id ?? '',
    unitIds: new Set(),
    userIds: new Set(),
    roleProfiles: {},
    deadline: '',
    hideLeaderUntilBoth: true,
  }));
  const [errors, setErrors] = useState<PlacedError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const participants = useMemo(
    () => participantsOf(options.people, options.tree, values.unitIds, values.userIds, user.id),
    [options, values.unitIds, values.userIds, user.id],
  );
  const viaUnit = useMemo(
    () =>
      new Set(
        participantsOf(options.people, options.tree, values.unitIds, new Set(), user.id).map((p) => p.id),
      ),
    [options, values.unitIds, user.id],
  );
  const profilesOfVersion = (roleProfiles.data?.roleProfiles ?? []).filter(
    (profile) => profile.frameworkVersionId === values.frameworkVersionId,
  );

  const create = useMutation({
    mutationFn: () => api.createRound(toRoundInput(values, participants)),
    onSuccess: async (detail: RoundDetail) => {
      queryClient.setQueryData(queryKeys.round(detail.round.id), detail);
      await queryClient.invalidateQueries({ queryKey: queryKeys.rounds, refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks });
      const state: RoundCreatedState = { created: true };
      await navigate(`/runder/${detail.round.id}`, { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(placeServerErrors(error.fields));
      } else {
        fail([
          {
            field: null,
            message: error instanceof ApiError && error.message ? error.message : t('errors.generic.text'),
          },
        ]);
      }
    },
  });

  const fail = (found: PlacedError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };

  const validate = (): PlacedError[] => {
    const found: PlacedError[] = [];
    if (!values.name.trim()) found.push({ field: 'name', message: t('rounds.new.errors.nameRequired') });
    else if (values.name.trim().length > 120)
      found.push({ field: 'name', message: t('rounds.new.errors.nameTooLong', { count: 120 }) });
    if (participants.length === 0)
      found.push({ field: 'unitIds', message: t('rounds.new.errors.noParticipants') });
    if (!values.deadline) found.push({ field: 'deadline', message: t('rounds.new.errors.deadlineRequired') });
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.deadline))
      found.push({ field: 'deadline', message: t('rounds.new.errors.deadlineInvalid') });
    else if (values.deadline < todayIso())
      found.push({ field: 'deadline', message: t('rounds.new.errors.deadlinePast') });
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = validate();
    if (found.length > 0) return fail(found);
    create.mutate();
  };

  const errorOf = (field: PlacedError['field'], userId?: string) =>
    errors.find((error) => error.field === field && error.userId === userId)?.message;
  const firstUnitOrPerson = options.units[0]
    ? ids.unit(options.units[0].id)
    : options.people[0]
      ? ids.person(options.people[0].id)
      : ids.name;
  const fieldIdOf = (error: PlacedError): string | undefined => {
    switch (error.field) {
      case 'name':
        return ids.name;
      case 'frameworkVersionId':
        return ids.framework;
      case 'deadline':
        return ids.deadline;
      case 'hideLeaderUntilBoth':
        return ids.hideLeader;
      case 'unitIds':
        return firstUnitOrPerson;
      case 'userIds':
        return options.people[0] ? ids.person(options.people[0].id) : firstUnitOrPerson;
      case 'roleProfiles': {
        const userId = error.userId ?? participants[0]?.id;
        return userId ? ids.roleProfile(userId) : undefined;
      }
      default:
        return undefined;
    }
  };
  const summary: FormError[] = errors.map((error) => {
    const fieldId = fieldIdOf(error);
    return fieldId ? { fieldId, message: error.message } : { message: error.message };
  });
  const set = <K extends keyof RoundFormValues>(key: K, value: RoundFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const unitError = errorOf('unitIds');
  const personError = errorOf('userIds');
  const deadlineError = errorOf('deadline');
  const frameworkError = errorOf('frameworkVersionId');

  return (
    <>
      <ErrorSummary errors={summary} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('rounds.new.title')}>
        <TextField
          id={ids.name}
          name="name"
          label={t('rounds.new.name')}
          hint={t('rounds.new.nameHint')}
          value={values.name}
          onChange={(value) => set('name', value)}
          error={errorOf('name')}
          required
        />

        <div className={frameworkError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.framework}>
            {t('rounds.new.framework')}
          </label>
          {frameworkError ? <FieldError id={`${ids.framework}-error`} message={frameworkError} /> : null}
          <select
            id={ids.framework}
            className="form-select"
            value={values.frameworkVersionId}
            aria-invalid={frameworkError ? true : undefined}
            aria-describedby={frameworkError ? `${ids.framework}-error` : undefined}
            onChange={(event) => set('frameworkVersionId', event.target.value)}
          >
            {options.versions.map((version) => (
              <option key={version.id} value={version.id}>
                {t('rounds.new.frameworkOption', { name: version.name[locale], version: version.version })}
              </option>
            ))}
          </select>
        </div>

        <fieldset
          className={unitError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={unitError ? 'round-units-hint round-units-error' : 'round-units-hint'}
        >
          <legend className="form-label form-label--legend">{t('rounds.new.units')}</legend>
          <p className="form-hint" id="round-units-hint">
            {t('rounds.new.unitsHint')}
          </p>
          {unitError ? <FieldError id="round-units-error" message={unitError} /> : null}
          {options.units.length === 0 ? <p>{t('rounds.new.noUnits')}</p> : null}
          {options.units.map((unit) => (
            <div className="checkbox" key={unit.id}>
              <input
                className="checkbox-input"
                type="checkbox"
                id={ids.unit(unit.id)}
                checked={values.unitIds.has(unit.id)}
                onChange={(event) => set('unitIds', toggle(values.unitIds, unit.id, event.target.checked))}
              />
              <label className="checkbox-label" htmlFor={ids.unit(unit.id)}>
                {unit.name}
              </label>
            </div>
          ))}
        </fieldset>

        <fieldset
          className={personError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={personError ? 'round-people-hint round-people-error' : 'round-people-hint'}
        >
          <legend className="form-label form-label--legend">{t('rounds.new.people')}</legend>
          <p className="form-hint" id="round-people-hint">
            {t('rounds.new.peopleHint')}
          </p>
          {personError ? <FieldError id="round-people-error" message={personError} /> : null}
          <div className="checkbox-columns">
            {options.people
              .filter((person) => person.id !== user.id)
              .map((person) => (
                <div className="checkbox" key={person.id}>
                  <input
                    className="checkbox-input"
                    type="checkbox"
                    id={ids.person(person.id)}
                    checked={values.userIds.has(person.id) || viaUnit.has(person.id)}
                    disabled={viaUnit.has(person.id)}
                    aria-describedby={viaUnit.has(person.id) ? `${ids.person(person.id)}-via` : undefined}
                    onChange={(event) =>
                      set('userIds', toggle(values.userIds, person.id, event.target.checked))
                    }
                  />
                  <label className="checkbox-label" htmlFor={ids.person(person.id)}>
                    {person.name}
                    {person.unit ? <span className="muted"> · {person.unit.name}</span> : null}
                    {viaUnit.has(person.id) ? (
                      <span className="checkbox-note" id={`${ids.person(person.id)}-via`}>
                        {t('rounds.new.viaUnit')}
                      </span>
                    ) : null}
                  </label>
                </div>
              ))}
          </div>
        </fieldset>

        <fieldset className="fieldset form-group" aria-describedby="round-roles-hint">
          <legend className="form-label form-label--legend">{t('rounds.new.roleProfiles')}</legend>
          <p className="form-hint" id="round-roles-hint">
            {participants.length
              ? t('rounds.new.roleProfilesHint', { count: participants.length })
              : t('rounds.new.roleProfilesEmpty')}
          </p>
          {participants.length ? (
            <ul className="role-choice-list">
              {participants.map((person) => {
                const roleError = errorOf('roleProfiles', person.id);
                const fieldId = ids.roleProfile(person.id);
                return (
                  <li key={person.id} className={roleError ? 'role-choice form-group--error' : 'role-choice'}>
                    <label className="role-choice-label" htmlFor={fieldId}>
                      {person.name}
                    </label>
                    {roleError ? <FieldError id={`${fieldId}-error`} message={roleError} /> : null}
                    <select
                      id={fieldId}
                      className="form-select form-select--m"
                      value={values.roleProfiles[person.id] ?? ''}
                      aria-invalid={roleError ? true : undefined}
                      aria-describedby={roleError ? `${fieldId}-error` : undefined}
                      onChange={(event) =>
                        set('roleProfiles', { ...values.roleProfiles, [person.id]: event.target.value })
                      }
                    >
                      <option value="">{t('rounds.new.defaultProfile')}</option>
                      {profilesOfVersion.map((profile) => (
                        <option key={profile.id} value={profile.id}>
                          {profile.name[locale]}
                        </option>
                      ))}
                    </select>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </fieldset>

        <div className={deadlineError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.deadline}>
            {t('rounds.new.deadline')}
          </label>
          <p className="form-hint" id={`${ids.deadline}-hint`}>
            {t('rounds.new.deadlineHint')}
          </p>
          {deadlineError ? <FieldError id={`${ids.deadline}-error`} message={deadlineError} /> : null}
          <input
            id={ids.deadline}
            name="deadline"
            type="date"
            className="form-input form-input--date"
            min={todayIso()}
            value={values.deadline}
            required
            aria-invalid={deadlineError ? true : undefined}
            aria-describedby={`${ids.deadline}-hint${deadlineError ? ` ${ids.deadline}-error` : ''}`}
            onChange={(event) => set('deadline', event.target.value)}
          />
        </div>

        <div className="form-group">
          <div className="checkbox">
            <input
              className="checkbox-input"
              type="checkbox"
              id={ids.hideLeader}
              checked={values.hideLeaderUntilBoth}
              aria-describedby={`${ids.hideLeader}-hint`}
              onChange={(event) => set('hideLeaderUntilBoth', event.target.checked)}
            />
            <label className="checkbox-label" htmlFor={ids.hideLeader}>
              {t('rounds.new.hideLeader')}
            </label>
          </div>
          <p className="form-hint checkbox-hint" id={`${ids.hideLeader}-hint`}>
            {t('rounds.new.hideLeaderHint')}
          </p>
        </div>

        <button type="submit" className="button button--primary">
          {create.isPending ? t('rounds.new.submitting') : t('rounds.new.submit')}
        </button>
      </form>
    </>
  );
}
