/**
 * @module Udviklingsplan: the goals agreed in the conversation, each with its actions, and their statuses. Content is
 * written while the conversation is held; statuses may move after signing too — that is the follow-up.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Action, Goal, GoalInput } from '../../../server/contracts/conversations.ts';
import { api } from '../../api/client.ts';
import { formatDay, formatList, todayIso } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { DateField, SelectField } from '../../ui/FormField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  type ActionFormValues,
  actionKindIds,
  emptyAction,
  emptyGoal,
  errorFor,
  type GoalFormValues,
  isIsoDate,
  planStatusIds,
  toActionInput,
  toGoalInput,
} from './conversation-form.ts';
import {
  competenceNames,
  type Outcome,
  personOptions,
  Section,
  StatusLine,
  useErrorText,
  useFormErrors,
} from './shared.tsx';

type PlanStatus = (typeof planStatusIds)[number];
type Person = { id: string; name: string };

/** The plan of a conversation (the employee's goals) or of a group MUS (the team goals), and who may do what. */
export interface PlanSource {
  stage: 'scheduled' | 'held' | 'signed';
  goals: Goal[];
  /** May the reader write goals and actions now? */
  canEdit: boolean;
  /** Who may own an action, and who may be learnt from. */
  owners: Person[];
  colleagues: Person[];
  createGoal: (input: GoalInput) => Promise<unknown>;
  onChanged: () => Promise<void>;
  /** May the reader move this goal (no action) or action on? Everyone in a conversation; see the group rules. */
  mayMove?: (action?: Action) => boolean;
  /** The section's heading and what it says while empty. */
  texts: { title: string; notStarted: string; empty: string };
}

export function PlanSection({ source, framework }: { source: PlanSource; framework: FrameworkDocument }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <Section id="conversation-plan" title={source.texts.title}>
      {source.stage === 'scheduled' ? (
        <p>{source.texts.notStarted}</p>
      ) : source.goals.length === 0 ? (
        <p>{source.texts.empty}</p>
      ) : null}
      <StatusLine outcome={outcome} />
      <ul className="goal-list">
        {source.goals.map((goal) => (
          <li key={goal.id}>
            <GoalCard
              goal={goal}
              framework={framework}
              canEdit={source.canEdit}
              owners={source.owners}
              colleagues={source.colleagues}
              onChanged={source.onChanged}
              {...(source.mayMove ? { mayMove: source.mayMove } : {})}
            />
          </li>
        ))}
      </ul>
      {source.canEdit ? (
        adding ? (
          <GoalForm
            idPrefix="goal-new"
            framework={framework}
            initial={emptyGoal}
            title={t('conversations.plan.addGoal')}
            onCancel={() => setAdding(false)}
            onSubmit={async (values) => {
              await source.createGoal(toGoalInput(values));
              await source.onChanged();
              setAdding(false);
              setOutcome({
                kind: 'success',
                text: t('conversations.plan.goalAdded', { title: values.title.trim() }),
              });
            }}
          />
        ) : (
          <p className="print-hidden">
            <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
              {t('conversations.plan.addGoal')}
            </button>
          </p>
        )
      ) : null}
    </Section>
  );
}

export function StatusTags({ status, overdue }: { status: PlanStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`tag status-tag status-tag--${status}`}>
        <span className="visually-hidden">{t('conversations.plan.statusLabel')}: </span>
        {t(`conversations.status.${status}`)}
      </span>
      {overdue ? <strong className="tag tag--strong">{t('conversations.plan.overdue')}</strong> : null}
    </>
  );
}

interface GoalCardProps {
  goal: Goal;
  framework: FrameworkDocument | undefined;
  /** May the goal's content and actions be written (the conversation is held and not signed)? */
  canEdit: boolean;
  owners: Person[];
  colleagues: Person[];
  onChanged: () => Promise<void>;
  /** May the reader move the goal (no action) or this action on? Yes when not said. */
  mayMove?: (action?: Action) => boolean;
  /** On the plan page: a line linking the conversation the goal was agreed in. */
  origin?: React.ReactNode;
  headingLevel?: 3 | 4;
}

export function GoalCard(props: GoalCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { goal, canEdit } = props;
  const names = competenceNames(props.framework, locale);
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [addingAction, setAddingAction] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  const SubHeading = props.headingLevel === 4 ? 'h5' : 'h4';
  const headingId = `goal-${goal.id}`;

  const run = async (work: () => Promise<unknown>, success: string) => {
    try {
      await work();
      await props.onChanged();
      setOutcome({ kind: 'success', text: success });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  if (editing && props.framework) {
    return (
      <GoalForm
        idPrefix={`goal-edit-${goal.id}`}
        framework={props.framework}
        initial={{
          title: goal.title,
          why: goal.why,
          successCriterion: goal.successCriterion,
          targetDate: goal.targetDate,
          competenceIds: goal.competenceIds,
        }}
        title={t('conversations.plan.editGoalTitle', { title: goal.title })}
        onCancel={() => setEditing(false)}
        onSubmit={async (values) => {
          await api.updateGoal(goal.id, { ...toGoalInput(values), version: goal.version });
          await props.onChanged();
          setEditing(false);
          setOutcome({ kind: 'success', text: t('conversations.plan.goalSaved') });
        }}
      />
    );
  }

  return (
    <article className="goal" aria-labelledby={headingId}>
      <Heading id={headingId} className="goal-title">
        {goal.title}
      </Heading>
      <p className="goal-tags">
        <StatusTags status={goal.status} overdue={goal.overdue} />
      </p>
      {props.origin}
      <dl className="summary-list summary-list--compact">
        {goal.why ? (
          <div className="summary-list-row">
            <dt>{t('conversations.plan.why')}</dt>
            <dd className="pre-line">{goal.why}</dd>
          </div>
        ) : null}
        <div className="summary-list-row">
          <dt>{t('conversations.plan.successCriterion')}</dt>
          <dd className="pre-line">{goal.successCriterion}</dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('conversations.plan.targetDate')}</dt>
          <dd>{formatDay(goal.targetDate, locale)}</dd>
        </div>
        <div className="summary-list-row">
          <dt>{t('conversations.plan.competences')}</dt>
          <dd>
            {formatList(
              goal.competenceIds.map((id) => names.get(id) ?? id),
              locale,
            )}
          </dd>
        </div>
        {goal.status === 'dropped' && goal.droppedReason ? (
          <div className="summary-list-row">
            <dt>{t('conversations.plan.droppedReason')}</dt>
            <dd>{goal.droppedReason}</dd>
          </div>
        ) : null}
      </dl>
      <StatusLine outcome={outcome} />
      {(props.mayMove?.() ?? true) ? (
        <StatusForm
          kind="goal"
          id={goal.id}
          title={goal.title}
          status={goal.status}
          onSave={(status, reason) =>
            run(
              () =>
                api.setGoalStatus(goal.id, { version: goal.version, status, ...(reason ? { reason } : {}) }),
              t('conversations.plan.statusSaved', {
                title: goal.title,
                status: t(`conversations.status.${status}`),
              }),
            )
          }
        />
      ) : null}
      {canEdit ? (
        <div className="button-row print-hidden">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(true)}
          >
            {t('conversations.plan.editGoal')}
            <span className="visually-hidden"> {goal.title}</span>
          </button>
          {confirmDelete ? null : (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setConfirmDelete(true)}
            >
              {t('conversations.plan.deleteGoal')}
              <span className="visually-hidden"> {goal.title}</span>
            </button>
          )}
        </div>
      ) : null}
      {confirmDelete ? (
        <div className="notice notice--warning print-hidden" role="alert">
          <p>{t('conversations.plan.confirmDeleteGoal', { title: goal.title })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                void run(
                  () => api.deleteGoal(goal.id),
                  t('conversations.plan.goalDeleted', { title: goal.title }),
                )
              }
            >
              {t('conversations.plan.confirmDelete')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirmDelete(false)}
            >
              {t('conversations.plan.cancel')}
            </button>
          </div>
        </div>
      ) : null}

      <SubHeading className="actions-title">
        {t('conversations.plan.actionsTitle', { count: goal.actions.length })}
      </SubHeading>
      {goal.actions.length === 0 ? <p className="muted">{t('conversations.plan.noActions')}</p> : null}
      <ul className="plan-actions">
        {goal.actions.map((action) => (
          <ActionItem
            key={action.id}
            action={action}
            canEdit={canEdit}
            owners={props.owners}
            colleagues={props.colleagues}
            onChanged={props.onChanged}
            run={run}
            {...(props.mayMove ? { mayMove: props.mayMove } : {})}
          />
        ))}
      </ul>
      {canEdit ? (
        addingAction ? (
          <ActionForm
            idPrefix={`action-new-${goal.id}`}
            title={t('conversations.plan.addActionTo', { title: goal.title })}
            owners={props.owners}
            colleagues={props.colleagues}
            onCancel={() => setAddingAction(false)}
            onSubmit={async (values) => {
              await api.createAction(goal.id, toActionInput(values));
              await props.onChanged();
              setAddingAction(false);
              setOutcome({ kind: 'success', text: t('conversations.plan.actionAdded') });
            }}
          />
        ) : (
          <p className="print-hidden">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setAddingAction(true)}
            >
              {t('conversations.plan.addAction')}
              <span className="visually-hidden">
                {' '}
                {t('conversations.plan.toGoal', { title: goal.title })}
              </span>
            </button>
          </p>
        )
      ) : null}
    </article>
  );
}

function ActionItem(props: {
  action: Action;
  canEdit: boolean;
  owners: Person[];
  colleagues: Person[];
  onChanged: () => Promise<void>;
  run: (work: () => Promise<unknown>, success: string) => Promise<void>;
  mayMove?: (action?: Action) => boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { action, run } = props;
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li className="plan-action">
        <ActionForm
          idPrefix={`action-edit-${action.id}`}
          title={t('conversations.plan.editActionTitle', { title: action.description })}
          initial={{
            kind: action.kind,
            description: action.description,
            ownerId: action.owner.id,
            colleagueId: action.colleague?.id ?? '',
            dueDate: action.dueDate,
          }}
          owners={props.owners}
          colleagues={props.colleagues}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await api.updateAction(action.id, { ...toActionInput(values), version: action.version });
            await props.onChanged();
            setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="plan-action">
      <p className="plan-action-title">
        <strong>{t(`conversations.actionKind.${action.kind}`)}:</strong> {action.description}
      </p>
      <p className="plan-action-meta">
        <StatusTags status={action.status} overdue={action.overdue} />
      </p>
      <p className="plan-action-meta">
        {t('conversations.plan.actionMeta', {
          owner: action.owner.name,
          date: formatDay(action.dueDate, locale),
        })}
        {action.colleague
          ? ` · ${t('conversations.plan.colleagueValue', { name: action.colleague.name })}`
          : ''}
      </p>
      {action.status === 'dropped' && action.droppedReason ? (
        <p className="plan-action-meta">
          {t('conversations.plan.droppedBecause', { reason: action.droppedReason })}
        </p>
      ) : null}
      {(props.mayMove?.(action) ?? true) ? (
        <StatusForm
          kind="action"
          id={action.id}
          title={action.description}
          status={action.status}
          onSave={(status, reason) =>
            run(
              () =>
                api.setActionStatus(action.id, {
                  version: action.version,
                  status,
                  ...(reason ? { reason } : {}),
                }),
              t('conversations.plan.statusSaved', {
                title: action.description,
                status: t(`conversations.status.${status}`),
              }),
            )
          }
        />
      ) : null}
      {props.canEdit ? (
        <p className="button-row print-hidden">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(true)}
          >
            {t('conversations.plan.editAction')}
            <span className="visually-hidden"> {action.description}</span>
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void run(() => api.deleteAction(action.id), t('conversations.plan.actionDeleted'))}
          >
            {t('conversations.plan.deleteAction')}
            <span className="visually-hidden"> {action.description}</span>
          </button>
        </p>
      ) : null}
    </li>
  );
}

function StatusForm(props: {
  kind: 'goal' | 'action';
  id: string;
  title: string;
  status: PlanStatus;
  onSave: (status: PlanStatus, reason: string | undefined) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PlanStatus>(props.status);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const selectId = `status-${props.kind}-${props.id}`;
  const reasonId = `reason-${props.kind}-${props.id}`;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (status === 'dropped' && !reason.trim()) {
      setError(t('conversations.plan.errors.reason'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await props.onSave(status, status === 'dropped' ? reason.trim() : undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="status-form print-hidden" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div className="status-form-row">
        <div className="form-group">
          <label className="form-label" htmlFor={selectId}>
            {t('conversations.plan.changeStatus')}
            <span className="visually-hidden"> {props.title}</span>
          </label>
          <select
            id={selectId}
            className="form-select form-select--m"
            value={status}
            onChange={(event) => setStatus(event.target.value as PlanStatus)}
          >
            {planStatusIds.map((value) => (
              <option key={value} value={value}>
                {t(`conversations.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {status === 'dropped' ? (
          <div className={error ? 'form-group form-group--error' : 'form-group'}>
            <label className="form-label" htmlFor={reasonId}>
              {t('conversations.plan.reason')}
            </label>
            {error ? <FieldError id={`${reasonId}-error`} message={error} /> : null}
            <input
              id={reasonId}
              className="form-input form-input--l"
              value={reason}
              maxLength={500}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${reasonId}-error` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        ) : null}
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={status === props.status && status !== 'dropped'}
        >
          {t('conversations.plan.saveStatus')}
          <span className="visually-hidden"> {props.title}</span>
        </button>
      </div>
    </form>
  );
}

/** A form opened by a button takes the button's place: its heading takes the focus, so the reader hears where they are. */
function useFocusOnOpen<T extends HTMLElement>() {
  const element = useRef<T>(null);
  useEffect(() => {
    element.current?.focus();
  }, []);
  return element;
}

function GoalForm(props: {
  idPrefix: string;
  framework: FrameworkDocument;
  initial: GoalFormValues;
  title: string;
  onCancel: () => void;
  onSubmit: (values: GoalFormValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [values, setValues] = useState<GoalFormValues>(props.initial);
  const [busy, setBusy] = useState(false);
  const { errors, attempt, fail, failWith } = useFormErrors();
  const firstCompetence = props.framework.areas[0]?.competences[0]?.id ?? '';
  const ids = {
    title: `${props.idPrefix}-title`,
    why: `${props.idPrefix}-why`,
    successCriterion: `${props.idPrefix}-success`,
    targetDate: `${props.idPrefix}-date`,
    competences: `${props.idPrefix}-competences`,
    competence: (id: string) => `${props.idPrefix}-competence-${id}`,
  };
  const competenceTarget = ids.competence(values.competenceIds[0] ?? firstCompetence);
  const set = <K extends keyof GoalFormValues>(key: K, value: GoalFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!values.title.trim())
      found.push({ fieldId: ids.title, message: t('conversations.plan.errors.title') });
    else if (values.title.trim().length > 200)
      found.push({ fieldId: ids.title, message: t('conversations.plan.errors.tooLong', { count: 200 }) });
    if (!values.successCriterion.trim())
      found.push({ fieldId: ids.successCriterion, message: t('conversations.plan.errors.successCriterion') });
    if (!values.targetDate)
      found.push({ fieldId: ids.targetDate, message: t('conversations.plan.errors.targetDate') });
    else if (!isIsoDate(values.targetDate))
      found.push({ fieldId: ids.targetDate, message: t('conversations.plan.errors.dateInvalid') });
    if (values.competenceIds.length === 0)
      found.push({ fieldId: competenceTarget, message: t('conversations.plan.errors.competences') });
    else if (values.competenceIds.length > 8)
      found.push({
        fieldId: competenceTarget,
        message: t('conversations.plan.errors.tooManyCompetences', { count: 8 }),
      });
    return found;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (found.length) return fail(found);
    setBusy(true);
    try {
      await props.onSubmit(values);
    } catch (error) {
      failWith(error, {
        title: ids.title,
        why: ids.why,
        successCriterion: ids.successCriterion,
        targetDate: ids.targetDate,
        competenceIds: competenceTarget,
      });
    } finally {
      setBusy(false);
    }
  };
  const competenceError = errorFor(errors, competenceTarget);
  const headingId = `${props.idPrefix}-heading`;
  const heading = useFocusOnOpen<HTMLHeadingElement>();

  return (
    <form
      className="form goal-form print-hidden"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </h3>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <TextField
        id={ids.title}
        name="goal-title"
        label={t('conversations.plan.goalTitle')}
        hint={t('conversations.plan.goalTitleHint')}
        value={values.title}
        onChange={(value) => set('title', value)}
        error={errorFor(errors, ids.title)}
        required
      />
      <CharacterCountedTextArea
        id={ids.why}
        label={t('conversations.plan.whyLabel')}
        value={values.why}
        maxLength={1000}
        rows={3}
        error={errorFor(errors, ids.why)}
        onChange={(value) => set('why', value)}
      />
      <CharacterCountedTextArea
        id={ids.successCriterion}
        label={t('conversations.plan.successCriterion')}
        hint={t('conversations.plan.successCriterionHint')}
        value={values.successCriterion}
        maxLength={500}
        rows={3}
        required
        error={errorFor(errors, ids.successCriterion)}
        onChange={(value) => set('successCriterion', value)}
      />
      <DateField
        id={ids.targetDate}
        label={t('conversations.plan.targetDate')}
        error={errorFor(errors, ids.targetDate)}
        min={todayIso()}
        value={values.targetDate}
        required
        onChange={(value) => set('targetDate', value)}
      />
      <fieldset
        className={competenceError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
        aria-describedby={`${ids.competences}-hint${competenceError ? ` ${ids.competences}-error` : ''}`}
      >
        <legend className="form-label form-label--legend">{t('conversations.plan.competences')}</legend>
        <p className="form-hint" id={`${ids.competences}-hint`}>
          {t('conversations.plan.competencesHint')}
        </p>
        {competenceError ? <FieldError id={`${ids.competences}-error`} message={competenceError} /> : null}
        {props.framework.areas.map((area) => (
          <fieldset className="fieldset competence-group" key={area.id}>
            <legend className="competence-group-title">{area.name[locale]}</legend>
            {area.competences.map((competence) => (
              <div className="checkbox" key={competence.id}>
                <input
                  className="checkbox-input"
                  type="checkbox"
                  id={ids.competence(competence.id)}
                  checked={values.competenceIds.includes(competence.id)}
                  onChange={(event) =>
                    set(
                      'competenceIds',
                      event.target.checked
                        ? [...values.competenceIds, competence.id]
                        : values.competenceIds.filter((id) => id !== competence.id),
                    )
                  }
                />
                <label className="checkbox-label" htmlFor={ids.competence(competence.id)}>
                  {competence.name[locale]}
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {busy ? t('conversations.plan.saving') : t('conversations.plan.saveGoal')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('conversations.plan.cancel')}
        </button>
      </div>
    </form>
  );
}

function ActionForm(props: {
  idPrefix: string;
  /** The form's heading: a new action for a goal, or the action being edited. */
  title: string;
  initial?: ActionFormValues;
  owners: Person[];
  colleagues: Person[];
  onCancel: () => void;
  onSubmit: (values: ActionFormValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ActionFormValues>(
    () => props.initial ?? { ...emptyAction, ownerId: props.owners[0]?.id ?? '' },
  );
  const [busy, setBusy] = useState(false);
  const { errors, attempt, fail, failWith } = useFormErrors();
  const ids = {
    kind: `${props.idPrefix}-kind`,
    colleague: `${props.idPrefix}-colleague`,
    description: `${props.idPrefix}-description`,
    owner: `${props.idPrefix}-owner`,
    dueDate: `${props.idPrefix}-date`,
  };
  const set = <K extends keyof ActionFormValues>(key: K, value: ActionFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!values.kind) found.push({ fieldId: ids.kind, message: t('conversations.plan.errors.kind') });
    if (values.kind === 'colleague' && !values.colleagueId)
      found.push({ fieldId: ids.colleague, message: t('conversations.plan.errors.colleague') });
    if (!values.description.trim())
      found.push({ fieldId: ids.description, message: t('conversations.plan.errors.description') });
    if (!values.ownerId) found.push({ fieldId: ids.owner, message: t('conversations.plan.errors.owner') });
    if (!values.dueDate)
      found.push({ fieldId: ids.dueDate, message: t('conversations.plan.errors.dueDate') });
    else if (!isIsoDate(values.dueDate))
      found.push({ fieldId: ids.dueDate, message: t('conversations.plan.errors.dateInvalid') });
    return found;
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (found.length) return fail(found);
    setBusy(true);
    try {
      await props.onSubmit(values);
    } catch (error) {
      failWith(error, {
        kind: ids.kind,
        colleagueId: ids.colleague,
        description: ids.description,
        ownerId: ids.owner,
        dueDate: ids.dueDate,
      });
    } finally {
      setBusy(false);
    }
  };
  const kindError = errorFor(errors, ids.kind);
  const headingId = `${props.idPrefix}-heading`;
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  return (
    <form
      className="form action-form print-hidden"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(event) => void onSubmit(event)}
    >
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {props.title}
      </h4>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <fieldset
        className={kindError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
        aria-describedby={kindError ? `${ids.kind}-error` : undefined}
      >
        <legend className="form-label form-label--legend">{t('conversations.plan.actionKind')}</legend>
        {kindError ? <FieldError id={`${ids.kind}-error`} message={kindError} /> : null}
        {actionKindIds.map((kind, index) => {
          const id = index === 0 ? ids.kind : `${ids.kind}-${kind}`;
          return (
            <div className="radio" key={kind}>
              <input
                className="radio-input"
                type="radio"
                name={ids.kind}
                id={id}
                checked={values.kind === kind}
                onChange={() => set('kind', kind)}
              />
              <label className="radio-label" htmlFor={id}>
                {t(`conversations.actionKind.${kind}`)}
              </label>
            </div>
          );
        })}
      </fieldset>
      {values.kind === 'colleague' ? (
        <SelectField
          id={ids.colleague}
          label={t('conversations.plan.colleague')}
          error={errorFor(errors, ids.colleague)}
          value={values.colleagueId}
          empty={t('conversations.plan.chooseColleague')}
          options={personOptions(props.colleagues)}
          onChange={(value) => set('colleagueId', value)}
        />
      ) : null}
      <CharacterCountedTextArea
        id={ids.description}
        label={t('conversations.plan.description')}
        value={values.description}
        maxLength={500}
        rows={3}
        required
        error={errorFor(errors, ids.description)}
        onChange={(value) => set('description', value)}
      />
      <SelectField
        id={ids.owner}
        label={t('conversations.plan.owner')}
        error={errorFor(errors, ids.owner)}
        value={values.ownerId}
        options={personOptions(props.owners)}
        onChange={(value) => set('ownerId', value)}
      />
      <DateField
        id={ids.dueDate}
        label={t('conversations.plan.dueDate')}
        error={errorFor(errors, ids.dueDate)}
        min={todayIso()}
        value={values.dueDate}
        required
        onChange={(value) => set('dueDate', value)}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {busy ? t('conversations.plan.saving') : t('conversations.plan.saveAction')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('conversations.plan.cancel')}
        </button>
      </div>
    </form>
  );
}
