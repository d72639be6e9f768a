/**
 * @module Create or change a role profile: its names and description, and a target level for every competence of its
 * framework version, chosen per area. Rounds already started keep the targets they began with.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersion, RoleProfile } from '../../../server/contracts/frameworks.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useFrameworkVersion, useRoleProfiles } from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { idFromName, isContentId } from './draft-editing.ts';
import { FormButtons, failureText, IdField, LocalizedFields, languages, useFormErrors } from './shared.tsx';

export interface RoleProfileSavedState {
  saved?: string;
}

const keyField = 'role-key';
const targetField = (competenceId: string) => `target-${competenceId}`;

/** The form field of a field path the server names: `targets.medbetjening`, `name.en`, `key`. */
function roleFieldId(path: string): string | undefined {
  if (path === 'key') return keyField;
  if (path.startsWith('targets.')) return targetField(path.slice('targets.'.length));
  const text = /^(name|description)\.(da|en)$/.exec(path);
  return text ? `role-${text[1]}-${text[2]}` : undefined;
}

function RoleProfileForm(props: {
  version: FrameworkVersion;
  original: RoleProfile | null;
  takenKeys: Set<string>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { version, original } = props;
  const competences = version.document.areas.flatMap((area) => area.competences);
  const blank: LocalizedText = { da: '', en: '' };
  const [key, setKey] = useState(original?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [name, setName] = useState<LocalizedText>(original?.name ?? blank);
  const [description, setDescription] = useState<LocalizedText>(original?.description ?? blank);
  const [targets, setTargets] = useState<Record<string, string>>(
    Object.fromEntries(competences.map((entry) => [entry.id, String(original?.targets[entry.id] ?? '')])),
  );
  const { errors, attempt, fail, byId: errorsById } = useFormErrors();
  const list = `/admin/rolleprofiler?version=${version.id}`;

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        description,
        targets: Object.fromEntries(Object.entries(targets).map(([id, level]) => [id, Number(level)])),
      };
      return original
        ? api.updateRoleProfile(original.id, { revision: original.revision, ...body })
        : api.createRoleProfile({ frameworkVersionId: version.id, key, ...body });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.roleProfiles });
      const state: RoleProfileSavedState = { saved: saved.name[locale] };
      await navigate(list, { state });
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) {
        fail([{ message: failureText(error, t) }]);
        return;
      }
      fail(
        Object.entries(error.fields).map(([path, message]) => {
          const fieldId = roleFieldId(path);
          return fieldId ? { fieldId, message } : { message };
        }),
      );
    },
  });

  const validate = (): FormError[] => {
    const found: FormError[] = [];
    if (!original) {
      if (!key) found.push({ fieldId: keyField, message: t('roleProfiles.errors.keyRequired') });
      else if (!isContentId(key))
        found.push({ fieldId: keyField, message: t('frameworkAdmin.competence.errors.idInvalid') });
      else if (props.takenKeys.has(key))
        found.push({ fieldId: keyField, message: t('roleProfiles.errors.keyTaken') });
    }
    for (const [field, text] of [
      ['name', name],
      ['description', description],
    ] as const) {
      for (const language of languages) {
        if (!text[language].trim())
          found.push({
            fieldId: `role-${field}-${language}`,
            message: t(`roleProfiles.errors.${field}Required`),
          });
      }
    }
    for (const competence of competences) {
      if (!targets[competence.id])
        found.push({
          fieldId: targetField(competence.id),
          message: t('roleProfiles.errors.targetRequired', { name: competence.name[locale] }),
        });
    }
    return found;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found = validate();
    if (found.length > 0) return fail(found);
    save.mutate();
  };

  const title = original
    ? t('roleProfiles.editTitle', { name: original.name[locale] })
    : t('roleProfiles.newTitle', { version: version.version });
  return (
    <>
      <p className="page-caption">
        {t('rounds.new.frameworkOption', { name: version.document.name[locale], version: version.version })}
      </p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('roleProfiles.formIntro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={title}>
        <IdField
          id={keyField}
          isNew={!original}
          label={t('roleProfiles.key')}
          fixedLabel={t('roleProfiles.keyIs')}
          hint={t('roleProfiles.keyHint')}
          value={key}
          onChange={(value) => {
            setKeyTouched(true);
            setKey(value);
          }}
          error={errorsById[keyField]}
        />
        <LocalizedFields
          idPrefix="role-name"
          label={t('roleProfiles.name')}
          value={name}
          onChange={(value) => {
            setName(value);
            if (!original && !keyTouched) setKey(idFromName(value.da));
          }}
          errors={errorsById}
          required
        />
        <LocalizedFields
          idPrefix="role-description"
          label={t('roleProfiles.description')}
          value={description}
          onChange={setDescription}
          errors={errorsById}
          maxLength={500}
          required
        />
        <h2>{t('roleProfiles.targetsTitle')}</h2>
        <p>{t('roleProfiles.targetsIntro')}</p>
        {version.document.areas.map((area) => (
          <fieldset key={area.id} className="fieldset target-fieldset">
            <legend className="form-label form-label--legend">{area.name[locale]}</legend>
            {area.competences.map((competence) => {
              const id = targetField(competence.id);
              const error = errorsById[id];
              return (
                <div key={competence.id} className={error ? 'form-group form-group--error' : 'form-group'}>
                  <label className="form-label" htmlFor={id}>
                    {competence.name[locale]}
                  </label>
                  {error ? <FieldError id={`${id}-error`} message={error} /> : null}
                  <select
                    id={id}
                    className="form-select form-select--m"
                    value={targets[competence.id] ?? ''}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(event) =>
                      setTargets((current) => ({ ...current, [competence.id]: event.target.value }))
                    }
                  >
                    <option value="">{t('roleProfiles.chooseTarget')}</option>
                    {version.document.scale.levels.map((level) => (
                      <option key={level.level} value={String(level.level)}>
                        {t('framework.levelLabel', { level: level.level, name: level.name[locale] })}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </fieldset>
        ))}
        <FormButtons pending={save.isPending} submitLabel={t('roleProfiles.save')} cancelTo={list} />
      </form>
    </>
  );
}

export function RoleProfileEditPage() {
  const { roleProfileId = '' } = useParams();
  const [search] = useSearchParams();
  const roleProfiles = useRoleProfiles();
  const isNew = roleProfileId === 'ny';
  const original = roleProfiles.data?.roleProfiles.find((profile) => profile.id === roleProfileId) ?? null;
  const asked = search.get('version');
  const versionId = isNew ? (asked && isVersionId(asked) ? asked : undefined) : original?.frameworkVersionId;
  const version = useFrameworkVersion(versionId);
  if (!isNew && !isVersionId(roleProfileId)) return <NotFoundPage />;
  if (roleProfiles.isError)
    return <QueryErrorNotice error={roleProfiles.error} onRetry={() => void roleProfiles.refetch()} />;
  if (roleProfiles.isPending) return <Loading />;
  if ((!isNew && !original) || !versionId) return <NotFoundPage />;
  if (version.isError)
    return <QueryErrorNotice error={version.error} onRetry={() => void version.refetch()} />;
  if (version.isPending) return <Loading />;
  if (version.data.status !== 'published') return <NotFoundPage />;
  const takenKeys = new Set(
    roleProfiles.data.roleProfiles
      .filter((profile) => profile.frameworkVersionId === versionId)
      .map((profile) => profile.key),
  );
  return (
    <RoleProfileForm key={roleProfileId} version={version.data} original={original} takenKeys={takenKeys} />
  );
}
