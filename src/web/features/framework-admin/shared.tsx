/** @module Pieces the framework administration pages share: a text in both languages, saving a draft, words for fields. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { LocalizedText } from '../../../domain/text.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useEditableVersion } from '../../api/queries.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import {
  type FieldWords,
  fieldInWords,
  isContentId,
  type ProblemPlace,
  placeOfPath,
} from './draft-editing.ts';

export const languages = ['da', 'en'] as const;

/** A name or description in Danish and English, as two fields: `${idPrefix}-da` and `${idPrefix}-en`. */
export function LocalizedFields(props: {
  idPrefix: string;
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  errors: Partial<Record<string, string>>;
  /** A textarea with a character counter instead of a one-line field. */
  maxLength?: number;
  hint?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {languages.map((language) => {
        const id = `${props.idPrefix}-${language}`;
        const label = t('frameworkAdmin.inLanguage', {
          label: props.label,
          language: t(`frameworkAdmin.language.${language}`),
        });
        const change = (text: string) => props.onChange({ ...props.value, [language]: text });
        return props.maxLength ? (
          <CharacterCountedTextArea
            key={language}
            id={id}
            label={label}
            hint={props.hint}
            value={props.value[language]}
            onChange={change}
            maxLength={props.maxLength}
            error={props.errors[id]}
            rows={3}
            required={props.required && language === 'da'}
          />
        ) : (
          <TextField
            key={language}
            id={id}
            name={id}
            label={label}
            hint={props.hint}
            value={props.value[language]}
            onChange={change}
            error={props.errors[id]}
            required={props.required && language === 'da'}
          />
        );
      })}
    </>
  );
}

/** Saves a draft's whole document over the revision the page read; the cache then holds the saved version. */
export function useSaveDraft(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ revision, document }: { revision: number; document: FrameworkDocument }) =>
      api.saveDraft(versionId, { revision, document }),
    onSuccess: async (saved: FrameworkVersion) => {
      queryClient.setQueryData(queryKeys.frameworkVersion(versionId), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.frameworks, exact: true });
    },
  });
}

/** A failed save or publication in words: someone else's newer save, or the server's own message. */
export function failureText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'conflict') return t('frameworkAdmin.conflict');
  return error instanceof ApiError && error.message ? error.message : t('errors.generic.text');
}

export const isConflict = (error: unknown): boolean => error instanceof ApiError && error.code === 'conflict';

/**
 * A failed save as the form's errors: each of the server's field messages beside the form's own field when
 * `fieldIdOf` knows it, otherwise at the top, saying in words where it is.
 */
export function saveErrors(
  error: unknown,
  sent: FrameworkDocument,
  t: TFunction,
  fieldIdOf: (place: ProblemPlace) => string | undefined,
): FormError[] {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) {
    return [{ message: failureText(error, t) }];
  }
  const words = fieldWords(t);
  return Object.entries(error.fields).map(([path, message]) => {
    const place = placeOfPath(sent, path);
    const fieldId = fieldIdOf(place);
    return fieldId ? { fieldId, message } : { message: `${fieldInWords(place.field, words)}: ${message}` };
  });
}

/** The words {@link fieldInWords} needs, in the reader's language. */
export function fieldWords(t: TFunction): FieldWords {
  return {
    name: t('frameworkAdmin.field.name'),
    description: t('frameworkAdmin.field.description'),
    id: t('frameworkAdmin.field.id'),
    levels: t('frameworkAdmin.field.levels'),
    level: (level) => t('frameworkAdmin.field.level', { level }),
    prompt: (position) => t('frameworkAdmin.field.prompt', { position }),
    scale: t('frameworkAdmin.field.scale'),
    scaleLevel: (level) => t('frameworkAdmin.field.scaleLevel', { level }),
    cannotAssess: t('frameworkAdmin.field.cannotAssess'),
    meaning: t('frameworkAdmin.field.meaning'),
    key: t('frameworkAdmin.field.key'),
    language: { da: t('frameworkAdmin.language.da'), en: t('frameworkAdmin.language.en') },
    whole: t('frameworkAdmin.field.whole'),
  };
}

/** A text that may still be empty in a draft, shown with a word instead of nothing. */
export function DraftText({ text, language }: { text: LocalizedText; language: 'da' | 'en' }) {
  const { t } = useTranslation();
  return text[language].trim() ? (
    text[language]
  ) : (
    <span className="muted">{t('frameworkAdmin.unnamed')}</span>
  );
}

/**
 * The draft of the page's `:versionId`, read afresh before a form is filled from it (not as cached when the editor was
 * opened), so a colleague's save since then is part of it. A published version or an unknown id is "not found".
 */
export function FreshDraft({ children }: { children: (draft: FrameworkVersion) => ReactNode }) {
  const { versionId = '' } = useParams();
  const valid = isVersionId(versionId);
  const version = useEditableVersion(valid ? versionId : '');
  if (!valid) return <NotFoundPage />;
  if (version.isError)
    return <QueryErrorNotice error={version.error} onRetry={() => void version.refetch()} />;
  if (version.isPending || !version.isFetchedAfterMount) return <Loading />;
  if (version.data.status !== 'draft') return <NotFoundPage />;
  return children(version.data);
}

/** A form's errors: the list for the summary, a bump per failed attempt (to move focus), and each field's message. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const byId: Record<string, string> = Object.fromEntries(
    errors.flatMap((error) => (error.fieldId ? [[error.fieldId, error.message]] : [])),
  );
  return { errors, attempt, fail, byId };
}

/** What is wrong with the id of a new area or competence, if anything. */
export function newIdProblem(id: string, taken: ReadonlySet<string>, t: TFunction): string | undefined {
  if (!id) return t('frameworkAdmin.competence.errors.idRequired');
  if (!isContentId(id)) return t('frameworkAdmin.competence.errors.idInvalid');
  if (taken.has(id)) return t('frameworkAdmin.competence.errors.idTaken');
  return undefined;
}

/** The end of an editing form: save, or go back without saving. */
export function FormButtons(props: { pending: boolean; submitLabel: string; cancelTo: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary">
        {props.pending ? t('frameworkAdmin.saving') : props.submitLabel}
      </button>
      <Link className="button button--secondary" to={props.cancelTo}>
        {t('frameworkAdmin.cancel')}
      </Link>
    </div>
  );
}

/** What the editor's pages tell the editor after they saved, so it can say so. */
export interface EditorState {
  saved?: string;
  imported?: boolean;
}

/**
 * Saving a form's change into the draft: over the revision the form was filled from, then back to the editor saying
 * what was saved; a refusal becomes the form's errors, beside the fields `fieldIdOf` knows.
 */
export function useSaveAndReturn(draft: FrameworkVersion, fail: (found: FormError[]) => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveDraft(draft.id);
  // A colleague's save since the form was filled makes ours a conflict, not an overwrite.
  const [revision] = useState(draft.revision);
  const editorPath = `/admin/kompetenceramme/${draft.id}`;
  const submit = (
    next: FrameworkDocument,
    savedName: string,
    fieldIdOf: (place: ProblemPlace) => string | undefined,
  ) => {
    if (save.isPending) return;
    save.mutate(
      { revision, document: next },
      {
        onSuccess: async () => {
          const state: EditorState = { saved: savedName };
          await navigate(editorPath, { state });
        },
        onError: (error) => fail(saveErrors(error, next, t, fieldIdOf)),
      },
    );
  };
  return { submit, pending: save.isPending, editorPath };
}

/** The stable id of a new area, competence or role profile; once saved, it is only shown. */
export function IdField(props: {
  id: string;
  isNew: boolean;
  label: string;
  fixedLabel: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return props.isNew ? (
    <TextField
      id={props.id}
      name={props.id}
      label={props.label}
      hint={props.hint}
      value={props.value}
      onChange={(value) => props.onChange(value.trim())}
      error={props.error}
      width="m"
      required
    />
  ) : (
    <p>
      {props.fixedLabel} <code>{props.value}</code>
    </p>
  );
}
