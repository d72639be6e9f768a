/**
 * @module The draft editor: the framework's areas and competences with what each still lacks, taking competences out
 * and back, and publishing the draft as a new version (with every problem named and linked when it cannot be yet).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useEditableVersion, useFrameworkVersion } from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import {
  fieldInWords,
  findCompetence,
  missingTexts,
  placeOfPath,
  restoreCompetence,
  retiredSince,
  withoutCompetence,
} from './draft-editing.ts';
import { DraftText, type EditorState, failureText, fieldWords, isConflict, useSaveDraft } from './shared.tsx';

export interface PublishedState {
  published?: boolean;
}

interface Problem {
  to: string;
  text: string;
}

/** The server's reasons a draft cannot be published, each as a link to the page that fixes it. */
function useProblems(draft: FrameworkVersion) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const words = fieldWords(t);
  return (fields: Record<string, string>): Problem[] =>
    Object.entries(fields).map(([path, message]) => {
      const place = placeOfPath(draft.document, path);
      const base = `/admin/kompetenceramme/${draft.id}`;
      if (place.page === 'competence') {
        const found = findCompetence(draft.document, place.competenceId);
        const name = found?.competence.name[locale] || place.competenceId;
        return {
          to: `${base}/kompetence/${place.competenceId}`,
          text: `${name}, ${fieldInWords(place.field, words, found?.competence.levels)}: ${message}`,
        };
      }
      if (place.page === 'area') {
        const area = draft.document.areas.find((entry) => entry.id === place.areaId);
        const name = area?.name[locale] || place.areaId;
        return {
          to: `${base}/omraade/${place.areaId}`,
          text: `${name}, ${fieldInWords(place.field, words)}: ${message}`,
        };
      }
      return { to: `${base}/ramme`, text: `${fieldInWords(place.field, words)}: ${message}` };
    });
}

function ProblemList({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // Focus moves to the list once per failed publication, as to a form's error summary.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list of problems is a new failed attempt.
  useEffect(() => {
    box.current?.focus();
  }, [problems]);
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="publish-problems-title"
      tabIndex={-1}
      ref={box}
    >
      <h2 id="publish-problems-title" className="error-summary-title">
        {t('frameworkAdmin.editor.problemsTitle', { count: problems.length })}
      </h2>
      <ul className="error-summary-list">
        {problems.map((problem) => (
          <li key={`${problem.to}:${problem.text}`}>
            <Link to={problem.to}>{problem.text}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Editor({ draft }: { draft: FrameworkVersion }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const editorState = (location.state as EditorState | null) ?? {};
  const base = useFrameworkVersion(draft.basedOnVersionId ?? undefined);
  const save = useSaveDraft(draft.id);
  const toProblems = useProblems(draft);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<{
    kind: 'success' | 'error';
    text: string;
    conflict?: boolean;
  } | null>(
    editorState.saved
      ? { kind: 'success', text: t('frameworkAdmin.editor.saved', { name: editorState.saved }) }
      : editorState.imported
        ? { kind: 'success', text: t('frameworkAdmin.editor.imported') }
        : null,
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const document = draft.document;
  const path = `/admin/kompetenceramme/${draft.id}`;

  const change = (next: FrameworkDocument, done: string) => {
    if (save.isPending) return;
    setProblems([]);
    save.mutate(
      { revision: draft.revision, document: next },
      {
        onSuccess: () => setOutcome({ kind: 'success', text: done }),
        onError: (error) =>
          setOutcome({ kind: 'error', text: failureText(error, t), conflict: isConflict(error) }),
      },
    );
  };

  const publish = useMutation({
    mutationFn: () => api.publishDraft(draft.id, draft.revision),
    onSuccess: async (published) => {
      queryClient.removeQueries({ queryKey: queryKeys.frameworkVersion(draft.id), exact: true });
      await queryClient.invalidateQueries({ queryKey: queryKeys.frameworks, exact: true });
      await queryClient.invalidateQueries({ queryKey: queryKeys.roleProfiles });
      queryClient.setQueryData(queryKeys.publishReport(draft.id), published.report);
      const state: PublishedState = { published: true };
      await navigate(`${path}/rapport`, { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'framework_invalid') {
        setOutcome(null);
        setProblems(toProblems(error.fields));
      } else setOutcome({ kind: 'error', text: failureText(error, t), conflict: isConflict(error) });
    },
  });

  const remove = useMutation({
    mutationFn: () => api.deleteDraft(draft.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.frameworkVersion(draft.id), exact: true });
      await queryClient.invalidateQueries({ queryKey: queryKeys.frameworks, exact: true });
      await navigate('/admin/kompetenceramme');
    },
    onError: (error) => setOutcome({ kind: 'error', text: failureText(error, t) }),
  });

  const retired = base.data ? retiredSince(base.data.document, document) : [];
  const name = document.name[locale] || t('frameworkAdmin.unnamed');

  return (
    <>
      <p className="page-caption">{t('frameworkAdmin.editor.caption')}</p>
      <PageHeading title={t('frameworkAdmin.editor.documentTitle', { name, version: draft.version })}>
        {t('frameworkAdmin.editor.title', { name, version: draft.version })}
      </PageHeading>
      <p className="muted">
        {base.data
          ? t('frameworkAdmin.editor.basedOn', { version: base.data.version })
          : t('frameworkAdmin.editor.notBased')}
      </p>
      <p className="lead">{t('frameworkAdmin.editor.intro')}</p>

      {problems.length > 0 ? <ProblemList problems={problems} /> : null}
      <div role="status" className="status-line">
        {outcome ? (
          <div className={outcome.kind === 'success' ? 'notice notice--success' : 'notice notice--error'}>
            <p>{outcome.text}</p>
            {outcome.conflict ? (
              <p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setOutcome(null);
                    void queryClient.invalidateQueries({
                      queryKey: queryKeys.frameworkVersion(draft.id),
                      exact: true,
                    });
                  }}
                >
                  {t('frameworkAdmin.reload')}
                </button>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>

      <section aria-labelledby="editor-framework" className="editor-section">
        <h2 id="editor-framework">{t('frameworkAdmin.editor.frameworkTitle')}</h2>
        <dl className="summary-list">
          <div className="summary-list-row">
            <dt>{t('frameworkAdmin.field.name')}</dt>
            <dd>
              <DraftText text={document.name} language={locale} />
            </dd>
          </div>
          <div className="summary-list-row">
            <dt>{t('frameworkAdmin.field.scale')}</dt>
            <dd>{document.scale.levels.map((entry) => entry.name[locale] || entry.level).join(' · ')}</dd>
          </div>
        </dl>
        <p>
          <Link to={`${path}/ramme`}>{t('frameworkAdmin.editor.editFramework')}</Link>
        </p>
      </section>

      {document.areas.map((area) => (
        <section key={area.id} aria-labelledby={`editor-area-${area.id}`} className="editor-section area">
          <h2 id={`editor-area-${area.id}`} className="area-title">
            <DraftText text={area.name} language={locale} />
          </h2>
          <p>
            <Link to={`${path}/omraade/${area.id}`}>
              {t('frameworkAdmin.editor.editArea', { name: area.name[locale] || area.id })}
            </Link>
          </p>
          {area.competences.length === 0 ? (
            <p className="muted">{t('frameworkAdmin.editor.noCompetences')}</p>
          ) : null}
          <ul className="editor-list">
            {area.competences.map((competence) => {
              const missing = missingTexts(competence);
              const competenceName = competence.name[locale] || competence.id;
              return (
                <li key={competence.id} className="editor-item">
                  <span className="editor-item-name">
                    <DraftText text={competence.name} language={locale} />
                  </span>{' '}
                  {missing > 0 ? (
                    <span className="tag tag--warning">
                      {t('frameworkAdmin.editor.missing', { count: missing })}
                    </span>
                  ) : null}
                  <span className="editor-item-actions">
                    <Link to={`${path}/kompetence/${competence.id}`}>
                      {t('frameworkAdmin.editor.editCompetence', { name: competenceName })}
                    </Link>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() =>
                        change(
                          withoutCompetence(document, competence.id),
                          t('frameworkAdmin.editor.retired', { name: competenceName }),
                        )
                      }
                    >
                      {t('frameworkAdmin.editor.retire', { name: competenceName })}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <p>
            <Link to={`${path}/kompetence/ny?omraade=${area.id}`}>
              {t('frameworkAdmin.editor.addCompetence', { name: area.name[locale] || area.id })}
            </Link>
          </p>
        </section>
      ))}
      <p>
        <Link to={`${path}/omraade/ny`}>{t('frameworkAdmin.editor.addArea')}</Link>
      </p>

      {retired.length > 0 ? (
        <section aria-labelledby="editor-retired" className="editor-section">
          <h2 id="editor-retired">{t('frameworkAdmin.editor.retiredTitle')}</h2>
          <p>{t('frameworkAdmin.editor.retiredIntro', { version: base.data?.version })}</p>
          <ul className="editor-list">
            {retired.map(({ competence, areaName }) => (
              <li key={competence.id} className="editor-item">
                <span className="editor-item-name">{competence.name[locale]}</span>{' '}
                <span className="muted">({areaName[locale]})</span>
                <span className="editor-item-actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() =>
                      base.data &&
                      change(
                        restoreCompetence(document, base.data.document, competence.id),
                        t('frameworkAdmin.editor.restored', { name: competence.name[locale] }),
                      )
                    }
                  >
                    {t('frameworkAdmin.editor.restore', { name: competence.name[locale] })}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="editor-publish" className="editor-section">
        <h2 id="editor-publish">{t('frameworkAdmin.editor.publishTitle')}</h2>
        <p>{t('frameworkAdmin.editor.publishIntro', { version: draft.version })}</p>
        {draft.basedOnVersionId ? (
          <p>
            <Link to={`/kompetenceramme/${draft.id}/aendringer?fra=${draft.basedOnVersionId}`}>
              {t('frameworkAdmin.editor.seeChanges', { version: base.data?.version ?? '' })}
            </Link>
          </p>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              if (!publish.isPending && !save.isPending) publish.mutate();
            }}
          >
            {publish.isPending
              ? t('frameworkAdmin.editor.publishing')
              : t('frameworkAdmin.editor.publish', { version: draft.version })}
          </button>
          {confirmDelete ? null : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmDelete(true)}>
              {t('frameworkAdmin.editor.delete')}
            </button>
          )}
        </div>
        {confirmDelete ? (
          <fieldset className="notice fieldset">
            <legend className="form-label">
              {t('frameworkAdmin.editor.deleteQuestion', { version: draft.version })}
            </legend>
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                // biome-ignore lint/a11y/noAutofocus: the question appears where the pressed button was; focus follows it.
                autoFocus
                onClick={() => {
                  if (!remove.isPending) remove.mutate();
                }}
              >
                {t('frameworkAdmin.editor.deleteConfirm')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmDelete(false)}
              >
                {t('frameworkAdmin.editor.deleteCancel')}
              </button>
            </div>
          </fieldset>
        ) : null}
      </section>
    </>
  );
}

/** A published version cannot change: the page says so instead of showing an editor. */
function Frozen({ version }: { version: FrameworkVersion }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('frameworkAdmin.editor.frozenTitle', { version: version.version })}</PageHeading>
      <p>{t('frameworkAdmin.editor.frozenText')}</p>
      <p>
        <Link to={`/kompetenceramme/${version.id}`}>{t('frameworkAdmin.editor.frozenView')}</Link>
      </p>
      <p>
        <Link to="/admin/kompetenceramme">{t('frameworkAdmin.backToVersions')}</Link>
      </p>
    </>
  );
}

export function DraftEditorPage() {
  const { versionId = '' } = useParams();
  const valid = isVersionId(versionId);
  const version = useEditableVersion(valid ? versionId : '');
  if (!valid || (version.isError && version.error instanceof ApiError && version.error.status === 404))
    return <NotFoundPage />;
  if (version.isPending) return <Loading />;
  if (version.isError)
    return <QueryErrorNotice error={version.error} onRetry={() => void version.refetch()} />;
  return version.data.status === 'draft' ? (
    <Editor draft={version.data} />
  ) : (
    <Frozen version={version.data} />
  );
}
