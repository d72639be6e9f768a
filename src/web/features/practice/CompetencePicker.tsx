/**
 * @module A quick competence picker for a phone: a search that narrows the list as you type, and the framework's
 * areas as folded groups of checkboxes (open where something is chosen). Works with the keyboard and by touch.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import { maxCompetencesPerEntry } from '../../../domain/practice.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { FieldError } from '../../ui/FieldError.tsx';
import { fieldIds, searchCompetences } from './practice-form.ts';

interface CompetencePickerProps {
  framework: FrameworkDocument;
  chosen: string[];
  onChange: (competenceIds: string[]) => void;
  error?: string;
}

const groupId = 'practice-competences';

export function CompetencePicker({ framework, chosen, onChange, error }: CompetencePickerProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [query, setQuery] = useState('');
  // Groups open at first where something is chosen; after that, the person opens and closes them.
  const openAtFirst = useRef(new Set(chosen));
  const searching = query.trim() !== '';
  const areas = searchCompetences(framework, query, locale);
  const names = new Map(
    framework.areas.flatMap((area) =>
      area.competences.map((entry) => [entry.id, entry.name[locale]] as const),
    ),
  );
  const full = chosen.length >= maxCompetencesPerEntry;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosen.filter((entry) => entry !== id), id] : chosen.filter((entry) => entry !== id));
  const describedBy = [`${groupId}-hint`, error ? `${groupId}-error` : null].filter(Boolean).join(' ');

  const checkboxes = (competences: { id: string; name: string }[]) =>
    competences.map((competence) => {
      const checked = chosen.includes(competence.id);
      const id = `practice-competence-${competence.id}`;
      return (
        <div className="checkbox" key={competence.id}>
          <input
            className="checkbox-input"
            type="checkbox"
            id={id}
            checked={checked}
            disabled={!checked && full}
            onChange={(event) => toggle(competence.id, event.target.checked)}
          />
          <label className="checkbox-label" htmlFor={id}>
            {competence.name}
          </label>
        </div>
      );
    });

  return (
    <fieldset
      className={error ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
      aria-describedby={describedBy}
    >
      <legend className="form-label form-label--legend">{t('practice.form.competences')}</legend>
      <p className="form-hint" id={`${groupId}-hint`}>
        {t('practice.form.competencesHint', { count: maxCompetencesPerEntry })}{' '}
        <span aria-live="polite">
          {t('practice.form.chosenCount', { count: chosen.length, max: maxCompetencesPerEntry })}
        </span>
      </p>
      {error ? <FieldError id={`${groupId}-error`} message={error} /> : null}
      {chosen.length > 0 ? (
        <p className="competence-chosen">
          {t('practice.form.chosenList', {
            list: formatList(
              chosen.map((id) => names.get(id) ?? id),
              locale,
            ),
          })}
        </p>
      ) : null}
      <div className="form-group competence-search">
        <label className="form-label" htmlFor={fieldIds.competenceIds}>
          {t('practice.form.search')}
        </label>
        <p className="form-hint" id={`${fieldIds.competenceIds}-hint`}>
          {t('practice.form.searchHint')}
        </p>
        <input
          id={fieldIds.competenceIds}
          type="search"
          className="form-input form-input--m"
          value={query}
          autoComplete="off"
          aria-describedby={`${fieldIds.competenceIds}-hint`}
          aria-controls={`${groupId}-list`}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div id={`${groupId}-list`} className="competence-groups">
        {areas.length === 0 ? (
          <p role="status">{t('practice.form.noMatch', { query: query.trim() })}</p>
        ) : searching ? (
          areas.map((area) => (
            <fieldset className="fieldset competence-group" key={area.areaId}>
              <legend className="competence-group-title">{area.areaName}</legend>
              {checkboxes(area.competences)}
            </fieldset>
          ))
        ) : (
          areas.map((area) => {
            const inArea = area.competences.filter((competence) => chosen.includes(competence.id)).length;
            return (
              <details
                className="competence-fold"
                key={area.areaId}
                open={area.competences.some((competence) => openAtFirst.current.has(competence.id))}
              >
                <summary>
                  {area.areaName}
                  {inArea > 0 ? (
                    <span className="tag">{t('practice.form.areaChosen', { count: inArea })}</span>
                  ) : null}
                </summary>
                <fieldset className="fieldset competence-group">
                  <legend className="visually-hidden">{area.areaName}</legend>
                  {checkboxes(area.competences)}
                </fieldset>
              </details>
            );
          })
        )}
      </div>
    </fieldset>
  );
}
