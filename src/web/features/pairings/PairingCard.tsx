/**
 * @module One pairing as the reader sees it — who learns which competence from whom, the leader's note, the deadline
 * and the status in words — with marking it done (both colleagues and the leader) and cancelling it (the leader).
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pairing } from '../../../server/contracts/pairings.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { formatDate, formatDay } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import type { Outcome } from '../conversations/shared.tsx';

/** The heading of a pairing, from where the reader stands. */
export function usePairingTitle() {
  const { t } = useTranslation();
  return (pairing: Pairing) => {
    const competence = pairing.competence.name;
    if (pairing.myRole === 'learner')
      return t('pairings.plan.learn', { competence, name: pairing.helper.name });
    if (pairing.myRole === 'helper')
      return t('pairings.plan.help', { competence, name: pairing.learner.name });
    return t('pairings.learnsFrom', {
      learner: pairing.learner.name,
      helper: pairing.helper.name,
      competence,
    });
  };
}

export function PairingCard(props: {
  pairing: Pairing;
  headingLevel: 3 | 4;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const titleOf = usePairingTitle();
  const { pairing } = props;
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const reasonInput = useRef<HTMLInputElement>(null);
  // The button that opened the form is gone; the form's first field takes focus.
  useEffect(() => {
    if (cancelling) reasonInput.current?.focus();
  }, [cancelling]);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  const title = titleOf(pairing);

  const act = async (action: () => Promise<Pairing>, success: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      props.onOutcome({ kind: 'success', text: success });
    } catch (error) {
      props.onOutcome({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? t('pairings.conflict')
            : error instanceof ApiError && error.message
              ? error.message
              : t('errors.generic.text'),
      });
    } finally {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.pairings }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
      ]);
      setBusy(false);
    }
  };
  const onCancel = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(() => api.cancelPairing(pairing.id, pairing.version, reason.trim()), t('pairings.cancelled'));
  };
  const about = <span className="visually-hidden"> – {title}</span>;
  return (
    <article className="pairing">
      <Heading className="pairing-title">{title}</Heading>
      <p className="pairing-meta">
        <span className="tag">{t(`pairings.status.${pairing.status}`)}</span>
        {pairing.dueDate ? (
          <span>{t('pairings.due', { date: formatDay(pairing.dueDate, locale) })}</span>
        ) : null}
        {pairing.overdue ? <strong className="tag tag--strong">{t('pairings.overdue')}</strong> : null}
      </p>
      {pairing.note ? <p className="pre-line">{pairing.note}</p> : null}
      {pairing.goal ? <p>{t('pairings.goal', { title: pairing.goal.title })}</p> : null}
      {pairing.cancelReason ? <p>{t('pairings.cancelReason', { reason: pairing.cancelReason })}</p> : null}
      <p className="muted">
        {t('pairings.createdBy', {
          name: pairing.createdBy.name,
          date: formatDate(pairing.createdAt, locale),
        })}
      </p>
      {pairing.status === 'open' ? (
        cancelling ? (
          <form
            className="form form--compact"
            onSubmit={onCancel}
            aria-label={`${t('pairings.cancel')}: ${title}`}
          >
            <div className="form-group">
              <label className="form-label" htmlFor={`cancel-reason-${pairing.id}`}>
                {t('pairings.cancelReasonLabel')}
              </label>
              <input
                ref={reasonInput}
                id={`cancel-reason-${pairing.id}`}
                className="form-input form-input--l"
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
            <div className="button-row">
              <button type="submit" className="button button--primary button--small" disabled={busy}>
                {t('pairings.cancelConfirm')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setCancelling(false)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() =>
                void act(() => api.completePairing(pairing.id, pairing.version), t('pairings.markedDone'))
              }
            >
              {t('pairings.markDone')}
              {about}
            </button>
            {pairing.canCancel ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={busy}
                onClick={() => setCancelling(true)}
              >
                {t('pairings.cancel')}
                {about}
              </button>
            ) : null}
          </div>
        )
      ) : null}
    </article>
  );
}
