/** @module A draft's name, description and the scale's level names and meanings, in Danish and English. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import type { EditorState } from './DraftEditorPage.tsx';
import { FreshDraft, LocalizedFields, saveErrors, useSaveDraft } from './shared.tsx';

type Details = Pick<FrameworkDocument, 'name' | 'description' | 'scale'>;

/** The form field of a framework field path: `scale.levels.1.meaning.en` → `scale-2-meaning-en`. */
function detailsFieldId(field: string): string | undefined {
  const own = /^(name|description)\.(da|en)$/.exec(field);
  if (own) return `framework-${own[1]}-${own[2]}`;
  const level = /^scale\.levels\.(\d+)\.(name|meaning)\.(da|en)$/.exec(field);
  if (level) return `scale-${Number(level[1]) + 1}-${level[2]}-${level[3]}`;
  const cannot = /^scale\.cannotAssess\.(name|meaning)\.(da|en)$/.exec(field);
  return cannot ? `scale-cannot-${cannot[1]}-${cannot[2]}` : undefined;
}

function DetailsForm({ draft }: { draft: FrameworkVersion }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [details, setDetails] = useState<Details>({
    name: draft.document.name,
    description: draft.document.description,
    scale: draft.document.scale,
  });
  const [revision] = useState(draft.revision);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const save = useSaveDraft(draft.id);
  const editor = `/admin/kompetenceramme/${draft.id}`;
  const errorsById = Object.fromEntries(
    errors.flatMap((error) => (error.fieldId ? [[error.fieldId, error.message]] : [])),
  );
  const setLevel = (index: number, changes: Partial<Details['scale']['levels'][number]>) =>
    setDetails((current) => ({
      ...current,
      scale: {
        ...current.scale,
        levels: current.scale.levels.map((entry, position) =>
          position === index ? { ...entry, ...changes } : entry,
        ),
      },
    }));
  const setCannotAssess = (changes: Partial<Details['scale']['cannotAssess']>) =>
    setDetails((current) => ({
      ...current,
      scale: { ...current.scale, cannotAssess: { ...current.scale.cannotAssess, ...changes } },
    }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const next = { ...draft.document, ...details };
    save.mutate(
      { revision, document: next },
      {
        onSuccess: async () => {
          const state: EditorState = { saved: t('frameworkAdmin.details.savedName') };
          await navigate(editor, { state });
        },
        onError: (error) => {
          setErrors(
            saveErrors(error, next, t, (place) =>
              place.page === 'framework' ? detailsFieldId(place.field) : undefined,
            ),
          );
          setAttempt((count) => count + 1);
        },
      },
    );
  };

  const title = t('frameworkAdmin.details.title');
  return (
    <>
      <p className="page-caption">{t('frameworkAdmin.editor.titleShort', { version: draft.version })}</p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('frameworkAdmin.details.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={title}>
        <LocalizedFields
          idPrefix="framework-name"
          label={t('frameworkAdmin.field.name')}
          value={details.name}
          onChange={(name) => setDetails((current) => ({ ...current, name }))}
          errors={errorsById}
        />
        <LocalizedFields
          idPrefix="framework-description"
          label={t('frameworkAdmin.field.description')}
          value={details.description}
          onChange={(description) => setDetails((current) => ({ ...current, description }))}
          errors={errorsById}
          maxLength={1000}
        />
        <h2>{t('frameworkAdmin.field.scale')}</h2>
        <p>{t('frameworkAdmin.details.scaleIntro', { count: details.scale.levels.length })}</p>
        {details.scale.levels.map((entry, index) => (
          <fieldset key={entry.level} className="fieldset">
            <legend className="form-label form-label--legend">
              {t('frameworkAdmin.field.scaleLevel', { level: entry.level })}
            </legend>
            <LocalizedFields
              idPrefix={`scale-${entry.level}-name`}
              label={t('frameworkAdmin.field.name')}
              value={entry.name}
              onChange={(name) => setLevel(index, { name })}
              errors={errorsById}
            />
            <LocalizedFields
              idPrefix={`scale-${entry.level}-meaning`}
              label={t('frameworkAdmin.field.meaningLabel')}
              value={entry.meaning}
              onChange={(meaning) => setLevel(index, { meaning })}
              errors={errorsById}
              maxLength={300}
            />
          </fieldset>
        ))}
        <fieldset className="fieldset">
          <legend className="form-label form-label--legend">{t('frameworkAdmin.field.cannotAssess')}</legend>
          <LocalizedFields
            idPrefix="scale-cannot-name"
            label={t('frameworkAdmin.field.name')}
            value={details.scale.cannotAssess.name}
            onChange={(name) => setCannotAssess({ name })}
            errors={errorsById}
          />
          <LocalizedFields
            idPrefix="scale-cannot-meaning"
            label={t('frameworkAdmin.field.meaningLabel')}
            value={details.scale.cannotAssess.meaning}
            onChange={(meaning) => setCannotAssess({ meaning })}
            errors={errorsById}
            maxLength={300}
          />
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

export function FrameworkDetailsPage() {
  return <FreshDraft>{(draft) => <DetailsForm draft={draft} />}</FreshDraft>;
}
