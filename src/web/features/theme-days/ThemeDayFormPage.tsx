/**
 * @module "Planlæg temadag" and "Ret temadag": the unit, when and where, the focus (suggested from the team's weakest
 * competences), the participants, and an agenda built from the exercise bank — picked, reordered and timed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { ExerciseView, ThemeDayDetail } from '../../../server/contracts/theme-days.ts';
import { ApiError, api } from '../../api/client.ts';
import {
  queryKeys,
  useExercises,
  useFrameworkVersion,
  useTeamOverview,
  useThemeDay,
  useUnits,
} from '../../api/queries.ts';
import { formatTime, todayIso } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorFor, isIsoDate, isTime, moveItem } from '../conversations/conversation-form.ts';
import { competenceNames, useErrorText } from '../conversations/shared.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { type UnitChoice, unitChoices } from '../team-overview/matrix-view.ts';
import {
  type DraftItem,
  draftOf,
  draftTimes,
  exerciseItem,
  exercisesForCompetence,
  fieldIdFor,
  maxAgendaItems,
  maxFocus,
  ownItemId,
  suggestedItems,
  type ThemeDayDraft,
  toThemeDayInput,
  toThemeDayUpdate,
} from './theme-day-form.ts';

/** State passed to the theme-day page after saving, so it can say so. */
export interface ThemeDaySavedState {
  saved?: 'planned' | 'changed';
}

const ids = {
  unitId: 'plan-unit',
  title: 'plan-title',
  date: 'plan-date',
  startTime: 'plan-start',
  place: 'plan-place',
  focusCompetenceIds: 'plan-focus',
  participantIds: 'plan-participants',
  agenda: 'plan-agenda',
  ownTitle: 'plan-own-title',
  ownMinutes: 'plan-own-minutes',
};

export function NewThemeDayPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const choices = useMemo(
    () => unitChoices(user.ledUnits, units.data?.units ?? []),
    [user.ledUnits, units.data],
  );
  const unitId = choices.find((choice) => choice.id === search.get('enhed'))?.id ?? choices[0]?.id;
  return (
    <>
      <PageHeading>{t('themeDays.new.title')}</PageHeading>
      <p className="lead">{t('themeDays.new.intro')}</p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : !unitId ? (
        <p>{t('themeDays.new.noUnits')}</p>
      ) : (
        <>
          <UnitSelect
            choices={choices}
            value={unitId}
            onChange={(next) => {
              const params = new URLSearchParams(search);
              params.set('enhed', next);
              setSearch(params, { replace: true });
            }}
          />
          <SuggestedPlan key={unitId} unitId={unitId} />
        </>
      )}
    </>
  );
}

function UnitSelect(props: { choices: UnitChoice[]; value: string; onChange: (unitId: string) => void }) {
  const { t } = useTranslation();
  return (
    <form className="form form--inline" onSubmit={(event) => event.preventDefault()}>
      <div className="form-group">
        <label className="form-label" htmlFor={ids.unitId}>
          {t('themeDays.form.unit')}
        </label>
        <p className="form-hint" id={`${ids.unitId}-hint`}>
          {t('themeDays.form.unitHint')}
        </p>
        <select
          id={ids.unitId}
          className="form-select"
          value={props.value}
          aria-describedby={`${ids.unitId}-hint`}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {`${'– '.repeat(choice.depth)}${choice.name}`}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

/** A new plan for a unit: the team's weakest competences as the focus, everyone as participants. */
function SuggestedPlan({ unitId }: { unitId: string }) {
  const overview = useTeamOverview(unitId, false);
  const framework = useFrameworkVersion(overview.data?.frameworkVersionId);
  const exercises = useExercises();
  if (overview.isError)
    return <QueryErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />;
  if (framework.isError)
    return <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />;
  if (exercises.isError)
    return <QueryErrorNotice error={exercises.error} onRetry={() => void exercises.refetch()} />;
  if (!overview.data || !framework.data || !exercises.data) return <Loading />;
  const people = overview.data.rows.map((row) => row.person);
  const focus = overview.data.weakest;
  return (
    <PlanForm
      initial={{
        unitId,
        title: '',
        date: '',
        startTime: '09:00',
        place: '',
        focusCompetenceIds: focus,
        participantIds: people.map((person) => person.id),
        agenda: suggestedItems(exercises.data.exercises, focus),
      }}
      suggestedFocus={focus}
      people={people}
      framework={framework.data.document}
      exercises={exercises.data.exercises}
      version={null}
    />
  );
}

export function EditThemeDayPage() {
  const { themeDayId = '' } = useParams();
  if (!isVersionId(themeDayId)) return <NotFoundPage />;
  return <EditThemeDay themeDayId={themeDayId} />;
}

function EditThemeDay({ themeDayId }: { themeDayId: string }) {
  const { t } = useTranslation();
  const detail = useThemeDay(themeDayId);
  const unitId = detail.data?.themeDay.unit.id;
  const overview = useTeamOverview(detail.data?.canManage ? unitId : undefined, false);
  const framework = useFrameworkVersion(detail.data?.frameworkVersionId);
  const exercises = useExercises();
  const heading = detail.data
    ? t('themeDays.edit.title', { title: detail.data.themeDay.title })
    : t('themeDays.edit.caption');
  const failed = [detail, overview, framework, exercises].find((query) => query.isError);
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      {failed ? (
        <QueryErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !detail.data || !framework.data || !exercises.data || (detail.data.canManage && !overview.data) ? (
        <Loading />
      ) : !detail.data.canManage ? (
        <p>{t('themeDays.edit.notAllowed')}</p>
      ) : (
        <PlanForm
          initial={draftOf(detail.data)}
          suggestedFocus={overview.data?.weakest ?? []}
          people={mergePeople(overview.data?.rows.map((row) => row.person) ?? [], detail.data.participants)}
          framework={framework.data.document}
          exercises={exercises.data.exercises}
          version={detail.data.version}
          themeDayId={themeDayId}
        />
      )}
    </>
  );
}

/** The unit's people now, and anyone already on the list who has since left it, so they can be taken off. */
function mergePeople(members: { id: string; name: string }[], participants: ThemeDayDetail['participants']) {
  const byId = new Map([...members, ...participants].map((person) => [person.id, person]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

interface PlanFormProps {
  initial: ThemeDayDraft;
  suggestedFocus: string[];
  people: { id: string; name: string }[];
  framework: FrameworkDocument;
  exercises: ExerciseView[];
  /** Null for a new plan. */
  version: number | null;
  themeDayId?: string;
}

function PlanForm(props: PlanFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ThemeDayDraft>(props.initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [ownTitle, setOwnTitle] = useState('');
  const [ownMinutes, setOwnMinutes] = useState('30');
  const set = <K extends keyof ThemeDayDraft>(key: K, value: ThemeDayDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const competenceName = useMemo(() => competenceNames(props.framework, locale), [props.framework, locale]);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };

  const save = useMutation({
    mutationFn: () =>
      props.version === null || !props.themeDayId
        ? api.planThemeDay(toThemeDayInput(draft))
        : api.updateThemeDay(props.themeDayId, toThemeDayUpdate(draft, props.version)),
    onSuccess: async (detail) => {
      queryClient.setQueryData(queryKeys.themeDay(detail.themeDay.id, locale), detail);
      await queryClient.invalidateQueries({
        queryKey: queryKeys.themeDays,
        exact: true,
        refetchType: 'none',
      });
      const state: ThemeDaySavedState = { saved: props.version === null ? 'planned' : 'changed' };
      await navigate(`/temadage/${detail.themeDay.id}`, { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(
          Object.entries(error.fields).map(([path, message]) => {
            const fieldId = fieldIdFor(path, ids);
            return fieldId ? { fieldId, message } : { message };
          }),
        );
      } else if (error instanceof ApiError && error.status === 409) {
        fail([{ message: t('themeDays.form.conflict') }]);
      } else {
        fail([{ message: errorText(error) }]);
      }
    },
  });

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!draft.title.trim()) found.push({ fieldId: ids.title, message: t('themeDays.form.errors.title') });
    if (!draft.date) found.push({ fieldId: ids.date, message: t('themeDays.form.errors.dateRequired') });
    else if (!isIsoDate(draft.date))
      found.push({ fieldId: ids.date, message: t('themeDays.form.errors.dateInvalid') });
    else if (props.version === null && draft.date < todayIso())
      found.push({ fieldId: ids.date, message: t('themeDays.form.errors.datePast') });
    if (!isTime(draft.startTime))
      found.push({ fieldId: ids.startTime, message: t('themeDays.form.errors.start') });
    if (!draft.place.trim()) found.push({ fieldId: ids.place, message: t('themeDays.form.errors.place') });
    if (draft.focusCompetenceIds.length === 0)
      found.push({ fieldId: ids.focusCompetenceIds, message: t('themeDays.form.errors.focus') });
    if (draft.participantIds.length === 0)
      found.push({ fieldId: ids.participantIds, message: t('themeDays.form.errors.participants') });
    draft.agenda.forEach((item, index) => {
      if (!Number.isInteger(item.minutes) || item.minutes < 5 || item.minutes > 240)
        found.push({
          fieldId: `${ids.agenda}-${index}`,
          message: t('themeDays.form.errors.minutes', { title: item.title }),
        });
    });
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found = validate();
    if (found.length > 0) return fail(found);
    save.mutate();
  };

  const toggle = (key: 'focusCompetenceIds' | 'participantIds', id: string, on: boolean) =>
    set(key, on ? [...draft[key], id] : draft[key].filter((entry) => entry !== id));

  const focusError = errorFor(errors, ids.focusCompetenceIds);
  const participantsError = errorFor(errors, ids.participantIds);
  const describe = (id: string, error: string | undefined, hint = false) =>
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form theme-day-form"
        noValidate
        onSubmit={onSubmit}
        aria-label={t('themeDays.form.label')}
      >
        <TextField
          id={ids.title}
          name="title"
          label={t('themeDays.form.title')}
          hint={t('themeDays.form.titleHint')}
          value={draft.title}
          onChange={(value) => set('title', value)}
          error={errorFor(errors, ids.title)}
          required
        />
        <DateTimeFields draft={draft} set={set} errors={errors} isNew={props.version === null} />
        <TextField
          id={ids.place}
          name="place"
          label={t('themeDays.form.place')}
          value={draft.place}
          onChange={(value) => set('place', value)}
          error={errorFor(errors, ids.place)}
          required
        />

        <fieldset
          className={focusError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={describe(ids.focusCompetenceIds, focusError, true)}
        >
          <legend className="form-label form-label--legend">{t('themeDays.form.focus')}</legend>
          <p className="form-hint" id={`${ids.focusCompetenceIds}-hint`}>
            {props.suggestedFocus.length
              ? t('themeDays.form.focusHint', {
                  names: props.suggestedFocus.map((id) => competenceName.get(id) ?? id).join(', '),
                  count: maxFocus,
                })
              : t('themeDays.form.focusHintNone', { count: maxFocus })}
          </p>
          {focusError ? <FieldError id={`${ids.focusCompetenceIds}-error`} message={focusError} /> : null}
          {props.framework.areas.map((area) => (
            <div key={area.id} className="checkbox-group">
              <p className="checkbox-group-title">{area.name[locale]}</p>
              {area.competences.map((competence, index) => {
                const checked = draft.focusCompetenceIds.includes(competence.id);
                const inputId =
                  area === props.framework.areas[0] && index === 0
                    ? ids.focusCompetenceIds
                    : `${ids.focusCompetenceIds}-${competence.id}`;
                return (
                  <div className="checkbox" key={competence.id}>
                    <input
                      className="checkbox-input"
                      type="checkbox"
                      id={inputId}
                      checked={checked}
                      disabled={!checked && draft.focusCompetenceIds.length >= maxFocus}
                      onChange={(event) => toggle('focusCompetenceIds', competence.id, event.target.checked)}
                    />
                    <label className="checkbox-label" htmlFor={inputId}>
                      {competence.name[locale]}
                      {props.suggestedFocus.includes(competence.id) ? (
                        <span className="tag">{t('themeDays.form.suggested')}</span>
                      ) : null}
                    </label>
                  </div>
                );
              })}
            </div>
          ))}
        </fieldset>

        <fieldset
          className={participantsError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={describe(ids.participantIds, participantsError, true)}
        >
          <legend className="form-label form-label--legend">{t('themeDays.form.participants')}</legend>
          <p className="form-hint" id={`${ids.participantIds}-hint`}>
            {t('themeDays.form.participantsHint')}
          </p>
          {participantsError ? (
            <FieldError id={`${ids.participantIds}-error`} message={participantsError} />
          ) : null}
          {props.people.map((person, index) => {
            const inputId = index === 0 ? ids.participantIds : `${ids.participantIds}-${person.id}`;
            return (
              <div className="checkbox" key={person.id}>
                <input
                  className="checkbox-input"
                  type="checkbox"
                  id={inputId}
                  checked={draft.participantIds.includes(person.id)}
                  onChange={(event) => toggle('participantIds', person.id, event.target.checked)}
                />
                <label className="checkbox-label" htmlFor={inputId}>
                  {person.name}
                </label>
              </div>
            );
          })}
        </fieldset>

        <AgendaBuilder
          draft={draft}
          setAgenda={(agenda, message) => {
            set('agenda', agenda);
            setAnnouncement(message);
          }}
          exercises={props.exercises}
          competenceName={competenceName}
          errors={errors}
          ownTitle={ownTitle}
          setOwnTitle={setOwnTitle}
          ownMinutes={ownMinutes}
          setOwnMinutes={setOwnMinutes}
        />
        <div className="visually-hidden" aria-live="polite">
          {announcement}
        </div>

        <button type="submit" className="button button--primary">
          {save.isPending
            ? t('themeDays.form.saving')
            : props.version === null
              ? t('themeDays.form.submitNew')
              : t('themeDays.form.submitChange')}
        </button>
      </form>
    </>
  );
}

function DateTimeFields(props: {
  draft: ThemeDayDraft;
  set: <K extends keyof ThemeDayDraft>(key: K, value: ThemeDayDraft[K]) => void;
  errors: FormError[];
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const { draft, set, errors } = props;
  return (
    <>
      <TextField
        id={ids.date}
        name="date"
        type="date"
        width="date"
        label={t('themeDays.form.date')}
        min={props.isNew ? todayIso() : undefined}
        value={draft.date}
        onChange={(value) => set('date', value)}
        error={errorFor(errors, ids.date)}
        required
      />
      <TextField
        id={ids.startTime}
        name="startTime"
        type="time"
        width="date"
        label={t('themeDays.form.start')}
        hint={t('themeDays.form.startHint')}
        value={draft.startTime}
        onChange={(value) => set('startTime', value)}
        error={errorFor(errors, ids.startTime)}
        required
      />
    </>
  );
}

const clock = (time: string) => formatTime(new Date(`2000-01-01T${time}:00`), currentLocale());

function AgendaBuilder(props: {
  draft: ThemeDayDraft;
  setAgenda: (agenda: DraftItem[], announcement: string) => void;
  exercises: ExerciseView[];
  competenceName: Map<string, string>;
  errors: FormError[];
  ownTitle: string;
  setOwnTitle: (value: string) => void;
  ownMinutes: string;
  setOwnMinutes: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { draft, setAgenda, exercises, competenceName, errors } = props;
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const times = draftTimes(draft);
  const onAgenda = new Set(draft.agenda.map((item) => item.exerciseId));
  const full = draft.agenda.length >= maxAgendaItems;
  const ownError = errorFor(errors, ids.ownTitle);

  useEffect(() => {
    if (!focusTarget) return;
    (document.getElementById(focusTarget) ?? listHeading.current)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const buttonId = (action: string, itemId: string) =>
    `plan-${action}-${itemId}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const move = (index: number, delta: -1 | 1) => {
    const item = draft.agenda[index];
    const to = index + delta;
    if (!item || to < 0 || to >= draft.agenda.length) return;
    setAgenda(
      moveItem(draft.agenda, index, to),
      t('themeDays.form.moved', { title: item.title, position: to + 1, count: draft.agenda.length }),
    );
    const atEnd = to === 0 || to === draft.agenda.length - 1;
    setFocusTarget(buttonId(atEnd ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down', item.id));
  };
  const remove = (index: number) => {
    const item = draft.agenda[index]!;
    setAgenda(
      draft.agenda.filter((_, position) => position !== index),
      t('themeDays.form.removed', { title: item.title }),
    );
    setFocusTarget('plan-agenda-title');
  };
  const setMinutes = (index: number, minutes: number) =>
    setAgenda(
      draft.agenda.map((item, position) => (position === index ? { ...item, minutes } : item)),
      '',
    );

  return (
    <section aria-labelledby="plan-agenda-title" className="theme-day-agenda-builder">
      <h2 id="plan-agenda-title" tabIndex={-1} ref={listHeading}>
        {t('themeDays.form.agenda')}
      </h2>
      <p>{t('themeDays.form.agendaIntro')}</p>
      {draft.agenda.length === 0 ? (
        <p>{t('themeDays.form.agendaEmpty')}</p>
      ) : (
        <ol className="agenda-list" id={ids.agenda}>
          {draft.agenda.map((item, index) => {
            const error = errorFor(errors, `${ids.agenda}-${index}`);
            const minutesId = `${ids.agenda}-${index}`;
            return (
              <li key={item.id} className={error ? 'agenda-item form-group--error' : 'agenda-item'}>
                <h3 className="agenda-title">
                  <span className="agenda-time">
                    {clock(times[index]!.start)}–{clock(times[index]!.end)}
                  </span>{' '}
                  {item.title}
                </h3>
                {error ? <FieldError id={`${minutesId}-error`} message={error} /> : null}
                <div className="agenda-controls">
                  <label className="form-label" htmlFor={minutesId}>
                    {t('themeDays.form.minutesFor', { title: item.title })}
                  </label>
                  <input
                    id={minutesId}
                    type="number"
                    inputMode="numeric"
                    className="form-input form-input--number"
                    min={5}
                    max={240}
                    step={5}
                    value={item.minutes}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${minutesId}-error` : undefined}
                    onChange={(event) => setMinutes(index, Number(event.target.value))}
                  />
                  <button
                    type="button"
                    id={buttonId('up', item.id)}
                    className="button button--secondary button--small"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t('themeDays.form.up')}
                    <span className="visually-hidden">: {item.title}</span>
                  </button>
                  <button
                    type="button"
                    id={buttonId('down', item.id)}
                    className="button button--secondary button--small"
                    disabled={index === draft.agenda.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t('themeDays.form.down')}
                    <span className="visually-hidden">: {item.title}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => remove(index)}
                  >
                    {t('themeDays.form.remove')}
                    <span className="visually-hidden">: {item.title}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div className="add-agenda-item">
        <h3>{t('themeDays.form.ownTitle')}</h3>
        <TextField
          id={ids.ownTitle}
          name="ownTitle"
          label={t('themeDays.form.ownItem')}
          hint={t('themeDays.form.ownHint')}
          value={props.ownTitle}
          onChange={props.setOwnTitle}
          error={ownError}
        />
        <TextField
          id={ids.ownMinutes}
          name="ownMinutes"
          type="number"
          width="number"
          inputMode="numeric"
          min={5}
          max={240}
          step={5}
          label={t('themeDays.form.ownMinutes')}
          value={props.ownMinutes}
          onChange={props.setOwnMinutes}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={full}
          onClick={() => {
            const minutes = Number(props.ownMinutes);
            if (!props.ownTitle.trim() || !Number.isInteger(minutes) || minutes < 5 || minutes > 240) {
              setFocusTarget(ids.ownTitle);
              return;
            }
            const item = {
              id: ownItemId(draft.agenda),
              exerciseId: null,
              title: props.ownTitle.trim(),
              minutes,
            };
            setAgenda([...draft.agenda, item], t('themeDays.form.added', { title: item.title }));
            props.setOwnTitle('');
          }}
        >
          {t('themeDays.form.addOwn')}
        </button>
      </div>

      <section aria-labelledby="plan-bank-title" className="exercise-bank">
        <h3 id="plan-bank-title">{t('themeDays.form.bankTitle')}</h3>
        <p>{t('themeDays.form.bankIntro')}</p>
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setAgenda(
                suggestedItems(exercises, draft.focusCompetenceIds),
                t('themeDays.form.suggestedAgendaSet'),
              )
            }
          >
            {t('themeDays.form.useSuggestion')}
          </button>
        </p>
        {draft.focusCompetenceIds.map((competenceId) => (
          <div key={competenceId} className="exercise-group">
            <h4>{competenceName.get(competenceId) ?? competenceId}</h4>
            <ul className="exercise-list">
              {exercisesForCompetence(exercises, competenceId).map((exercise) => (
                <li key={exercise.id} className="exercise-card">
                  <p className="exercise-title">
                    <strong>{exercise.title}</strong>{' '}
                    <span className="tag">{t(`themeDays.kind.${exercise.kind}`)}</span>{' '}
                    <span className="muted">{t('themeDays.minutes', { count: exercise.minutes })}</span>
                  </p>
                  <p>{exercise.purpose}</p>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={onAgenda.has(exercise.id) || full}
                    onClick={() =>
                      setAgenda(
                        [...draft.agenda, exerciseItem(exercise)],
                        t('themeDays.form.added', { title: exercise.title }),
                      )
                    }
                  >
                    {onAgenda.has(exercise.id) ? t('themeDays.form.onAgenda') : t('themeDays.form.add')}
                    <span className="visually-hidden">: {exercise.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </section>
  );
}
