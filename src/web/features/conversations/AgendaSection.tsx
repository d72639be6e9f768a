/**
 * @module Samtaleguide og dagsorden: the leader shapes the agenda from Vejviser's suggestion (reorder, remove, add their
 * own), the employee reads it once the conversation has started.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { AgendaItem, ConversationDetail } from '../../../server/contracts/conversations.ts';
import { ApiError, api } from '../../api/client.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { ReorderControls, useReorderableDraft } from '../../ui/reorderable.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { customAgendaItem, errorFor, toAgendaItemInput } from './conversation-form.ts';
import { type Outcome, Section, StatusLine, useConversationChanged, useErrorText } from './shared.tsx';

export function AgendaSection({ detail }: { detail: ConversationDetail; framework: FrameworkDocument }) {
  const { t } = useTranslation();
  const editable = detail.canLead && detail.conversation.stage !== 'signed';
  return (
    <Section id="conversation-agenda" title={t('conversations.agenda.title')}>
      {editable ? (
        <AgendaEditor detail={detail} />
      ) : detail.agenda === null ? (
        <p>{t('conversations.agenda.notYet')}</p>
      ) : (
        <>
          <AgendaRound detail={detail} />
          <AgendaList items={detail.agenda.items} />
        </>
      )}
    </Section>
  );
}

function AgendaRound({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  return detail.agenda?.round ? (
    <p className="muted">{t('conversations.agenda.fromRound', { name: detail.agenda.round.name })}</p>
  ) : null;
}

/** What kind of point it is, in words: never told by colour or position alone. */
function useKindLabel() {
  const { t } = useTranslation();
  return (item: AgendaItem): string =>
    item.kind === 'divergence' && item.divergence
      ? t(`conversations.agenda.divergence.${item.divergence}`)
      : t(`conversations.agenda.kind.${item.kind}`);
}

export function AgendaItemBody({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  return (
    <>
      <p className="agenda-meta">
        <span className="tag agenda-kind">{kindLabel(item)}</span>
        {item.reason ? <span className="agenda-reason"> {item.reason}</span> : null}
      </p>
      {item.prompts.length ? (
        <ul className="agenda-prompts">
          {item.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      ) : null}
      {item.questions.length ? (
        <ul
          className="grow-questions"
          aria-label={t('conversations.agenda.questionsLabel', { title: item.title })}
        >
          {item.questions.map((question) => (
            <li key={`${question.id ?? 'own'}:${question.text}`}>
              <span className="grow-phase">
                {question.phase ? t(`conversations.grow.${question.phase}`) : t('conversations.grow.own')}:
              </span>{' '}
              {question.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function AgendaList({ items }: { items: AgendaItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('conversations.agenda.empty')}</p>;
  return (
    <ol className="agenda-list">
      {items.map((item) => (
        <li key={item.id} className="agenda-item">
          <h3 className="agenda-title">{item.title}</h3>
          <AgendaItemBody item={item} />
        </li>
      ))}
    </ol>
  );
}

const newTitleId = 'agenda-new-title';
const newQuestionsId = 'agenda-new-questions';

function AgendaEditor({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const conversationId = detail.conversation.id;
  const changed = useConversationChanged(conversationId);
  const errorText = useErrorText();
  const { items, dirty, announcement, buttonId, change, move, remove, add, saved } =
    useReorderableDraft<AgendaItem>(() => detail.agenda?.items ?? [], 'agenda-draft-heading', {
      moved: (item, position, count) =>
        t('conversations.agenda.moved', { title: item.title, position, count }),
      removed: (item) => t('conversations.agenda.removed', { title: item.title }),
      added: (item, count) => t('conversations.agenda.added', { title: item.title, count }),
    });
  const [version, setVersion] = useState(detail.agenda?.version ?? 1);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const loadSuggestion = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const guide = await api.guide(conversationId);
      change(guide.items);
      setOutcome({
        kind: 'success',
        text: t('conversations.agenda.suggestionLoaded', { count: guide.items.length }),
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = async (basedOn = version) => {
    if (busy) return;
    setBusy(true);
    try {
      const agenda = await api.saveAgenda(conversationId, basedOn, items.map(toAgendaItemInput));
      saved(agenda.items);
      setVersion(agenda.version);
      setConflict(false);
      await changed();
      setOutcome({ kind: 'success', text: t('conversations.agenda.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        setOutcome({ kind: 'error', text: t('conversations.conflict.short') });
      } else {
        setOutcome({ kind: 'error', text: errorText(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  /** After a 409: save this draft over the newer agenda, or take the newer one. */
  const resolve = async (keepMine: boolean) => {
    let latest: ConversationDetail['agenda'];
    try {
      latest = (await api.conversation(conversationId)).agenda;
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
      return;
    }
    if (!latest) return;
    if (keepMine) {
      await save(latest.version);
      return;
    }
    saved(latest.items);
    setVersion(latest.version);
    setConflict(false);
    setOutcome({ kind: 'success', text: t('conversations.conflict.loaded') });
  };

  return (
    <>
      <p>{t('conversations.agenda.introLeader', { name: detail.conversation.employee.name })}</p>
      <AgendaRound detail={detail} />
      <div className="button-row print-hidden">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void loadSuggestion()}
          aria-describedby="agenda-suggest-hint"
        >
          {t('conversations.agenda.suggest')}
        </button>
      </div>
      <p className="form-hint print-hidden" id="agenda-suggest-hint">
        {t('conversations.agenda.suggestHint')}
      </p>
      <StatusLine outcome={outcome} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h3 className="notice-title">{t('conversations.conflict.agendaTitle')}</h3>
          <p>{t('conversations.conflict.agendaText')}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void resolve(true)}>
              {t('conversations.conflict.keepMineAgenda')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void resolve(false)}>
              {t('conversations.conflict.useLatestAgenda')}
            </button>
          </div>
        </div>
      ) : null}
      <h3 id="agenda-draft-heading" tabIndex={-1}>
        {t('conversations.agenda.draftTitle', { count: items.length })}
      </h3>
      {dirty ? <p className="agenda-unsaved">{t('conversations.agenda.unsaved')}</p> : null}
      {items.length === 0 ? (
        <p>{t('conversations.agenda.empty')}</p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, index) => (
            <li key={item.id} className="agenda-item">
              <h4 className="agenda-title">{item.title}</h4>
              <AgendaItemBody item={item} />
              <ReorderControls
                index={index}
                count={items.length}
                itemId={item.id}
                context={item.title}
                labels={{
                  up: t('conversations.agenda.up'),
                  down: t('conversations.agenda.down'),
                  remove: t('conversations.agenda.remove'),
                }}
                buttonId={buttonId}
                onMove={move}
                onRemove={remove}
              />
            </li>
          ))}
        </ol>
      )}
      <AddAgendaItem onAdd={add} />
      <div className="button-row print-hidden">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {busy ? t('conversations.agenda.saving') : t('conversations.agenda.save')}
        </button>
      </div>
    </>
  );
}

function AddAgendaItem({ onAdd }: { onAdd: (item: AgendaItem) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [questions, setQuestions] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!title.trim()) found.push({ fieldId: newTitleId, message: t('conversations.agenda.errors.title') });
    else if (title.trim().length > 200)
      found.push({
        fieldId: newTitleId,
        message: t('conversations.agenda.errors.titleTooLong', { count: 200 }),
      });
    if (questions.split('\n').some((line) => line.trim().length > 300))
      found.push({
        fieldId: newQuestionsId,
        message: t('conversations.agenda.errors.questionTooLong', { count: 300 }),
      });
    setErrors(found);
    if (found.length) {
      setAttempt((count) => count + 1);
      return;
    }
    onAdd(customAgendaItem(crypto.randomUUID().slice(0, 8), title, questions));
    setTitle('');
    setQuestions('');
  };
  const questionsError = errorFor(errors, newQuestionsId);
  return (
    <form
      className="form form--compact add-agenda-item print-hidden"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="agenda-add-title"
    >
      <h3 id="agenda-add-title">{t('conversations.agenda.addTitle')}</h3>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <TextField
        id={newTitleId}
        name="agenda-title"
        label={t('conversations.agenda.newTitle')}
        value={title}
        onChange={setTitle}
        error={errorFor(errors, newTitleId)}
        required
      />
      <div className={questionsError ? 'form-group form-group--error' : 'form-group'}>
        <label className="form-label" htmlFor={newQuestionsId}>
          {t('conversations.agenda.newQuestions')}
        </label>
        <p className="form-hint" id={`${newQuestionsId}-hint`}>
          {t('conversations.agenda.newQuestionsHint')}
        </p>
        {questionsError ? (
          <p className="form-error-message" id={`${newQuestionsId}-error`}>
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {questionsError}
          </p>
        ) : null}
        <textarea
          id={newQuestionsId}
          className="form-input form-textarea"
          rows={3}
          value={questions}
          aria-invalid={questionsError ? true : undefined}
          aria-describedby={`${newQuestionsId}-hint${questionsError ? ` ${newQuestionsId}-error` : ''}`}
          onChange={(event) => setQuestions(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t('conversations.agenda.add')}
      </button>
    </form>
  );
}
