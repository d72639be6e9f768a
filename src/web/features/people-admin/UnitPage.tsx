/**
 * @module Create or edit a unit (administrators): name, place in the tree, external id; its leaders, with what a change
 * of leader means for the people's conversations and plans; deactivate or delete.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { AdminUnit, LeaderChange, UnitInput } from '../../../server/contracts/people-admin.ts';
import { ApiError, api } from '../../api/client.ts';
import { useAdminUnits, useUsers } from '../../api/queries.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { errorFor } from '../../ui/form-errors.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { messageOf, refreshPeople, useFormErrors } from './form-state.ts';
import { unitOptions } from './people-form.ts';
import { SaveButton } from './SaveButton.tsx';

/** State passed to the unit's page after creating it, so it can say so. */
export interface UnitCreatedState {
  created?: boolean;
}

const ids = { name: 'unit-name', parent: 'unit-parent', externalId: 'unit-external-id' };
const fieldIds: Record<string, string> = { name: ids.name, parentId: ids.parent, externalId: ids.externalId };

export function NewUnitPage() {
  const { t } = useTranslation();
  const units = useAdminUnits();
  return (
    <>
      <PageHeading>{t('peopleAdmin.unit.newTitle')}</PageHeading>
      <p className="lead">{t('peopleAdmin.unit.newIntro')}</p>
      <p>
        <Link to="/admin/brugere">{t('peopleAdmin.backToList')}</Link>
      </p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : (
        <UnitForm units={units.data.units} />
      )}
    </>
  );
}

export function UnitPage() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const units = useAdminUnits();
  const created = (useLocation().state as UnitCreatedState | null)?.created === true;
  if (units.isPending) return <Loading />;
  const unit = units.data?.units.find((candidate) => candidate.id === unitId);
  if (units.isError || !unit) {
    return (
      <>
        <PageHeading>{t('peopleAdmin.unit.editTitle')}</PageHeading>
        <QueryErrorNotice
          error={units.error ?? new ApiError(404, 'not_found', '')}
          onRetry={() => void units.refetch()}
        />
      </>
    );
  }
  return (
    <>
      <PageHeading>{unit.name}</PageHeading>
      <p>
        <Link to="/admin/brugere">{t('peopleAdmin.backToList')}</Link>
      </p>
      {created ? (
        <p className="notice notice--success" role="status">
          {t('peopleAdmin.unit.created')}
        </p>
      ) : null}
      {unit.active ? null : <p className="notice notice--warning">{t('peopleAdmin.unit.inactiveNotice')}</p>}
      <section aria-labelledby="unit-details">
        <h2 id="unit-details">{t('peopleAdmin.unit.detailsTitle')}</h2>
        <UnitForm key={unit.id} unit={unit} units={units.data.units} />
      </section>
      <LeadersSection unit={unit} />
      <UnitStatusSection unit={unit} />
    </>
  );
}

function UnitForm({ unit, units }: { unit?: AdminUnit; units: AdminUnit[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(unit?.name ?? '');
  const [parentId, setParentId] = useState(unit?.parentId ?? '');
  const [externalId, setExternalId] = useState(unit?.externalId ?? '');
  const { errors, attempt, fail, failFromServer, clear } = useFormErrors(fieldIds);
  const [saved, setSaved] = useState(false);
  const input = (): UnitInput => ({
    name: name.trim(),
    parentId: parentId || null,
    externalId: externalId.trim() || null,
  });
  const save = useMutation({
    mutationFn: () =>
      unit ? api.updateUnit(unit.id, { ...input(), version: unit.version }) : api.createUnit(input()),
    onSuccess: async (result) => {
      clear();
      await refreshPeople(queryClient);
      if (unit) setSaved(true);
      else {
        const state: UnitCreatedState = { created: true };
        await navigate(`/admin/enheder/${result.id}`, { state });
      }
    },
    onError: failFromServer,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    if (!name.trim())
      return fail([{ fieldId: ids.name, message: t('peopleAdmin.unit.errors.nameRequired') }]);
    save.mutate();
  };
  const parentError = errorFor(errors, ids.parent);
  const parents = unitOptions(units, {
    keepId: unit?.parentId ?? null,
    ...(unit ? { withoutBranchOf: unit.id } : {}),
  });
  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form"
        noValidate
        onSubmit={onSubmit}
        aria-label={unit ? t('peopleAdmin.unit.detailsTitle') : t('peopleAdmin.unit.newTitle')}
      >
        <TextField
          id={ids.name}
          name="name"
          label={t('peopleAdmin.unit.name')}
          value={name}
          onChange={(value) => {
            setSaved(false);
            setName(value);
          }}
          error={errorFor(errors, ids.name)}
          autoComplete="off"
          required
        />
        <div className={parentError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.parent}>
            {t('peopleAdmin.unit.parent')}
          </label>
          <p className="form-hint" id={`${ids.parent}-hint`}>
            {t('peopleAdmin.unit.parentHint')}
          </p>
          {parentError ? <FieldError id={`${ids.parent}-error`} message={parentError} /> : null}
          <select
            id={ids.parent}
            className="form-select"
            value={parentId}
            aria-invalid={parentError ? true : undefined}
            aria-describedby={`${ids.parent}-hint${parentError ? ` ${ids.parent}-error` : ''}`}
            onChange={(event) => {
              setSaved(false);
              setParentId(event.target.value);
            }}
          >
            <option value="">{t('peopleAdmin.unit.topLevel')}</option>
            {parents.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={ids.externalId}
          name="externalId"
          label={t('peopleAdmin.externalId')}
          hint={t('peopleAdmin.unit.externalIdHint')}
          value={externalId}
          onChange={(value) => {
            setSaved(false);
            setExternalId(value);
          }}
          error={errorFor(errors, ids.externalId)}
          autoComplete="off"
          width="m"
        />
        <SaveButton
          label={unit ? t('peopleAdmin.unit.save') : t('peopleAdmin.unit.create')}
          pending={save.isPending}
          saved={saved}
        />
      </form>
    </>
  );
}

/**
 * Adds and removes leaders one at a time. Access to conversations and plans follows the unit (decision 009), so the
 * page says what a change means for the unit's people once it is made.
 */
function LeadersSection({ unit }: { unit: AdminUnit }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const users = useUsers();
  const [candidate, setCandidate] = useState('');
  const [outcome, setOutcome] = useState<LeaderChange | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The button pressed may be gone (a removed leader's): the keyboard continues from what the change means.
  const outcomeNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeNotice.current?.focus();
  }, [outcome]);
  const change = useMutation({
    mutationFn: (leaderIds: string[]) => api.setUnitLeaders(unit.id, { leaderIds, version: unit.version }),
    onSuccess: async (result) => {
      setOutcome(result);
      setProblem(null);
      setCandidate('');
      await refreshPeople(queryClient);
    },
    onError: (error) => {
      setOutcome(null);
      setProblem(messageOf(error, t('errors.generic.text')));
    },
  });
  const current = unit.leaders.map((leader) => leader.id);
  const choosable = (users.data?.users ?? [])
    .filter((person) => person.active && !current.includes(person.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const names = (people: readonly { name: string }[]) =>
    formatList(
      people.map((person) => person.name),
      locale,
    );
  return (
    <section aria-labelledby="unit-leaders">
      <h2 id="unit-leaders">{t('peopleAdmin.unit.leadersTitle')}</h2>
      <p>{t('peopleAdmin.unit.leadersExplained')}</p>
      {unit.leaders.length === 0 ? (
        <p>{t('peopleAdmin.unit.noLeaders')}</p>
      ) : (
        <ul className="plain-list leader-list">
          {unit.leaders.map((leader) => (
            <li key={leader.id} className="leader-list-item">
              <span>{leader.name}</span>{' '}
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={change.isPending}
                onClick={() => change.mutate(current.filter((id) => id !== leader.id))}
              >
                {t('peopleAdmin.unit.removeLeader', { name: leader.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="form form--inline"
        aria-label={t('peopleAdmin.unit.addLeader')}
        onSubmit={(event) => {
          event.preventDefault();
          if (candidate && !change.isPending) change.mutate([...current, candidate]);
        }}
      >
        <div className="form-group">
          <label className="form-label" htmlFor="unit-new-leader">
            {t('peopleAdmin.unit.newLeader')}
          </label>
          <select
            id="unit-new-leader"
            className="form-select"
            value={candidate}
            onChange={(event) => setCandidate(event.target.value)}
          >
            <option value="">{t('peopleAdmin.unit.chooseLeader')}</option>
            {choosable.map((person) => (
              <option key={person.id} value={person.id}>
                {person.unit ? `${person.name} (${person.unit.name})` : person.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary" disabled={!candidate}>
          {t('peopleAdmin.unit.addLeader')}
        </button>
      </form>
      <div role="status">
        {outcome ? (
          <div className="notice notice--info" ref={outcomeNotice} tabIndex={-1}>
            <p>
              {outcome.unit.leaders.length > 0
                ? t('peopleAdmin.unit.leadersNow', {
                    unit: outcome.unit.name,
                    names: names(outcome.unit.leaders),
                  })
                : t('peopleAdmin.unit.leadersNone', { unit: outcome.unit.name })}
            </p>
            <p>{t('peopleAdmin.unit.plansFollow', { count: outcome.peopleAffected })}</p>
            {outcome.removed.length > 0 ? (
              <p>{t('peopleAdmin.unit.formerLeaders', { names: names(outcome.removed) })}</p>
            ) : null}
          </div>
        ) : null}
      </div>
      <div role="alert">{problem ? <p className="notice notice--error">{problem}</p> : null}</div>
    </section>
  );
}

function UnitStatusSection({ unit }: { unit: AdminUnit }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.setUnitActive(unit.id, { active, version: unit.version }),
    onSuccess: async () => {
      setProblem(null);
      await refreshPeople(queryClient);
    },
    onError: (error) => setProblem(messageOf(error, t('errors.generic.text'))),
  });
  const remove = useMutation({
    mutationFn: () => api.deleteUnit(unit.id),
    onSuccess: async () => {
      await refreshPeople(queryClient);
      await navigate('/admin/brugere');
    },
    onError: (error) => {
      setProblem(messageOf(error, t('errors.generic.text')));
    },
  });
  const deletable = unit.everMemberCount === 0 && unit.childCount === 0;
  return (
    <section aria-labelledby="unit-status">
      <h2 id="unit-status">{t('peopleAdmin.unit.statusTitle')}</h2>
      {unit.active ? (
        <>
          <p>{t('peopleAdmin.unit.deactivateExplained')}</p>
          {unit.memberCount > 0 ? (
            <p className="notice notice--info">
              {t('peopleAdmin.unit.stillHasPeople', { count: unit.memberCount })}
            </p>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setActive.mutate(false)}
            >
              {t('peopleAdmin.unit.deactivate')}
            </button>
          )}
        </>
      ) : (
        <>
          <p>{t('peopleAdmin.unit.reactivateExplained')}</p>
          <button type="button" className="button button--secondary" onClick={() => setActive.mutate(true)}>
            {t('peopleAdmin.unit.reactivate')}
          </button>
        </>
      )}
      {deletable ? (
        <div className="form-group">
          <h3>{t('peopleAdmin.unit.deleteTitle')}</h3>
          <p>{t('peopleAdmin.unit.deleteExplained')}</p>
          <ConfirmButton
            label={t('peopleAdmin.unit.delete')}
            question={t('peopleAdmin.unit.confirmDelete', { name: unit.name })}
            confirmLabel={t('peopleAdmin.unit.deleteConfirmed')}
            onConfirm={() => remove.mutate()}
          />
        </div>
      ) : null}
      <div role="alert">{problem ? <p className="notice notice--error">{problem}</p> : null}</div>
    </section>
  );
}
