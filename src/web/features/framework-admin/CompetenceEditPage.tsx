/**
 * @module Edit or add one competence of a draft: its area (moving it), names, description, what each level looks like
 * and the prompts for examples, in Danish and English. Texts may be left for later; publishing asks for all of them.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Competence } from '../../../domain/framework.ts';
import type { LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import type { EditorState } from './DraftEditorPage.tsx';
import {
  competenceFieldId,
  emptyCompetence,
  findCompetence,
  freeId,
  idFromName,
  idsOf,
  isContentId,
  withCompetence,
} from './draft-editing.ts';
import { FreshDraft, LocalizedFields, saveErrors, useSaveDraft } from './shared.tsx';

const maxPrompts = 5;
const ids = { id: 'competence-id', area: 'competence-area' };

function CompetenceForm(props: { draft: FrameworkVersion; original: Competence | null; areaId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { draft, original } = props;
  const document = draft.document;
  const taken = idsOf(document);
  const [competence, setCompetence] = useState<Competence>(original ?? emptyCompetence('', document.scale));
  const [areaId, setAreaId] = useState(props.areaId);
  const [idTouched, setIdTouched] = useState(false);
  // The revision the form was filled from: a colleague's save since then makes ours a conflict, not an overwrite.
  const [revision] = useState(draft.revision);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const save = useSaveDraft(draft.id);
  const editor = `/admin/kompetenceramme/${draft.id}`;
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const errorsById = Object.fromEntries(
    errors.flatMap((error) => (error.fieldId ? [[error.fieldId, error.message]] : [])),
  );
  const set = (changes: Partial<Competence>) => setCompetence((current) => ({ ...current, ...changes }));

  const setName = (name: LocalizedText) => {
    // A new competence's id follows its Danish name until the administrator writes one.
    if (!original && !idTouched) set({ name, id: freeId(idFromName(name.da), taken) });
    else set({ name });
  };

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!original) {
      if (!competence.id)
        found.push({ fieldId: ids.id, message: t('frameworkAdmin.competence.errors.idRequired') });
      else if (!isContentId(competence.id))
        found.push({ fieldId: ids.id, message: t('frameworkAdmin.competence.errors.idInvalid') });
      else if (taken.has(competence.id))
        found.push({ fieldId: ids.id, message: t('frameworkAdmin.competence.errors.idTaken') });
    }
    if (!competence.name.da.trim())
      found.push({
        fieldId: 'competence-name-da',
        message: t('frameworkAdmin.competence.errors.nameRequired'),
      });
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found = validate();
    if (found.length > 0) return fail(found);
    const next = withCompetence(document, areaId, competence, original?.id);
    save.mutate(
      { revision, document: next },
      {
        onSuccess: async () => {
          const state: EditorState = { saved: competence.name[locale] || competence.name.da };
          await navigate(editor, { state });
        },
        onError: (error) =>
          fail(
            saveErrors(error, next, t, (place) =>
              place.page === 'competence' && place.competenceId === competence.id
                ? competenceFieldId(place.field, competence.levels)
                : undefined,
            ),
          ),
      },
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
        {original ? (
          <p>
            {t('frameworkAdmin.competence.idIs')} <code>{original.id}</code>
          </p>
        ) : (
          <TextField
            id={ids.id}
            name="id"
            label={t('frameworkAdmin.field.id')}
            hint={t('frameworkAdmin.competence.idHint')}
            value={competence.id}
            onChange={(value) => {
              setIdTouched(true);
              set({ id: value.trim() });
            }}
            error={errorsById[ids.id]}
            width="m"
            required
          />
        )}
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
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {save.isPending ? t('frameworkAdmin.saving') : t('frameworkAdmin.saveDraft')}
          </button>
          <Link className="button button--secondary" to={editor}>
            {t('frameworkAdmin.cancel')}
          </Link>
        </div>
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
