/** @module Edit or add an area of a draft: its id (when new), names and description in Danish and English. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Area } from '../../../domain/framework.ts';
import type { LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { freeId, idFromName, idsOf, withArea } from './draft-editing.ts';
import {
  FormButtons,
  FreshDraft,
  IdField,
  LocalizedFields,
  newIdProblem,
  useFormErrors,
  useSaveAndReturn,
} from './shared.tsx';

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
  const taken = idsOf(draft.document);
  const blank: LocalizedText = { da: '', en: '' };
  const [area, setArea] = useState<AreaNames>(original ?? { id: '', name: blank, description: blank });
  const [idTouched, setIdTouched] = useState(false);
  const { errors, attempt, fail, byId: errorsById } = useFormErrors();
  const { submit, pending, editorPath } = useSaveAndReturn(draft, fail);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    const idProblem = original ? undefined : newIdProblem(area.id, taken, t);
    if (idProblem) found.push({ fieldId: idField, message: idProblem });
    if (!area.name.da.trim())
      found.push({ fieldId: 'area-name-da', message: t('frameworkAdmin.area.nameRequired') });
    if (found.length > 0) return fail(found);
    submit(withArea(draft.document, area, original?.id), area.name[locale] || area.name.da, (place) =>
      place.page === 'area' && place.areaId === area.id ? areaFieldId(place.field) : undefined,
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
        <IdField
          id={idField}
          isNew={!original}
          label={t('frameworkAdmin.field.id')}
          fixedLabel={t('frameworkAdmin.competence.idIs')}
          hint={t('frameworkAdmin.competence.idHint')}
          value={area.id}
          onChange={(id) => {
            setIdTouched(true);
            setArea((current) => ({ ...current, id }));
          }}
          error={errorsById[idField]}
        />
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
        <FormButtons pending={pending} submitLabel={t('frameworkAdmin.saveDraft')} cancelTo={editorPath} />
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
