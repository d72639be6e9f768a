/** @module A draft's name, description and the scale's level names and meanings, in Danish and English. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { FormButtons, FreshDraft, LocalizedFields, useFormErrors, useSaveAndReturn } from './shared.tsx';

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
  const _navigate = useNavigate();
  const [details, setDetails] = useState<Details>({
    name: draft.document.name,
    description: draft.document.description,
    scale: draft.document.scale,
  });
  const { errors, attempt, fail, byId: errorsById } = useFormErrors();
  const { submit, pending, editorPath } = useSaveAndReturn(draft, fail);
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
    submit({ ...draft.document, ...details }, t('frameworkAdmin.details.savedName'), (place) =>
      place.page === 'framework' ? detailsFieldId(place.field) : undefined,
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
        <FormButtons pending={pending} submitLabel={t('frameworkAdmin.saveDraft')} cancelTo={editorPath} />
      </form>
    </>
  );
}

export function FrameworkDetailsPage() {
  return <FreshDraft>{(draft) => <DetailsForm draft={draft} />}</FreshDraft>;
}
