/**
 * @module Noter: during the conversation, each party writes their own notes per agenda item, with the other party's
 * beside them, read-only. Each party's notes are their own record, so the two never overwrite each other; two windows
 * of the same person meet a 409, and the text typed in this one stays on screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Notes } from '../../../server/contracts/conversations.ts';
import { ApiError } from '../../api/client.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { type Outcome, Section, StatusLine, useErrorText } from './shared.tsx';

const noteMax = 5000;
type Draft = Record<string, string>;

/** Where notes come from and go to: a conversation's routes or a group conversation's. */
export interface NotesSource {
  stage: 'scheduled' | 'held' | 'signed';
  notes: Notes[];
  items: AgendaItem[];
  /** May the reader write their own notes now? */
  canEdit: boolean;
  /** What the writer reads above their notes. */
  intro: string;
  /** Whose notes belong beside the writer's, said even before they write any (the other party). */
  otherName?: string;
  save: (version: number, items: Draft) => Promise<Notes>;
  /** Everyone's notes as saved now, after a conflict. */
  latestNotes: () => Promise<Notes[]>;
  onSaved: () => Promise<void>;
}

export function NotesSection({ source }: { source: NotesSource }) {
  const { t } = useTranslation();
  const viewer = useCurrentUser();
  const own = source.notes.find((notes) => notes.author.id === viewer.id);
  const others = source.notes.filter((notes) => notes.author.id !== viewer.id);
  return (
    <Section id="conversation-notes" title={t('conversations.notes.title')}>
      {source.stage === 'scheduled' ? (
        <p>{t('conversations.notes.notStarted')}</p>
      ) : source.items.length === 0 ? (
        <p>{t('conversations.notes.noAgenda')}</p>
      ) : source.canEdit ? (
        <NotesEditor source={source} own={own} others={others} />
      ) : (
        <NotesReadOnly items={source.items} own={own} others={others} />
      )}
    </Section>
  );
}

function OtherNotes({ others, itemId, otherName }: { others: Notes[]; itemId: string; otherName?: string }) {
  const { t } = useTranslation();
  if (others.length === 0) {
    // The other party has not written anything yet; say so rather than leave the reader guessing.
    return otherName ? (
      <div className="notes-other">
        <p className="notes-other-title">{t('conversations.notes.from', { name: otherName })}</p>
        <p className="muted">{t('conversations.notes.none')}</p>
      </div>
    ) : null;
  }
  return (
    <>
      {others.map((notes) => (
        <div key={notes.author.id} className="notes-other">
          <p className="notes-other-title">{t('conversations.notes.from', { name: notes.author.name })}</p>
          {notes.items[itemId]?.trim() ? (
            <p className="pre-line">{notes.items[itemId]}</p>
          ) : (
            <p className="muted">{t('conversations.notes.none')}</p>
          )}
        </div>
      ))}
    </>
  );
}

function NotesReadOnly({
  items,
  own,
  others,
}: {
  items: AgendaItem[];
  own: Notes | undefined;
  others: Notes[];
}) {
  const { t } = useTranslation();
  const all = own ? [own, ...others] : others;
  return (
    <ol className="notes-list">
      {items.map((item) => (
        <li key={item.id} className="notes-item">
          <h3 className="agenda-title">{item.title}</h3>
          <div className="notes-columns">
            {all.length ? (
              <OtherNotes others={all} itemId={item.id} />
            ) : (
              <p className="muted">{t('conversations.notes.none')}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function NotesEditor({
  source,
  own,
  others,
}: {
  source: NotesSource;
  own: Notes | undefined;
  others: Notes[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const viewer = useCurrentUser();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => ({ ...(own?.items ?? {}) }));
  const [version, setVersion] = useState(own?.version ?? 0);
  const [savedAt, setSavedAt] = useState<string | null>(own?.updatedAt ?? null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<Notes | null>(null);
  /** After "use the saved notes": the text this window had typed, kept visible so nothing is lost. */
  const [unsaved, setUnsaved] = useState<Draft | null>(null);

  const save = async (basedOn = version) => {
    if (busy) return;
    setBusy(true);
    try {
      const notes = await source.save(basedOn, draft);
      setVersion(notes.version);
      setSavedAt(notes.updatedAt);
      setDirty(false);
      setConflict(null);
      setUnsaved(null);
      await source.onSaved();
      setOutcome({
        kind: 'success',
        text: t('conversations.notes.saved', { time: formatTime(new Date(), locale) }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const latest = await source.latestNotes().catch(() => []);
        const latestOwn = latest.find((notes) => notes.author.id === viewer.id);
        setConflict(
          latestOwn ?? { author: { id: '', name: '' }, items: {}, version: basedOn + 1, updatedAt: null },
        );
        setOutcome({ kind: 'error', text: t('conversations.conflict.short') });
      } else {
        setOutcome({ kind: 'error', text: errorText(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{source.intro}</p>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <h3 className="notice-title">{t('conversations.conflict.notesTitle')}</h3>
          <p>{t('conversations.conflict.notesText')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void save(conflict.version)}
            >
              {t('conversations.conflict.keepMineNotes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setUnsaved(draft);
                setDraft({ ...conflict.items });
                setVersion(conflict.version);
                setSavedAt(conflict.updatedAt);
                setDirty(false);
                setConflict(null);
                setOutcome({ kind: 'success', text: t('conversations.conflict.notesLoaded') });
              }}
            >
              {t('conversations.conflict.useLatestNotes')}
            </button>
          </div>
        </div>
      ) : null}
      <ol className="notes-list">
        {source.items.map((item) => (
          <li key={item.id} className="notes-item">
            <h3 className="agenda-title">{item.title}</h3>
            <div className="notes-columns">
              <div className="notes-own">
                <CharacterCountedTextArea
                  id={`notes-${item.id}`.replace(/[^a-zA-Z0-9_-]/g, '_')}
                  label={t('conversations.notes.ownLabel', { title: item.title })}
                  value={draft[item.id] ?? ''}
                  maxLength={noteMax}
                  onChange={(value) => {
                    setDraft((current) => ({ ...current, [item.id]: value }));
                    setDirty(true);
                  }}
                />
                {unsaved &&
                (unsaved[item.id] ?? '') !== (draft[item.id] ?? '') &&
                unsaved[item.id]?.trim() ? (
                  <div className="unsaved-text">
                    <p className="notes-other-title">{t('conversations.notes.unsavedTitle')}</p>
                    <p className="pre-line">{unsaved[item.id]}</p>
                  </div>
                ) : null}
              </div>
              <OtherNotes
                others={others}
                itemId={item.id}
                {...(source.otherName ? { otherName: source.otherName } : {})}
              />
            </div>
          </li>
        ))}
      </ol>
      <div className="notes-status print-hidden">
        <p>
          {dirty
            ? t('conversations.notes.unsaved')
            : savedAt
              ? t('conversations.notes.savedAt', {
                  date: formatDate(savedAt, locale),
                  time: formatTime(savedAt, locale),
                })
              : t('conversations.notes.notSavedYet')}
        </p>
      </div>
      <StatusLine outcome={outcome} />
      <div className="button-row print-hidden">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {busy ? t('conversations.notes.saving') : t('conversations.notes.save')}
        </button>
      </div>
    </>
  );
}
