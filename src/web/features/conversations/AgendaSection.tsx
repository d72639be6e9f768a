/**
 * @module Samtaleguide og dagsorden: the leader shapes the agenda from Vejviser's suggestion (reorder, remove, add their
 * own), the employee or the group's participants read it once the conversation has started. The section is told where
 * the agenda comes from and where it goes, so a conversation and a group MUS share it.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaItem, AgendaItemInput } from '../../../server/contracts/conversations.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { customAgendaItem, errorFor, moveItem, toAgendaItemInput } from './conversation-form.ts';
import { type Outcome, Section, StatusLine, useErrorText } from './shared.tsx';

/** Where an agenda comes from and goes to: a conversation's routes or a group conversation's. */
export interface AgendaSource {
  /** Null while the reader may not see it yet (before the start, for everyone but a leader). */
  agenda: Agenda | null;
  /** May the reader shape it (a leader, until the record is signed or closed)? */
  editable: boolean;
  /** What the leader reads above the editor. */
  intro: string;
  suggest: () => Promise<Agenda>;
  save: (version: number, items: AgendaItemInput[]) => Promise<Agenda>;
  /** The agenda as saved now, after a conflict. */
  latest: () => Promise<Agenda | null>;
  onSaved: () => Promise<void>;
}

export function AgendaSection({ source }: { source: AgendaSource }) {
  const { t } = useTranslation();
  return (
    <Section id="conversation-agenda" title={t('conversations.agenda.title')}>
      {source.editable ? (
        <AgendaEditor source={source} />
      ) : source.agenda === null ? (
        <p>{t('conversations.agenda.notYet')}</p>
      ) : (
        <>
          <AgendaRound agenda={source.agenda} />
          <AgendaList items={source.agenda.items} />
        </>
      )}
    </Section>
  );
}

function AgendaRound({ agenda }: { agenda: Agenda | null }) {
  const { t } = useTranslation();
  return agenda?.round ? (
    <p className="muted">{t('conversations.agenda.fromRound', { name: agenda.round.name })}</p>
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
      ) : item.competenceId && item.kind !== 'strength' ? (
        // A municipality's own competence has no questions in the shipped bank: say so rather than show nothing.
        <p className="muted">{t('conversations.agenda.noQuestions')}</p>
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

function AgendaEditor({ source }: { source: AgendaSource }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [items, setItems] = useState<AgendaItem[]>(() => source.agenda?.items ?? []);
  const [version, setVersion] = useState(source.agenda?.version ?? 1);
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const idPrefix = useId();

  useEffect(() => {
    if (!focusTarget) return;
    const target = document.getElementById(focusTarget);
    (target ?? listHeading.current)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const change = (next: AgendaItem[], message: string) => {
    setItems(next);
    setDirty(true);
    setAnnouncement(message);
  };

  const buttonId = (action: 'up' | 'down' | 'remove', itemId: string) =>
    `${idPrefix}-${action}-${itemId}`.replace(/[^a-zA-Z0-9_-]/g, '_');

  const move = (index: number, delta: -1 | 1) => {
    const item = items[index];
    const to = index + delta;
    if (!item || to < 0 || to >= items.length) return;
    change(
      moveItem(items, index, to),
      t('conversations.agenda.moved', { title: item.title, position: to + 1, count: items.length }),
    );
    // Keep focus on the button just used; at either end the other direction's button takes it.
    const atEnd = (delta === -1 && to === 0) || (delta === 1 && to === items.length - 1);
    const action = atEnd ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    setFocusTarget(buttonId(action, item.id));
  };

  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    const next = items.filter((_, position) => position !== index);
    change(next, t('conversations.agenda.removed', { title: item.title }));
    const neighbour = next[index] ?? next[index - 1];
    setFocusTarget(neighbour ? buttonId('remove', neighbour.id) : 'agenda-draft-heading');
  };

  const loadSuggestion = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const guide = await source.suggest();
      setItems(guide.items);
      setDirty(true);
      setAnnouncement('');
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
      const agenda = await source.save(basedOn, items.map(toAgendaItemInput));
      setItems(agenda.items);
      setVersion(agenda.version);
      setDirty(false);
      setConflict(false);
      await source.onSaved();
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
    let saved: Agenda | null;
    try {
      saved = await source.latest();
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
      return;
    }
    if (!saved) return;
    if (keepMine) {
      await save(saved.version);
      return;
    }
    setItems(saved.items);
    setVersion(saved.version);
    setDirty(false);
    setConflict(false);
    setOutcome({ kind: 'success', text: t('conversations.conflict.loaded') });
  };

  return (
    <>
      <p>{source.intro}</p>
      <AgendaRound agenda={source.agenda} />
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
      <h3 id="agenda-draft-heading" ref={listHeading} tabIndex={-1}>
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
              <div className="button-row agenda-controls">
                <button
                  type="button"
                  id={buttonId('up', item.id)}
                  className="button button--secondary button--small"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  {t('conversations.agenda.up')}
                  <span className="visually-hidden"> {item.title}</span>
                </button>
                <button
                  type="button"
                  id={buttonId('down', item.id)}
                  className="button button--secondary button--small"
                  disabled={index === items.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {t('conversations.agenda.down')}
                  <span className="visually-hidden"> {item.title}</span>
                </button>
                <button
                  type="button"
                  id={buttonId('remove', item.id)}
                  className="button button--secondary button--small"
                  onClick={() => remove(index)}
                >
                  {t('conversations.agenda.remove')}
                  <span className="visually-hidden"> {item.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <AddAgendaItem
        onAdd={(item) => {
          change(
            [...items, item],
            t('conversations.agenda.added', { title: item.title, count: items.length + 1 }),
          );
        }}
      />
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
