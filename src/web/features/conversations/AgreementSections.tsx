/** @module Underskrifter and Tillæg: who signed which version of the record, and dated additions after signing. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Addendum, ConversationDetail } from '../../../server/contracts/conversations.ts';
import { ApiError, api } from '../../api/client.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { type Outcome, Section, StatusLine, useConversationChanged, useErrorText } from './shared.tsx';

export function SignaturesSection({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const viewer = useCurrentUser();
  const changed = useConversationChanged(detail.conversation.id);
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { conversation, signatures } = detail;
  const mine = signatures.find((signature) => signature.person.id === viewer.id);
  const canSign = conversation.stage === 'held' && !(mine?.valid ?? false);
  const sign = useMutation({
    mutationFn: () => api.signConversation(conversation.id, detail.contentVersion),
    onSuccess: async (updated) => {
      await changed(updated);
      setOutcome({ kind: 'success', text: t('conversations.signatures.signed') });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await changed();
        setOutcome({ kind: 'error', text: t('conversations.signatures.changedMeanwhile') });
      } else {
        setOutcome({ kind: 'error', text: errorText(error) });
      }
    },
  });
  const roles = ['employee', 'leader'] as const;
  return (
    <Section id="conversation-signatures" title={t('conversations.signatures.title')}>
      {conversation.stage === 'scheduled' ? <p>{t('conversations.signatures.notStarted')}</p> : null}
      <ul className="signature-list">
        {roles.map((role) => {
          const given = signatures.filter((signature) => signature.role === role);
          if (given.length === 0) {
            const name =
              role === 'employee' ? conversation.employee.name : t('conversations.signatures.aLeader');
            return (
              <li key={role} className="signature signature--missing">
                <span className="signature-role">{t(`conversations.signatures.role.${role}`)}:</span>{' '}
                {t('conversations.signatures.notSigned', { name })}
              </li>
            );
          }
          return given.map((signature) => (
            <li key={`${role}-${signature.person.id}`} className="signature">
              <span className="signature-role">{t(`conversations.signatures.role.${role}`)}:</span>{' '}
              {t('conversations.signatures.signedBy', {
                name: signature.person.name,
                date: formatDate(signature.signedAt, locale),
                time: formatTime(signature.signedAt, locale),
              })}
              {signature.valid ? null : (
                <strong className="tag tag--strong">{t('conversations.signatures.mustSignAgain')}</strong>
              )}
            </li>
          ));
        })}
      </ul>
      <StatusLine outcome={outcome} />
      {canSign ? (
        <div className="sign-box print-hidden">
          <p id="sign-hint">{t('conversations.signatures.hint')}</p>
          <button
            type="button"
            className="button button--primary"
            aria-describedby="sign-hint"
            onClick={() => {
              if (!sign.isPending) sign.mutate();
            }}
          >
            {mine ? t('conversations.signatures.signAgain') : t('conversations.signatures.sign')}
          </button>
        </div>
      ) : null}
    </Section>
  );
}

const addendumId = 'addendum-text';

/** The addenda of a signed conversation or a closed group MUS, and how to add one. */
export interface AddendaSource<Detail> {
  /** Signed by both, or closed by the leader: from then on, changes are addenda. */
  signed: boolean;
  addenda: Addendum[];
  add: (text: string) => Promise<Detail>;
  onAdded: (detail: Detail) => Promise<void>;
  texts: { intro: string; notSigned: string };
}

export function AddendaSection<Detail>({ source }: { source: AddendaSource<Detail> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { signed } = source;
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const add = useMutation({
    mutationFn: () => source.add(text.trim()),
    onSuccess: async (updated) => {
      await source.onAdded(updated);
      setText('');
      setErrors([]);
      setOutcome({ kind: 'success', text: t('conversations.addenda.added') });
    },
    onError: (error) => {
      const message = error instanceof ApiError && error.message ? error.message : t('errors.generic.text');
      fail([
        error instanceof ApiError && error.fields.text
          ? { fieldId: addendumId, message: error.fields.text }
          : { message },
      ]);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!text.trim()) return fail([{ fieldId: addendumId, message: t('conversations.addenda.errors.text') }]);
    add.mutate();
  };
  return (
    <Section id="conversation-addenda" title={t('conversations.addenda.title')}>
      <p>{signed ? source.texts.intro : source.texts.notSigned}</p>
      {source.addenda.length ? (
        <ol className="addendum-list">
          {source.addenda.map((addendum) => (
            <li key={addendum.id} className="addendum">
              <p className="addendum-meta">
                {t('conversations.addenda.by', {
                  name: addendum.author.name,
                  date: formatDate(addendum.at, locale),
                  time: formatTime(addendum.at, locale),
                })}
              </p>
              <p className="pre-line">{addendum.text}</p>
            </li>
          ))}
        </ol>
      ) : signed ? (
        <p className="muted">{t('conversations.addenda.none')}</p>
      ) : null}
      <StatusLine outcome={outcome} />
      {signed ? (
        <form
          className="form print-hidden"
          noValidate
          onSubmit={onSubmit}
          aria-label={t('conversations.addenda.formLabel')}
        >
          <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
          <CharacterCountedTextArea
            id={addendumId}
            label={t('conversations.addenda.label')}
            hint={t('conversations.addenda.hint')}
            value={text}
            maxLength={4000}
            required
            error={errors.find((error) => error.fieldId === addendumId)?.message}
            onChange={setText}
          />
          <button type="submit" className="button button--primary">
            {t('conversations.addenda.add')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}
