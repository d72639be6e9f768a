/**
 * @module "Registrér en borgerkontakt": the quick entry after a citizen contact, made to take under a minute on a
 * phone — date, channel, help level, competences from a searchable picker, two short texts — and its editing. A CPR
 * number is caught while typing; the server refuses it too.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import { helpLevels, maxCompetencesPerEntry, practiceChannels } from '../../../domain/practice.ts';
import type { PracticeEntry, PracticeEntryInput } from '../../../server/contracts/practice.ts';
import { ApiError, api } from '../../api/client.ts';
import {
  queryKeys,
  useFrameworks,
  useFrameworkVersion,
  usePlan,
  usePracticeEntry,
  useTasks,
} from '../../api/queries.ts';
import { todayIso } from '../../i18n/format.ts';
import { useCurrentUser } from '../../session/session.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { errorFor, placeFieldErrors } from '../conversations/conversation-form.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId, newestPublished } from '../framework/framework-view.ts';
import { CompetencePicker } from './CompetencePicker.tsx';
import { type EntryValues, entryInput, entryProblems, fieldIds, fieldsWithCpr } from './practice-form.ts';

/** State passed to the practice log after a save, so it can say what happened. */
export interface PracticeSavedState {
  saved?: 'created' | 'updated' | 'deleted';
}

const textMax = 2000;
const privacyNoticeId = 'practice-privacy';

export function NewPracticeEntryPage() {
  const { t } = useTranslation();
  // "Registrér i praksisloggen" on a theme day's follow-up task opens the form with the task chosen.
  const [search] = useSearchParams();
  const taskFromLink = search.get('opgave') ?? '';
  return (
    <EntryPageFrame title={t('practice.form.newTitle')}>
      <EntryFormLoader
        initial={{
          occurredOn: todayIso(),
          channel: '',
          helpLevel: '',
          competenceIds: [],
          whatWorked: '',
          tryNext: '',
          goalId: '',
          themeDayTaskId: isVersionId(taskFromLink) ? taskFromLink : '',
          shared: false,
          talkingPoint: false,
        }}
      />
    </EntryPageFrame>
  );
}

export function EditPracticeEntryPage() {
  const { entryId = '' } = useParams();
  if (!isVersionId(entryId)) return <NotFoundPage />;
  return <EditEntry key={entryId} entryId={entryId} />;
}

function EditEntry({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const entry = usePracticeEntry(entryId);
  return (
    <EntryPageFrame title={t('practice.form.editTitle')}>
      {entry.isPending ? (
        <Loading />
      ) : entry.isError ? (
        <QueryErrorNotice error={entry.error} onRetry={() => void entry.refetch()} />
      ) : (
        <EntryFormLoader initial={valuesOf(entry.data)} saved={entry.data} />
      )}
    </EntryPageFrame>
  );
}

const valuesOf = (entry: PracticeEntry): EntryValues => {
  const input = entryInput(entry);
  return { ...input, goalId: input.goalId ?? '', themeDayTaskId: input.themeDayTaskId ?? '' };
};

function EntryPageFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="page-caption">{t('practice.form.caption')}</p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('practice.form.intro')}</p>
      {children}
    </>
  );
}

/** The framework new entries are made in, and the caller's open goals, before the form. */
function EntryFormLoader({ initial, saved }: { initial: EntryValues; saved?: PracticeEntry }) {
  const user = useCurrentUser();
  const frameworks = useFrameworks();
  const newest = frameworks.data
    ? (newestPublished(frameworks.data.frameworks) ?? frameworks.data.frameworks[0])
    : undefined;
  const framework = useFrameworkVersion(newest?.id);
  const plan = usePlan(user.id);
  const tasks = useTasks();
  if (frameworks.isError)
    return <QueryErrorNotice error={frameworks.error} onRetry={() => void frameworks.refetch()} />;
  if (framework.isError)
    return <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />;
  if (!framework.data || plan.isPending || tasks.isPending) return <Loading />;
  const openGoals = (plan.data?.goals ?? []).filter(
    (goal) => goal.status === 'not_started' || goal.status === 'in_progress',
  );
  // A goal linked earlier stays on the list, even once it is done.
  const goals = [
    ...(saved?.goal && !openGoals.some((goal) => goal.id === saved.goal?.id) ? [saved.goal] : []),
    ...openGoals.map((goal) => ({ id: goal.id, title: goal.title })),
  ];
  const openTasks = (tasks.data?.themeDays ?? []).map((task) => ({
    id: task.id,
    title: `${task.themeDayTitle}: ${task.text}`,
  }));
  // A task linked earlier stays on the list once it is done; its text is then on the theme day's page.
  const linked = initial.themeDayTaskId;
  const themeDayTasks = [
    ...(linked && !openTasks.some((task) => task.id === linked) ? [{ id: linked, title: '' }] : []),
    ...openTasks,
  ];
  return (
    <EntryForm
      initial={initial}
      saved={saved}
      framework={framework.data.document}
      goals={goals}
      themeDayTasks={themeDayTasks}
    />
  );
}

function EntryForm(props: {
  initial: EntryValues;
  saved?: PracticeEntry;
  framework: FrameworkDocument;
  goals: { id: string; title: string }[];
  themeDayTasks: { id: string; title: string }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof EntryValues>(key: K, value: EntryValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const withCpr = fieldsWithCpr(values);
  const cprMessage = t('practice.form.errors.cpr');
  /** A field's error from the last submit, unless it was the CPR number the person has since removed. */
  const textError = (field: 'whatWorked' | 'tryNext') => {
    const submitted = errorFor(errors, fieldIds[field]);
    return submitted === cprMessage && !withCpr.includes(field) ? undefined : submitted;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = entryProblems(values, todayIso());
    if (problems.length > 0) {
      fail(
        problems.map(({ field, problem }) => ({
          fieldId: fieldIds[field],
          message: t(`practice.form.errors.${problem}`, { count: maxCompetencesPerEntry }),
        })),
      );
      return;
    }
    const body: PracticeEntryInput = {
      occurredOn: values.occurredOn,
      channel: values.channel as PracticeEntryInput['channel'],
      helpLevel: values.helpLevel as PracticeEntryInput['helpLevel'],
      competenceIds: values.competenceIds,
      whatWorked: values.whatWorked.trim(),
      tryNext: values.tryNext.trim(),
      goalId: values.goalId || null,
      themeDayTaskId: values.themeDayTaskId || null,
      shared: values.shared,
      talkingPoint: values.talkingPoint,
    };
    setBusy(true);
    try {
      if (props.saved) {
        await api.updatePracticeEntry(props.saved.id, { ...body, version: props.saved.version });
      } else {
        await api.createPracticeEntry(body);
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.practice });
      navigate('/praksislog', {
        state: { saved: props.saved ? 'updated' : 'created' } satisfies PracticeSavedState,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        fail([{ message: t('practice.form.errors.conflict') }]);
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(placeFieldErrors(error.fields, fieldIds));
      } else {
        fail([
          { message: error instanceof ApiError && error.message ? error.message : t('errors.generic.text') },
        ]);
      }
    } finally {
      setBusy(false);
    }
  };

  const radioError = (field: 'channel' | 'helpLevel') => errorFor(errors, fieldIds[field]);
  const dateError = errorFor(errors, fieldIds.occurredOn);
  const goalError = errorFor(errors, fieldIds.goalId);
  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form practice-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className={dateError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={fieldIds.occurredOn}>
            {t('practice.form.date')}
          </label>
          {dateError ? <FieldError id={`${fieldIds.occurredOn}-error`} message={dateError} /> : null}
          <input
            id={fieldIds.occurredOn}
            type="date"
            className="form-input form-input--date"
            value={values.occurredOn}
            max={todayIso()}
            required
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${fieldIds.occurredOn}-error` : undefined}
            onChange={(event) => set('occurredOn', event.target.value)}
          />
        </div>
        <RadioGroup
          name="channel"
          legend={t('practice.form.channel')}
          options={practiceChannels.map((channel) => ({
            value: channel,
            id: `practice-channel-${channel}`,
            label: t(`practice.channel.${channel}`),
          }))}
          value={values.channel}
          error={radioError('channel')}
          onChange={(value) => set('channel', value as EntryValues['channel'])}
          inline
        />
        <RadioGroup
          name="helpLevel"
          legend={t('practice.form.helpLevel')}
          options={helpLevels.map((level) => ({
            value: level,
            id: `practice-help-${level}`,
            label: t(`practice.helpLevel.${level}`),
            hint: t(`practice.helpLevelHint.${level}`),
          }))}
          value={values.helpLevel}
          error={radioError('helpLevel')}
          onChange={(value) => set('helpLevel', value as EntryValues['helpLevel'])}
        />
        <CompetencePicker
          framework={props.framework}
          chosen={values.competenceIds}
          onChange={(ids) => set('competenceIds', ids)}
          error={errorFor(errors, fieldIds.competenceIds)}
        />
        <div className="notice notice--info privacy-note" id={privacyNoticeId}>
          <p className="notice-title">{t('practice.form.privacyTitle')}</p>
          <p>{t('practice.form.privacy')}</p>
        </div>
        <CharacterCountedTextArea
          id={fieldIds.whatWorked}
          label={t('practice.form.whatWorked')}
          hint={t('practice.form.whatWorkedHint')}
          describedBy={privacyNoticeId}
          value={values.whatWorked}
          maxLength={textMax}
          rows={3}
          required
          error={textError('whatWorked')}
          liveError={withCpr.includes('whatWorked') ? cprMessage : undefined}
          onChange={(value) => set('whatWorked', value)}
        />
        <CharacterCountedTextArea
          id={fieldIds.tryNext}
          label={t('practice.form.tryNext')}
          describedBy={privacyNoticeId}
          value={values.tryNext}
          maxLength={textMax}
          rows={3}
          error={textError('tryNext')}
          liveError={withCpr.includes('tryNext') ? cprMessage : undefined}
          onChange={(value) => set('tryNext', value)}
        />
        {props.goals.length > 0 ? (
          <LinkSelect
            id={fieldIds.goalId}
            label={t('practice.form.goal')}
            hint={t('practice.form.goalHint')}
            none={t('practice.form.noGoal')}
            options={props.goals}
            value={values.goalId}
            error={goalError}
            onChange={(value) => set('goalId', value)}
          />
        ) : null}
        {props.themeDayTasks.length > 0 ? (
          <LinkSelect
            id={fieldIds.themeDayTaskId}
            label={t('practice.form.themeDayTask')}
            hint={t('practice.form.themeDayTaskHint')}
            none={t('practice.form.noThemeDayTask')}
            options={props.themeDayTasks.map((task) => ({
              id: task.id,
              title: task.title || t('practice.form.earlierThemeDayTask'),
            }))}
            value={values.themeDayTaskId}
            error={errorFor(errors, fieldIds.themeDayTaskId)}
            onChange={(value) => set('themeDayTaskId', value)}
          />
        ) : null}
        <fieldset className="fieldset form-group">
          <legend className="form-label form-label--legend">{t('practice.form.marks')}</legend>
          <Checkbox
            id="practice-shared"
            label={t('practice.form.shared')}
            hint={t('practice.form.sharedHint')}
            checked={values.shared}
            onChange={(checked) => set('shared', checked)}
          />
          <Checkbox
            id="practice-talking-point"
            label={t('practice.form.talkingPoint')}
            hint={t('practice.form.talkingPointHint')}
            checked={values.talkingPoint}
            onChange={(checked) => set('talkingPoint', checked)}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('practice.form.saving') : t('practice.form.save')}
          </button>
          <Link className="button button--secondary" to="/praksislog">
            {t('practice.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

function RadioGroup(props: {
  name: string;
  legend: string;
  options: { value: string; id: string; label: string; hint?: string }[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
  inline?: boolean;
}) {
  const errorId = `${props.options[0]?.id ?? props.name}-error`;
  return (
    <fieldset
      className={props.error ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend className="form-label form-label--legend">{props.legend}</legend>
      {props.error ? <FieldError id={errorId} message={props.error} /> : null}
      <div className={props.inline ? 'radio-row' : undefined}>
        {props.options.map((option) => (
          <div key={option.value} className="radio-option">
            <div className="radio">
              <input
                className="radio-input"
                type="radio"
                id={option.id}
                name={props.name}
                value={option.value}
                checked={props.value === option.value}
                aria-describedby={option.hint ? `${option.id}-hint` : undefined}
                onChange={() => props.onChange(option.value)}
              />
              <label className="radio-label" htmlFor={option.id}>
                {option.label}
              </label>
            </div>
            {option.hint ? (
              <p className="checkbox-hint form-hint" id={`${option.id}-hint`}>
                {option.hint}
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function Checkbox(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="radio-option">
      <div className="checkbox">
        <input
          className="checkbox-input"
          type="checkbox"
          id={props.id}
          checked={props.checked}
          aria-describedby={`${props.id}-hint`}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <label className="checkbox-label" htmlFor={props.id}>
          {props.label}
        </label>
      </div>
      <p className="checkbox-hint form-hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

/** A choice of one of the employee's own items to link the entry to, or none. */
function LinkSelect(props: {
  id: string;
  label: string;
  hint: string;
  none: string;
  options: { id: string; title: string }[];
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const { id, error } = props;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {props.label}
      </label>
      <p className="form-hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      <select
        id={id}
        className="form-select"
        value={props.value}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.none}</option>
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title}
          </option>
        ))}
      </select>
    </div>
  );
}
