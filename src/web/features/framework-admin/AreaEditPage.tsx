/** @module Edit or add an area of a draft: its id (when new), names and description in Danish and English. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Area } from '../../../domain/framework.ts';
import type { LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import type { EditorState } from './DraftEditorPage.tsx';
import { freeId, idFromName, idsOf, isContentId, withArea } from './draft-editing.ts';
import { FreshDraft, LocalizedFields, saveErrors, useSaveDraft } from './shared.tsx';

type AreaNames = Omit<Area, 'competences'>;
const idField = 'area-id';

/** The form field of an area's field path: `name.en` → `area-name-en`; undefined for what the form does not show. */
const areaFieldId = (field: string): string | undefined =>
  field === 'id'
    ? idField
    : /^(name|description)\.(da|en)$/.test(field)
      ? `area-${field.replace('.', '-')}`
      : undefined;

function AreaForm({ draft, original }: { draft: FrameworkVersion; original: AreaNames | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const taken = idsOf(draft.document);
  const blank: LocalizedText = { da: '', en: '' };
  const [area, setArea] = useState<AreaNames>(original ?? { id: '', name: blank, description: blank });
  const [idTouched, setIdTouched] = useState(false);
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

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: FormError[] = [];
    if (!original) {
      if (!area.id)
        found.push({ fieldId: idField, message: t('frameworkAdmin.competence.errors.idRequired') });
      else if (!isContentId(area.id))
        found.push({ fieldId: idField, message: t('frameworkAdmin.competence.errors.idInvalid') });
      else if (taken.has(area.id))
        found.push({ fieldId: idField, message: t('frameworkAdmin.competence.errors.idTaken') });
    }
    if (!area.name.da.trim())
      found.push({ fieldId: 'area-name-da', message: t('frameworkAdmin.area.nameRequired') });
    if (found.length > 0) return fail(found);
    const next = withArea(draft.document, area, original?.id);
    save.mutate(
      { revision, document: next },
      {
        onSuccess: async () => {
          const state: EditorState = { saved: area.name[locale] || area.name.da };
          await navigate(editor, { state });
        },
        onError: (error) =>
          fail(
            saveErrors(error, next, t, (place) =>
              place.page === 'area' && place.areaId === area.id ? areaFieldId(place.field) : undefined,
            ),
          ),
      },
    );
  };

  const title = original
    ? t('frameworkAdmin.area.editTitle', { name: original.name[locale] || original.id })
    : t('frameworkAdmin.area.newTitle');
  return (
    <>
      <p className="page-caption">{t('frameworkAdmin.editor.titleShort', { version: draft.version })}</p>
      <PageHeading>{title}</PageHeading>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={title}>
        {original ? (
          <p>
            {t('frameworkAdmin.competence.idIs')} <code>{original.id}</code>
          </p>
        ) : (
          <TextField
            id={idField}
            name="id"
            label={t('frameworkAdmin.field.id')}
            hint={t('frameworkAdmin.competence.idHint')}
            value={area.id}
            onChange={(value) => {
              setIdTouched(true);
              setArea((current) => ({ ...current, id: value.trim() }));
            }}
            error={errorsById[idField]}
            width="m"
            required
          />
        )}
        <LocalizedFields
          idPrefix="area-name"
          label={t('frameworkAdmin.field.name')}
          value={area.name}
          onChange={(name) =>
            setArea((current) => ({
              ...current,
              name,
              id: original || idTouched ? current.id : freeId(idFromName(name.da), taken),
            }))
          }
          errors={errorsById}
          required
        />
        <LocalizedFields
          idPrefix="area-description"
          label={t('frameworkAdmin.field.description')}
          value={area.description}
          onChange={(description) => setArea((current) => ({ ...current, description }))}
          errors={errorsById}
          maxLength={600}
        />
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

export function AreaEditPage() {
  const { areaId = '' } = useParams();
  return (
    <FreshDraft>
      {(draft) => {
        if (areaId === 'ny') return <AreaForm key="new" draft={draft} original={null} />;
        const area = draft.document.areas.find((entry) => entry.id === areaId);
        if (!area) return <NotFoundPage />;
        const { competences: _competences, ...names } = area;
        return <AreaForm key={areaId} draft={draft} original={names} />;
      }}
    </FreshDraft>
  );
}
