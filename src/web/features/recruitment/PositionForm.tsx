/**
 * @module A position's set-up, for creating and changing it: title, unit and role profile, the focus competences with
 * their target levels, and the panel. Errors are listed at the top and shown by each field.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { PanelOptions } from '../../../server/contracts/recruitment.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormErrors } from '../../ui/useFormErrors.ts';
import { focusRange, panelMax } from './recruitment-view.ts';

export interface PositionFormValues {
  title: string;
  unitId: string;
  roleProfileId: string;
  focus: string[];
  /** Competence id → target level, for the focus competences. */
  targets: Record<string, number>;
  panelIds: string[];
}

const ids = {
  title: 'position-title',
  unit: 'position-unit',
  roleProfile: 'position-role-profile',
  focus: (competenceId: string) => `position-focus-${competenceId}`,
  target: (competenceId: string) => `position-target-${competenceId}`,
  panelFilter: 'position-panel-filter',
  panel: (userId: string) => `position-panel-${userId}`,
};

/** How many people the panel list shows besides those chosen; the filter finds the rest. */
const shownMatches = 40;

interface PositionFormProps {
  mode: 'create' | 'edit';
  initial: PositionFormValues;
  framework: FrameworkDocument | undefined;
  /** The role profiles to choose from (create only), with their targets. */
  roleProfiles: { id: string; name: string; targets: Record<string, number> }[];
  units: { id: string; name: string }[];
  people: PanelOptions['people'];
  /** The role profile's own target per competence, to show what the position adjusts. */
  profileTargets: Record<string, number>;
  onRoleProfileChange?: (roleProfileId: string) => void;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: PositionFormValues) => Promise<void>;
}

export function PositionForm(props: PositionFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { framework, people, mode } = props;
  const [values, setValues] = useState<PositionFormValues>(props.initial);
  const [filter, setFilter] = useState('');
  const { errors, attempt, fail, errorOf, failFrom } = useFormErrors();
  const [pending, setPending] = useState(false);
  const set = <K extends keyof PositionFormValues>(key: K, value: PositionFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const levels = framework?.scale.levels ?? [];
  const nameOfLevel = (level: number) => levels.find((entry) => entry.level === level)?.name[locale] ?? '';

  const matches = useMemo(() => {
    const wanted = filter.trim().toLowerCase();
    return people
      .filter((person) => !values.panelIds.includes(person.id))
      .filter(
        (person) =>
          !wanted ||
          person.name.toLowerCase().includes(wanted) ||
          (person.unit?.name.toLowerCase().includes(wanted) ?? false),
      );
  }, [people, filter, values.panelIds]);
  const chosen = values.panelIds.flatMap((id) => people.filter((person) => person.id === id));

  /** Where on the form a server's field error belongs. */
  const fieldIdOf = (path: string): string | undefined => {
    const [head, rest] = [path.split('.')[0], path.split('.').slice(1).join('.')];
    if (head === 'title') return ids.title;
    if (head === 'unitId') return ids.unit;
    if (head === 'roleProfileId') return ids.roleProfile;
    if (head === 'targets' && rest) return ids.target(rest);
    if (head === 'focusCompetenceIds') return ids.focus(values.focus[0] ?? firstCompetence);
    if (head === 'panelIds') return ids.panelFilter;
    return undefined;
  };
  const firstCompetence = framework?.areas[0]?.competences[0]?.id ?? '';

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    const title = values.title.trim();
    if (!title) found.push({ fieldId: ids.title, message: t('recruitment.form.errors.titleRequired') });
    else if (title.length > 150)
      found.push({ fieldId: ids.title, message: t('recruitment.form.errors.titleTooLong', { count: 150 }) });
    if (values.focus.length < focusRange.min || values.focus.length > focusRange.max)
      found.push({
        fieldId: ids.focus(values.focus[0] ?? firstCompetence),
        message: t('recruitment.form.errors.focusCount', { min: focusRange.min, max: focusRange.max }),
      });
    if (values.panelIds.length === 0)
      found.push({ fieldId: ids.panelFilter, message: t('recruitment.form.errors.panelRequired') });
    else if (values.panelIds.length > panelMax)
      found.push({
        fieldId: ids.panelFilter,
        message: t('recruitment.form.errors.panelTooMany', { count: panelMax }),
      });
    return found;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = validate();
    if (found.length > 0) return fail(found);
    setPending(true);
    try {
      await props.onSubmit(values);
    } catch (error) {
      failFrom(error, fieldIdOf, t('errors.generic.text'));
    } finally {
      setPending(false);
    }
  };

  const focusError = errors.find((error) => error.fieldId?.startsWith('position-focus-'))?.message;
  const panelError = errorOf(ids.panelFilter);
  const unitError = errorOf(ids.unit);
  const profileError = errorOf(ids.roleProfile);

  const toggleFocus = (competenceId: string, on: boolean) => {
    const focus = on ? [...values.focus, competenceId] : values.focus.filter((id) => id !== competenceId);
    set('focus', focus);
  };
  const togglePanel = (userId: string, on: boolean) =>
    set('panelIds', on ? [...values.panelIds, userId] : values.panelIds.filter((id) => id !== userId));

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form position-form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={props.submitLabel}
      >
        <TextField
          id={ids.title}
          name="title"
          label={t('recruitment.form.title')}
          hint={t('recruitment.form.titleHint')}
          value={values.title}
          onChange={(value) => set('title', value)}
          error={errorOf(ids.title)}
          required
        />
        {mode === 'create' ? (
          <>
            <div className={unitError ? 'form-group form-group--error' : 'form-group'}>
              <label className="form-label" htmlFor={ids.unit}>
                {t('recruitment.form.unit')}
              </label>
              <p className="form-hint" id={`${ids.unit}-hint`}>
                {t('recruitment.form.unitHint')}
              </p>
              {unitError ? <FieldError id={`${ids.unit}-error`} message={unitError} /> : null}
              <select
                id={ids.unit}
                className="form-select"
                value={values.unitId}
                aria-invalid={unitError ? true : undefined}
                aria-describedby={`${ids.unit}-hint${unitError ? ` ${ids.unit}-error` : ''}`}
                onChange={(event) => set('unitId', event.target.value)}
              >
                {props.units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </div>
            <div className={profileError ? 'form-group form-group--error' : 'form-group'}>
              <label className="form-label" htmlFor={ids.roleProfile}>
                {t('recruitment.form.roleProfile')}
              </label>
              <p className="form-hint" id={`${ids.roleProfile}-hint`}>
                {t('recruitment.form.roleProfileHint')}
              </p>
              {profileError ? <FieldError id={`${ids.roleProfile}-error`} message={profileError} /> : null}
              <select
                id={ids.roleProfile}
                className="form-select"
                value={values.roleProfileId}
                aria-invalid={profileError ? true : undefined}
                aria-describedby={`${ids.roleProfile}-hint${profileError ? ` ${ids.roleProfile}-error` : ''}`}
                onChange={(event) => {
                  set('roleProfileId', event.target.value);
                  props.onRoleProfileChange?.(event.target.value);
                }}
              >
                {props.roleProfiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}

        <fieldset
          className={focusError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={focusError ? 'position-focus-hint position-focus-error' : 'position-focus-hint'}
        >
          <legend className="form-label form-label--legend">{t('recruitment.form.focus')}</legend>
          <p className="form-hint" id="position-focus-hint">
            {t('recruitment.form.focusHint', { min: focusRange.min, max: focusRange.max })}
          </p>
          <p className="muted" aria-live="polite">
            {t('recruitment.form.focusCount', { count: values.focus.length, max: focusRange.max })}
          </p>
          {focusError ? <FieldError id="position-focus-error" message={focusError} /> : null}
          {(framework?.areas ?? []).map((area) => (
            <div key={area.id} className="focus-area">
              <h3 className="focus-area-title">{area.name[locale]}</h3>
              {area.competences.map((competence) => {
                const checked = values.focus.includes(competence.id);
                const target = values.targets[competence.id] ?? props.profileTargets[competence.id] ?? 1;
                const targetError = errorOf(ids.target(competence.id));
                return (
                  <div key={competence.id} className="focus-choice">
                    <div className="checkbox">
                      <input
                        className="checkbox-input"
                        type="checkbox"
                        id={ids.focus(competence.id)}
                        checked={checked}
                        onChange={(event) => toggleFocus(competence.id, event.target.checked)}
                      />
                      <label className="checkbox-label" htmlFor={ids.focus(competence.id)}>
                        {competence.name[locale]}
                      </label>
                    </div>
                    {checked ? (
                      <div className={targetError ? 'focus-target form-group--error' : 'focus-target'}>
                        <label className="form-label" htmlFor={ids.target(competence.id)}>
                          {t('recruitment.form.target', { name: competence.name[locale] })}
                        </label>
                        {targetError ? (
                          <FieldError id={`${ids.target(competence.id)}-error`} message={targetError} />
                        ) : null}
                        <select
                          id={ids.target(competence.id)}
                          className="form-select form-select--m"
                          value={target}
                          aria-invalid={targetError ? true : undefined}
                          aria-describedby={targetError ? `${ids.target(competence.id)}-error` : undefined}
                          onChange={(event) =>
                            set('targets', { ...values.targets, [competence.id]: Number(event.target.value) })
                          }
                        >
                          {levels.map((level) => (
                            <option key={level.level} value={level.level}>
                              {t('framework.levelLabel', {
                                level: level.level,
                                name: nameOfLevel(level.level),
                              })}
                              {props.profileTargets[competence.id] === level.level
                                ? ` (${t('recruitment.form.profileTarget')})`
                                : ''}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </fieldset>

        <fieldset
          className={panelError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={panelError ? 'position-panel-hint position-panel-error' : 'position-panel-hint'}
        >
          <legend className="form-label form-label--legend">{t('recruitment.form.panel')}</legend>
          <p className="form-hint" id="position-panel-hint">
            {t('recruitment.form.panelHint', { max: panelMax })}
          </p>
          {panelError ? <FieldError id="position-panel-error" message={panelError} /> : null}
          {chosen.length > 0 ? (
            <div className="panel-chosen">
              <h3 className="focus-area-title">
                {t('recruitment.form.panelChosen', { count: chosen.length })}
              </h3>
              {chosen.map((person) => (
                <PanelCheckbox key={person.id} person={person} checked onChange={togglePanel} />
              ))}
            </div>
          ) : null}
          <label className="form-label" htmlFor={ids.panelFilter}>
            {t('recruitment.form.panelFilter')}
          </label>
          <input
            id={ids.panelFilter}
            className="form-input form-input--m"
            type="search"
            value={filter}
            aria-invalid={panelError ? true : undefined}
            aria-describedby="position-panel-matches"
            onChange={(event) => setFilter(event.target.value)}
          />
          <p className="muted" id="position-panel-matches" aria-live="polite">
            {t('recruitment.form.panelMatches', { count: matches.length })}
          </p>
          <div className="checkbox-columns">
            {matches.slice(0, shownMatches).map((person) => (
              <PanelCheckbox key={person.id} person={person} checked={false} onChange={togglePanel} />
            ))}
          </div>
        </fieldset>

        <button type="submit" className="button button--primary">
          {pending ? props.pendingLabel : props.submitLabel}
        </button>
      </form>
    </>
  );
}

function PanelCheckbox(props: {
  person: PanelOptions['people'][number];
  checked: boolean;
  onChange: (userId: string, on: boolean) => void;
}) {
  const { person } = props;
  return (
    <div className="checkbox">
      <input
        className="checkbox-input"
        type="checkbox"
        id={ids.panel(person.id)}
        checked={props.checked}
        onChange={(event) => props.onChange(person.id, event.target.checked)}
      />
      <label className="checkbox-label" htmlFor={ids.panel(person.id)}>
        {person.name}
        {person.title || person.unit ? (
          <span className="muted"> · {[person.title, person.unit?.name].filter(Boolean).join(', ')}</span>
        ) : null}
      </label>
    </div>
  );
}
