/** @module Forberedelse: the caller's own preparation (private until shared) and the other party's, once shared. */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { ConversationDetail, Preparation } from '../../../server/contracts/conversations.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, usePreparation } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { maxChosenCompetences, musThemeIds } from './conversation-form.ts';
import {
  competenceNames,
  type Outcome,
  Section,
  StatusLine,
  useConversationChanged,
  useErrorText,
} from './shared.tsx';

type Theme = (typeof musThemeIds)[number];
type Answers = Partial<Record<Theme, string>>;
const answerMax = 4000;
const competencesId = 'preparation-competences';
const themeId = (theme: Theme) => `preparation-${theme}`;
const competenceId = (id: string) => `preparation-competence-${id}`;

export function PreparationSection({
  detail,
  framework,
}: {
  detail: ConversationDetail;
  framework: FrameworkDocument;
}) {
  const { t } = useTranslation();
  const viewer = useCurrentUser();
  const own = usePreparation(detail.conversation.id);
  const { conversation } = detail;
  const otherName =
    conversation.myRole === 'employee' ? conversation.leader.name : conversation.employee.name;
  const others = detail.preparations.filter((preparation) => preparation.author.id !== viewer.id);
  const shared = others.filter((preparation) => preparation.state === 'shared');
  return (
    <Section id="conversation-preparation" title={t('conversations.preparation.title')}>
      <p>
        {conversation.myRole === 'employee'
          ? t('conversations.preparation.introEmployee')
          : t('conversations.preparation.introLeader', { name: conversation.employee.name })}
      </p>
      {shared.length ? (
        shared.map((preparation) => (
          <SharedPreparation key={preparation.author.id} preparation={preparation} framework={framework} />
        ))
      ) : (
        <p className="muted">{t('conversations.preparation.notShared', { name: otherName })}</p>
      )}
      <h3>{t('conversations.preparation.ownTitle')}</h3>
      {own.isPending ? (
        <Loading />
      ) : own.isError ? (
        <QueryErrorNotice error={own.error} onRetry={() => void own.refetch()} />
      ) : conversation.stage === 'signed' ? (
        <SharedPreparation preparation={own.data} framework={framework} own />
      ) : (
        <PreparationForm detail={detail} initial={own.data} framework={framework} otherName={otherName} />
      )}
    </Section>
  );
}

function SharedPreparation({
  preparation,
  framework,
  own = false,
}: {
  preparation: Preparation;
  framework: FrameworkDocument;
  own?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const names = competenceNames(framework, locale);
  const answered = musThemeIds.filter((theme) => preparation.answers[theme]?.trim());
  return (
    <div className="preparation-shared">
      {own ? null : (
        <h3>
          {t('conversations.preparation.sharedBy', { name: preparation.author.name })}
          {preparation.sharedAt ? (
            <span className="muted"> · {formatDate(preparation.sharedAt, locale)}</span>
          ) : null}
        </h3>
      )}
      {answered.length === 0 && preparation.chosenCompetenceIds.length === 0 ? (
        <p>{t('conversations.preparation.nothingWritten')}</p>
      ) : null}
      {answered.length ? (
        <dl className="answer-pairs">
          {answered.map((theme) => (
            <div key={theme}>
              <dt>{t(`conversations.themes.${theme}.label`)}</dt>
              <dd className="pre-line">{preparation.answers[theme]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {preparation.chosenCompetenceIds.length ? (
        <>
          <p className="answer-pairs-title">{t('conversations.preparation.chosenTitle')}</p>
          <ol className="chosen-list">
            {preparation.chosenCompetenceIds.map((id) => (
              <li key={id}>{names.get(id) ?? id}</li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function PreparationForm(props: {
  detail: ConversationDetail;
  initial: Preparation;
  framework: FrameworkDocument;
  otherName: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const conversationId = props.detail.conversation.id;
  const changed = useConversationChanged(conversationId);
  const errorText = useErrorText();
  const [saved, setSaved] = useState(props.initial);
  const [answers, setAnswers] = useState<Answers>(() => ({ ...props.initial.answers }));
  const [chosen, setChosen] = useState<string[]>(() => [...props.initial.chosenCompetenceIds]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<Preparation | null>(null);
  const [busy, setBusy] = useState(false);
  /** Where a message about the choice of competences links to: the first chosen, or the first on the list. */
  const competenceTarget = competenceId(chosen[0] ?? props.framework.areas[0]?.competences[0]?.id ?? '');

  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };

  const accept = async (preparation: Preparation) => {
    setSaved(preparation);
    queryClient.setQueryData(queryKeys.preparation(conversationId), preparation);
    await changed();
  };

  const save = async (share: boolean, version = saved.version) => {
    if (busy) return;
    if (chosen.length > maxChosenCompetences) {
      fail([
        {
          fieldId: competenceTarget,
          message: t('conversations.preparation.tooMany', { count: maxChosenCompetences }),
        },
      ]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const body = {
        version,
        answers: Object.fromEntries(Object.entries(answers).filter(([, text]) => text?.trim())),
        chosenCompetenceIds: chosen,
      };
      let preparation = await api.savePreparation(conversationId, body);
      if (share) preparation = await api.sharePreparation(conversationId, preparation.version);
      setConflict(null);
      await accept(preparation);
      setOutcome({
        kind: 'success',
        text: share
          ? t('conversations.preparation.sharedNow', { name: props.otherName })
          : t('conversations.preparation.savedNow', { time: formatTime(new Date(), locale) }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const latest = await api.preparation(conversationId).catch(() => saved);
        setConflict(latest);
        setOutcome({ kind: 'error', text: t('conversations.conflict.short') });
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(
          Object.entries(error.fields).map(([path, message]) => {
            const [head, theme] = path.split('.');
            if (head === 'answers' && musThemeIds.some((known) => known === theme))
              return { fieldId: themeId(theme as Theme), message };
            if (head === 'chosenCompetenceIds') return { fieldId: competenceTarget, message };
            return { message };
          }),
        );
      } else {
        setOutcome({ kind: 'error', text: errorText(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void save(submitter?.getAttribute('value') === 'share');
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((current) =>
      on ? [...current.filter((entry) => entry !== id), id] : current.filter((entry) => entry !== id),
    );
  const competenceError = errors.find((error) =>
    error.fieldId?.startsWith('preparation-competence-'),
  )?.message;
  const tooMany = chosen.length >= maxChosenCompetences;

  return (
    <>
      <p className="notice notice--info privacy-note">
        {saved.state === 'shared' && saved.sharedAt
          ? t('conversations.preparation.sharedOn', {
              name: props.otherName,
              date: formatDate(saved.sharedAt, locale),
            })
          : t('conversations.preparation.private')}
      </p>
      {saved.updatedAt ? (
        <p className="muted">
          {t('conversations.preparation.savedAt', {
            date: formatDate(saved.updatedAt, locale),
            time: formatTime(saved.updatedAt, locale),
          })}
        </p>
      ) : null}
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h4 className="notice-title">{t('conversations.conflict.preparationTitle')}</h4>
          <p>{t('conversations.conflict.preparationText')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void save(false, conflict.version)}
            >
              {t('conversations.conflict.keepMine')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setAnswers({ ...conflict.answers });
                setChosen([...conflict.chosenCompetenceIds]);
                setSaved(conflict);
                setConflict(null);
                setOutcome({ kind: 'success', text: t('conversations.conflict.loaded') });
              }}
            >
              {t('conversations.conflict.useLatest')}
            </button>
          </div>
        </div>
      ) : null}
      <StatusLine outcome={outcome} />
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <form
        className="form"
        noValidate
        onSubmit={onSubmit}
        aria-label={t('conversations.preparation.formLabel')}
      >
        {musThemeIds.map((theme) => (
          <CharacterCountedTextArea
            key={theme}
            id={themeId(theme)}
            label={t(`conversations.themes.${theme}.label`)}
            hint={t(`conversations.themes.${theme}.hint`)}
            value={answers[theme] ?? ''}
            maxLength={answerMax}
            error={errors.find((error) => error.fieldId === themeId(theme))?.message}
            onChange={(value) => setAnswers((current) => ({ ...current, [theme]: value }))}
          />
        ))}
        <fieldset
          className={competenceError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
          aria-describedby={`${competencesId}-hint${competenceError ? ` ${competencesId}-error` : ''}`}
        >
          <legend className="form-label form-label--legend">
            {t('conversations.preparation.competences')}
          </legend>
          <p className="form-hint" id={`${competencesId}-hint`}>
            {t('conversations.preparation.competencesHint', { count: maxChosenCompetences })}{' '}
            <span aria-live="polite">
              {t('conversations.preparation.chosenCount', {
                count: chosen.length,
                max: maxChosenCompetences,
              })}
            </span>
          </p>
          {competenceError ? <FieldError id={`${competencesId}-error`} message={competenceError} /> : null}
          {props.framework.areas.map((area) => (
            <fieldset className="fieldset competence-group" key={area.id}>
              <legend className="competence-group-title">{area.name[locale]}</legend>
              {area.competences.map((competence) => {
                const checked = chosen.includes(competence.id);
                return (
                  <div className="checkbox" key={competence.id}>
                    <input
                      className="checkbox-input"
                      type="checkbox"
                      id={competenceId(competence.id)}
                      checked={checked}
                      disabled={!checked && tooMany}
                      onChange={(event) => toggle(competence.id, event.target.checked)}
                    />
                    <label className="checkbox-label" htmlFor={competenceId(competence.id)}>
                      {competence.name[locale]}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button--primary" value="save" disabled={busy}>
            {t('conversations.preparation.save')}
          </button>
          <button type="submit" className="button button--secondary" value="share" disabled={busy}>
            {saved.state === 'shared'
              ? t('conversations.preparation.saveShared', { name: props.otherName })
              : t('conversations.preparation.share', { name: props.otherName })}
          </button>
        </div>
      </form>
    </>
  );
}
