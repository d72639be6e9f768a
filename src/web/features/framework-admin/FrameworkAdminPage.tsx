/** @module "Tilpas kompetencerammen": each framework's versions, a new draft from one of them, export and import. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type { FrameworkFile, FrameworkVersionSummary } from '../../../server/contracts/frameworks.ts';
import { ApiError, api, frameworkPath } from '../../api/client.ts';
import { queryKeys, useFrameworks } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { sortVersions } from '../framework/framework-view.ts';
import { previousOf } from './diff-view.ts';
import { fieldInWords, placeOfPath } from './draft-editing.ts';
import { failureText, fieldWords, useFormErrors } from './shared.tsx';

/** The versions of each framework, newest first, under the name of its newest version. */
function byFramework(versions: readonly FrameworkVersionSummary[]) {
  const groups = new Map<string, FrameworkVersionSummary[]>();
  for (const version of sortVersions(versions))
    groups.set(version.key, [...(groups.get(version.key) ?? []), version]);
  return [...groups.values()];
}

function VersionStatusText({ version, locale }: { version: FrameworkVersionSummary; locale: Locale }) {
  const { t } = useTranslation();
  return version.status === 'published' && version.publishedAt ? (
    <span>{t('frameworkAdmin.publishedOn', { date: formatDate(version.publishedAt, locale) })}</span>
  ) : (
    <strong>{t('frameworkAdmin.draft')}</strong>
  );
}

function VersionsTable({
  versions,
  all,
}: {
  versions: FrameworkVersionSummary[];
  all: FrameworkVersionSummary[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const draft = versions.find((version) => version.status === 'draft');
  const name = versions[0]!.name[locale];
  const captionId = `versions-${versions[0]!.key}`;
  const start = useMutation({
    mutationFn: (fromId: string) => api.createDraft(fromId),
    onSuccess: async (created) => {
      queryClient.setQueryData(queryKeys.frameworkVersion(created.id), created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.frameworks, exact: true });
      await navigate(`/admin/kompetenceramme/${created.id}`);
    },
    onError: (error) => setFailure(failureText(error, t)),
  });
  return (
    <section aria-labelledby={`${captionId}-title`}>
      <h2 id={`${captionId}-title`}>{name}</h2>
      {draft ? (
        <p>
          {t('frameworkAdmin.hasDraft', { version: draft.version })}{' '}
          <Link to={`/admin/kompetenceramme/${draft.id}`}>{t('frameworkAdmin.continueDraft')}</Link>
        </p>
      ) : (
        <p>{t('frameworkAdmin.newDraftHint')}</p>
      )}
      <div role="status" className="status-line">
        {failure ? <p className="notice notice--error">{failure}</p> : null}
      </div>
      <ScrollRegion labelledBy={captionId}>
        <table className="table">
          <caption id={captionId} className="table-caption">
            {t('frameworkAdmin.versionsCaption', { name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('frameworkAdmin.version')}</th>
              <th scope="col">{t('frameworkAdmin.status')}</th>
              <th scope="col">{t('frameworkAdmin.content')}</th>
              <th scope="col">{t('frameworkAdmin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const previous = previousOf(version, all);
              const label = t('frameworkAdmin.versionNumber', { version: version.version });
              return (
                <tr key={version.id}>
                  <th scope="row">{label}</th>
                  <td>
                    <VersionStatusText version={version} locale={locale} />
                  </td>
                  <td>
                    {t('frameworkAdmin.contentCounts', {
                      areas: version.areaCount,
                      competences: version.competenceCount,
                    })}
                  </td>
                  <td>
                    <ul className="action-list">
                      {version.status === 'draft' ? (
                        <li>
                          <Link to={`/admin/kompetenceramme/${version.id}`}>
                            {t('frameworkAdmin.editDraft', { version: version.version })}
                          </Link>
                        </li>
                      ) : (
                        <li>
                          <Link to={`/kompetenceramme/${version.id}`}>
                            {t('frameworkAdmin.view', { version: label })}
                          </Link>
                        </li>
                      )}
                      {previous ? (
                        <li>
                          <Link to={`/kompetenceramme/${version.id}/aendringer?fra=${previous.id}`}>
                            {t('frameworkAdmin.changesSince', { version: label, previous: previous.version })}
                          </Link>
                        </li>
                      ) : null}
                      {version.hasReport ? (
                        <li>
                          <Link to={`/admin/kompetenceramme/${version.id}/rapport`}>
                            {t('frameworkAdmin.report', { version: label })}
                          </Link>
                        </li>
                      ) : null}
                      <li>
                        <a href={`${frameworkPath(version.id)}/export`} download>
                          {t('frameworkAdmin.export', { version: label })}
                        </a>
                      </li>
                      {version.status === 'published' && !draft ? (
                        <li>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => {
                              if (!start.isPending) start.mutate(version.id);
                            }}
                          >
                            {t('frameworkAdmin.newDraftFrom', { version: version.version })}
                          </button>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

const fileFieldId = 'framework-import-file';

function ImportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const { errors, attempt, fail } = useFormErrors();
  const upload = useMutation({
    mutationFn: (file: FrameworkFile) => api.importFramework(file),
    onSuccess: async (created) => {
      queryClient.setQueryData(queryKeys.frameworkVersion(created.id), created);
      await queryClient.invalidateQueries({ queryKey: queryKeys.frameworks, exact: true });
      await navigate(`/admin/kompetenceramme/${created.id}`, { state: { imported: true } });
    },
    onError: (error, file) => {
      if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) {
        fail([{ fieldId: fileFieldId, message: failureText(error, t) }]);
        return;
      }
      // Each problem in words: where in the file it is, and what is wrong.
      const words = fieldWords(t);
      // The file as read, not checked: only its areas' and competences' ids are looked up to name the places.
      const document = file.framework as FrameworkDocument;
      fail(
        Object.entries(error.fields).map(([path, message]) => {
          const place = Array.isArray(document?.areas) ? placeOfPath(document, path) : null;
          const where =
            place?.page === 'competence'
              ? `${t('frameworkAdmin.competenceCalled', { id: place.competenceId })}, ${fieldInWords(place.field, words)}`
              : place?.page === 'area'
                ? `${t('frameworkAdmin.areaCalled', { id: place.areaId })}, ${fieldInWords(place.field, words)}`
                : path;
          return { fieldId: fileFieldId, message: `${where}: ${message}` };
        }),
      );
    },
  });
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    const file = fileInput.current?.files?.[0];
    if (!file) return fail([{ fieldId: fileFieldId, message: t('frameworkAdmin.import.chooseFile') }]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return fail([{ fieldId: fileFieldId, message: t('frameworkAdmin.import.notJson') }]);
    }
    upload.mutate(parsed as FrameworkFile);
  };
  const fileError =
    errors.length > 0 ? t('frameworkAdmin.import.failed', { count: errors.length }) : undefined;
  return (
    <section aria-labelledby="framework-import">
      <h2 id="framework-import">{t('frameworkAdmin.import.title')}</h2>
      <p>{t('frameworkAdmin.import.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-labelledby="framework-import"
      >
        <div className={fileError ? 'form-group form-group--error' : 'form-group'}>
          <label className="form-label" htmlFor={fileFieldId}>
            {t('frameworkAdmin.import.file')}
          </label>
          <p className="form-hint" id={`${fileFieldId}-hint`}>
            {t('frameworkAdmin.import.hint')}{' '}
            <a href="/api/frameworks/schema.json">{t('frameworkAdmin.import.schema')}</a>
          </p>
          {fileError ? <FieldError id={`${fileFieldId}-error`} message={fileError} /> : null}
          <input
            ref={fileInput}
            id={fileFieldId}
            className="form-file"
            type="file"
            accept="application/json,.json"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileFieldId}-hint${fileError ? ` ${fileFieldId}-error` : ''}`}
          />
        </div>
        <button type="submit" className="button button--primary">
          {upload.isPending ? t('frameworkAdmin.import.importing') : t('frameworkAdmin.import.submit')}
        </button>
      </form>
    </section>
  );
}

export function FrameworkAdminPage() {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  return (
    <>
      <PageHeading>{t('frameworkAdmin.title')}</PageHeading>
      <p className="lead">{t('frameworkAdmin.intro')}</p>
      <p>
        <Link to="/admin/rolleprofiler">{t('frameworkAdmin.toRoleProfiles')}</Link>
      </p>
      {frameworks.isPending ? (
        <Loading />
      ) : frameworks.isError ? (
        <QueryErrorNotice error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : (
        byFramework(frameworks.data.frameworks).map((versions) => (
          <VersionsTable key={versions[0]!.key} versions={versions} all={frameworks.data.frameworks} />
        ))
      )}
      <ImportForm />
    </>
  );
}
