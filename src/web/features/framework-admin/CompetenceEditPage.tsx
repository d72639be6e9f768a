/**
 * @module Edit or add one competence of a draft: its area (moving it), names, description, what each level looks like
 * and the prompts for examples, in Danish and English. Texts may be left for later; publishing asks for all of them.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { Competence } from '../../../domain/framework.ts';
import type { LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import {
  competenceFieldId,
  emptyCompetence,
  findCompetence,
  freeId,
  idFromName,
  idsOf,
  withCompetence,
} from './draft-editing.ts';
import {
  FormButtons,
  FreshDraft,
  IdField,
  LocalizedFields,
  newIdProblem,
  useFormErrors,
  useSaveAndReturn,
} from './shared.tsx';

const maxPrompts = 5;
const ids = { id: 'competence-id', area: 'competence-area' };

function CompetenceForm(props: { draft: FrameworkVersion; original: Competence | null; areaId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { draft, original } = props;
  const document = draft.document;
  const taken = idsOf(document);
  const [competence, setCompetence] = useState<Competence>(original ?? emptyCompetence('', document.scale));
  const [areaId, setAreaId] = useState(props.areaId);
  const [idTouched, setIdTouched] = useState(false);
  const { errors, attempt, fail, byId: errorsById } = useFormErrors();
  const { submit, pending, editorPath } = useSaveAndReturn(draft, fail);
  const set = (changes: Partial<Competence>) => setCompetence((current) => ({ ...current, ...changes }));

  const setName = (name: LocalizedText) => {
    // A new competence's id follows its Danish name until the administrator writes one.
    if (!original && !idTouched) set({ name, id: freeId(idFromName(name.da), taken) });
    else set({ name });
  };

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    const idProblem = original ? undefined : newIdProblem(competence.id, taken, t);
    if (idProblem) found.push({ fieldId: ids.id, message: idProblem });
    if (!competence.name.da.trim())
      found.push({
        fieldId: 'competence-name-da',
        message: t('frameworkAdmin.competence.errors.nameRequired'),
      });
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    if (found.length > 0) return fail(found);
    submit(
      withCompetence(document, areaId, competence, original?.id),
      competence.name[locale] || competence.name.da,
      (place) =>
        place.page === 'competence' && place.competenceId === competence.id
          ? competenceFieldId(place.field, competence.levels)
          : undefined,
    );
  };

  const areaError = errorsById[ids.area];
  const title = original
    ? t('frameworkAdmin.competence.editTitle', { name: original.name[locale] || original.id })
    : t('frameworkAdmin.competence.newTitle');
  const levelName = (level: number) =>
    document.scale.levels.find((entry) => entry.level === level)?.name[locale] ?? '';

  return (
    <>
      <p className="page-caption">{t('frameworkAdmin.editor.titleShort', { version: draft.version })}</p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('frameworkAdmin.competence.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={title}>
        <IdField
          id={ids.id}
          isNew={!original}
          label={t('frameworkAdmin.field.id')}
          fixedLabel={t('frameworkAdmin.competence.idIs')}
          hint={t('frameworkAdmin.competence.idHint')}
          value={competence.id}
          onChange={(id) => {
            setIdTouched(true);
            set({ id });
          }}
          error={errorsById[ids.id]}
        />
        <div className={areaError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={ids.area}>
            {t('frameworkAdmin.competence.area')}
          </label>
          <p className="form-hint" id={`${ids.area}-hint`}>
            {t('frameworkAdmin.competence.areaHint')}
          </p>
          {areaError ? <FieldError id={`${ids.area}-error`} message={areaError} /> : null}
          <select
            id={ids.area}
            className="form-select"
            value={areaId}
            aria-describedby={`${ids.area}-hint${areaError ? ` ${ids.area}-error` : ''}`}
            onChange={(event) => setAreaId(event.target.value)}
          >
            {document.areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name[locale] || area.id}
              </option>
            ))}
          </select>
        </div>
        <LocalizedFields
          idPrefix="competence-name"
          label={t('frameworkAdmin.field.name')}
          value={competence.name}
          onChange={setName}
          errors={errorsById}
          required
        />
        <LocalizedFields
          idPrefix="competence-description"
          label={t('frameworkAdmin.field.description')}
          hint={t('frameworkAdmin.competence.descriptionHint')}
          value={competence.description}
          onChange={(description) => set({ description })}
          errors={errorsById}
          maxLength={600}
        />
        <fieldset className="fieldset">
          <legend className="form-label form-label--legend">{t('frameworkAdmin.field.levels')}</legend>
          <p className="form-hint">{t('frameworkAdmin.competence.levelsHint')}</p>
          {competence.levels.map((entry, index) => (
            <LocalizedFields
              key={entry.level}
              idPrefix={`competence-level-${entry.level}`}
              label={t('frameworkAdmin.competence.levelLabel', {
                level: entry.level,
                name: levelName(entry.level),
              })}
              value={entry.behaviour}
              onChange={(behaviour) =>
                set({
                  levels: competence.levels.map((level, position) =>
                    position === index ? { ...level, behaviour } : level,
                  ),
                })
              }
              errors={errorsById}
              maxLength={600}
            />
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="form-label form-label--legend">{t('frameworkAdmin.competence.prompts')}</legend>
          <p className="form-hint">{t('frameworkAdmin.competence.promptsHint')}</p>
          {competence.evidencePrompts.map((prompt, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: prompts have no id; their position is what the fields name.
            <div key={index} className="prompt-fields">
              <LocalizedFields
                idPrefix={`competence-prompt-${index}`}
                label={t('frameworkAdmin.field.prompt', { position: index + 1 })}
                value={prompt}
                onChange={(text) =>
                  set({
                    evidencePrompts: competence.evidencePrompts.map((entry, position) =>
                      position === index ? text : entry,
                    ),
                  })
                }
                errors={errorsById}
                maxLength={300}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  set({
                    evidencePrompts: competence.evidencePrompts.filter((_, position) => position !== index),
                  })
                }
              >
                {t('frameworkAdmin.competence.removePrompt', { position: index + 1 })}
              </button>
            </div>
          ))}
          {competence.evidencePrompts.length < maxPrompts ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => set({ evidencePrompts: [...competence.evidencePrompts, { da: '', en: '' }] })}
            >
              {t('frameworkAdmin.competence.addPrompt')}
            </button>
          ) : null}
        </fieldset>
        <FormButtons pending={pending} submitLabel={t('frameworkAdmin.saveDraft')} cancelTo={editorPath} />
      </form>
    </>
  );
}

export function CompetenceEditPage() {
  const { competenceId = '' } = useParams();
  const [search] = useSearchParams();
  return (
    <FreshDraft>
      {(draft) => {
        const { areas } = draft.document;
        if (areas.length === 0) return <NotFoundPage />;
        if (competenceId === 'ny') {
          const asked = search.get('omraade');
          const areaId = areas.some((area) => area.id === asked) ? asked! : areas[0]!.id;
          return <CompetenceForm key="new" draft={draft} original={null} areaId={areaId} />;
        }
        const found = findCompetence(draft.document, competenceId);
        if (!found) return <NotFoundPage />;
        return (
          <CompetenceForm
            key={competenceId}
            draft={draft}
            original={found.competence}
            areaId={found.area.id}
          />
        );
      }}
    </FreshDraft>
  );
}
