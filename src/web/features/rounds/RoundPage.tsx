/**
 * @module A round's status board: where each participant stands, and the leader's actions — rate, remind, record
 * the conversation, reopen an assessment, close the round.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { ParticipantStatus, RoundDetail } from '../../../server/contracts/rounds.ts';
import { ApiError, api, type Rater } from '../../api/client.ts';
import { queryKeys, useRound } from '../../api/queries.ts';
import { formatDate, formatDay, formatList, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import type { RoundCreatedState } from './NewRoundPage.tsx';

type Outcome = { kind: 'success' | 'error'; text: string };

/** Focus a panel's heading once it has rendered, so keyboard and screen-reader users land in it. */
function useFocusOnOpen(open: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  return heading;
}

function useRoundActions(roundId: string, report: (outcome: Outcome) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.round(roundId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.rounds, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.profiles, refetchType: 'none' }),
    ]);
  };
  const failed = (error: unknown) =>
    report({
      kind: 'error',
      text: error instanceof ApiError && error.message ? error.message : t('errors.generic.text'),
    });
  const locale = currentLocale();
  return {
    remind: useMutation({
      mutationFn: (userIds?: string[]) => api.remind(roundId, userIds),
      onSuccess: async (result) => {
        report({
          kind: 'success',
          text: result.reminded.length
            ? t('rounds.board.reminded', {
                count: result.reminded.length,
                names: formatList(
                  result.reminded.map((person) => person.name),
                  locale,
                ),
              })
            : t('rounds.board.nobodyToRemind'),
        });
        await refresh();
      },
      onError: failed,
    }),
    conversation: useMutation({
      mutationFn: (person: ParticipantStatus['person']) => api.markConversationHeld(roundId, person.id),
      onSuccess: async (_, person) => {
        report({ kind: 'success', text: t('rounds.board.conversationMarked', { name: person.name }) });
        await refresh();
      },
      onError: failed,
    }),
    close: useMutation({
      mutationFn: () => api.closeRound(roundId),
      onSuccess: async (detail) => {
        queryClient.setQueryData(queryKeys.round(roundId), detail);
        report({ kind: 'success', text: t('rounds.board.closed') });
        await refresh();
      },
      onError: failed,
    }),
    refresh,
  };
}

export function RoundPage() {
  const { roundId = '' } = useParams();
  if (!isVersionId(roundId)) return <NotFoundPage />;
  return <RoundBoard roundId={roundId} />;
}

function RoundBoard({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const round = useRound(roundId);
  const location = useLocation();
  const created = (location.state as RoundCreatedState | null)?.created === true;
  const name = round.data?.round.name;
  return (
    <>
      <p className="page-caption">{t('rounds.board.caption')}</p>
      <PageHeading title={name ?? t('rounds.board.caption')}>{name ?? t('rounds.board.caption')}</PageHeading>
      {round.isPending ? (
        <Loading />
      ) : round.isError ? (
        <QueryErrorNotice error={round.error} onRetry={() => void round.refetch()} />
      ) : (
        <Board detail={round.data} created={created} />
      )}
    </>
  );
}

function Board({ detail, created }: { detail: RoundDetail; created: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { round, participants, canManage, canRate } = detail;
  const [outcome, setOutcome] = useState<Outcome | null>(
    created ? { kind: 'success', text: t('rounds.board.created') } : null,
  );
  const [reopening, setReopening] = useState<ParticipantStatus | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const actions = useRoundActions(round.id, setOutcome);
  const open = round.status === 'open';
  const missingSelf = participants.filter((participant) => participant.self !== 'submitted');
  const sorted = [...participants].sort((a, b) => a.person.name.localeCompare(b.person.name, 'da'));

  return (
    <>
      <div role="status" className="status-line">
        {outcome ? (
          <p className={outcome.kind === 'success' ? 'notice notice--success' : 'notice notice--error'}>
            {outcome.text}
          </p>
        ) : null}
      </div>
      <dl className="summary-list">
        <Row term={t('rounds.status')}>
          {t(`rounds.statusValue.${round.status}`)}
          {round.closedAt ? ` (${formatDate(round.closedAt, locale)})` : ''}
        </Row>
        <Row term={t('rounds.deadline')}>{formatDay(round.deadline, locale)}</Row>
        <Row term={t('rounds.board.createdBy')}>
          {t('rounds.board.createdByValue', {
            name: round.createdBy.name,
            date: formatDate(round.createdAt, locale),
          })}
        </Row>
        <Row term={t('rounds.board.leaderVisibility')}>
          {round.hideLeaderUntilBoth ? t('rounds.board.hiddenUntilBoth') : t('rounds.board.shownAtOnce')}
        </Row>
        <Row term={t('rounds.board.progress')}>
          {t('rounds.board.progressValue', {
            count: round.participantCount,
            both: round.bothSubmittedCount,
            overdue: round.overdueCount,
          })}
        </Row>
      </dl>

      <section aria-labelledby="round-participants">
        <h2 id="round-participants">{t('rounds.board.participantsTitle')}</h2>
        {canManage && open && missingSelf.length > 0 ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={actions.remind.isPending}
              onClick={() => actions.remind.mutate(undefined)}
            >
              {t('rounds.board.remindAll', { count: missingSelf.length })}
            </button>
          </p>
        ) : null}
        {participants.length === 0 ? (
          <p>{t('rounds.board.noParticipants')}</p>
        ) : (
          <ScrollRegion labelledBy="round-participants-caption">
            <table className="table table--compact">
              <caption id="round-participants-caption" className="table-caption">
                {t('rounds.board.tableCaption', { count: participants.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('person.name')}</th>
                  <th scope="col">{t('person.unit')}</th>
                  <th scope="col">{t('rounds.board.self')}</th>
                  <th scope="col">{t('rounds.board.leader')}</th>
                  <th scope="col">{t('rounds.board.stage')}</th>
                  <th scope="col">{t('rounds.board.overdue')}</th>
                  <th scope="col">{t('rounds.board.conversation')}</th>
                  <th scope="col">{t('rounds.board.reminded')}</th>
                  <th scope="col">{t('rounds.board.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((participant) => (
                  <ParticipantRow
                    key={participant.person.id}
                    roundId={round.id}
                    participant={participant}
                    open={open}
                    canRate={canRate && participant.canRate}
                    canManage={canManage}
                    busy={actions.remind.isPending || actions.conversation.isPending}
                    onRemind={() => actions.remind.mutate([participant.person.id])}
                    onConversation={() => actions.conversation.mutate(participant.person)}
                    onReopen={() => setReopening(participant)}
                  />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {reopening ? (
        <ReopenPanel
          key={reopening.person.id}
          roundId={round.id}
          participant={reopening}
          onDone={async (text) => {
            setReopening(null);
            if (text) setOutcome({ kind: 'success', text });
            await actions.refresh();
          }}
        />
      ) : null}

      {canManage && open ? (
        <section aria-labelledby="round-close" className="panel">
          <h2 id="round-close">{t('rounds.board.closeTitle')}</h2>
          {confirmClose ? (
            <CloseConfirmation
              pending={actions.close.isPending}
              onConfirm={() => actions.close.mutate(undefined, { onSettled: () => setConfirmClose(false) })}
              onCancel={() => setConfirmClose(false)}
            />
          ) : (
            <>
              <p>{t('rounds.board.closeIntro')}</p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmClose(true)}
              >
                {t('rounds.board.close')}
              </button>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-list-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ParticipantRowProps {
  roundId: string;
  participant: ParticipantStatus;
  open: boolean;
  canRate: boolean;
  canManage: boolean;
  busy: boolean;
  onRemind: () => void;
  onConversation: () => void;
  onReopen: () => void;
}

function ParticipantRow(props: ParticipantRowProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { roundId, participant, open, canRate, canManage, busy } = props;
  const { person } = participant;
  const assessmentPath = (rater: Rater) => `/runder/${roundId}/vurdering/${person.id}/${rater}`;
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;
  const bothSubmitted = participant.self === 'submitted' && participant.leader === 'submitted';
  const anySubmitted = participant.self === 'submitted' || participant.leader === 'submitted';
  return (
    <tr>
      <th scope="row">
        {canRate ? <Link to={`/profil/${person.id}`}>{person.name}</Link> : person.name}
        <span className="cell-note">{participant.roleProfile.name[locale]}</span>
      </th>
      <td>{participant.unit?.name ?? t('person.noUnit')}</td>
      <td>{t(`rounds.assessmentState.${participant.self}`)}</td>
      <td>{t(`rounds.assessmentState.${participant.leader}`)}</td>
      <td>{t(`rounds.stage.${participant.stage}`)}</td>
      <td>{participant.overdue ? <strong>{t('rounds.board.overdueYes')}</strong> : t('common.no')}</td>
      <td>
        {participant.conversationHeldAt ? formatDate(participant.conversationHeldAt, locale) : t('common.no')}
      </td>
      <td>
        {participant.lastRemindedAt
          ? t('rounds.board.remindedAt', {
              date: formatDate(participant.lastRemindedAt, locale),
              time: formatTime(participant.lastRemindedAt, locale),
            })
          : '–'}
      </td>
      <td>
        <ul className="action-list">
          {canRate ? (
            <li>
              <Link to={assessmentPath('leader')}>
                {participant.leader === 'submitted' || !open
                  ? t('rounds.board.seeLeaderAssessment')
                  : t('rounds.board.rate')}
                {hidden(person.name)}
              </Link>
            </li>
          ) : null}
          {canRate && participant.self === 'submitted' ? (
            <li>
              <Link to={assessmentPath('self')}>
                {t('rounds.board.seeSelfAssessment')}
                {hidden(person.name)}
              </Link>
            </li>
          ) : null}
          {canManage && open && participant.self !== 'submitted' ? (
            <li>
              <button type="button" className="link-button" disabled={busy} onClick={props.onRemind}>
                {t('rounds.board.remind')}
                {hidden(person.name)}
              </button>
            </li>
          ) : null}
          {canRate && bothSubmitted && !participant.conversationHeldAt ? (
            <li>
              <button type="button" className="link-button" disabled={busy} onClick={props.onConversation}>
                {t('rounds.board.markConversation')}
                {hidden(person.name)}
              </button>
            </li>
          ) : null}
          {canRate && open && anySubmitted ? (
            <li>
              <button type="button" className="link-button" onClick={props.onReopen}>
                {t('rounds.board.reopen')}
                {hidden(person.name)}
              </button>
            </li>
          ) : null}
        </ul>
      </td>
    </tr>
  );
}

function CloseConfirmation(props: { pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen(true);
  return (
    <div className="notice notice--warning">
      <h3 className="notice-title" tabIndex={-1} ref={heading}>
        {t('rounds.board.closeConfirmTitle')}
      </h3>
      <p>{t('rounds.board.closeConfirmText')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={props.pending}
          onClick={props.onConfirm}
        >
          {t('rounds.board.closeConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

const reasonId = 'reopen-reason';

function ReopenPanel(props: {
  roundId: string;
  participant: ParticipantStatus;
  onDone: (message: string | null) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { participant, roundId, onDone } = props;
  const choices = (['self', 'leader'] as const).filter((rater) => participant[rater] === 'submitted');
  const [rater, setRater] = useState<Rater>(choices[0] ?? 'self');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const heading = useFocusOnOpen(true);
  const reopen = useMutation({
    mutationFn: () => api.reopenAssessment({ roundId, userId: participant.person.id, rater }, reason.trim()),
    onSuccess: () =>
      onDone(
        t(rater === 'self' ? 'rounds.reopen.doneSelf' : 'rounds.reopen.doneLeader', {
          name: participant.person.name,
        }),
      ),
    onError: (failure) => {
      setError(
        failure instanceof ApiError
          ? (failure.fields.reason ?? (failure.message || t('errors.generic.text')))
          : t('errors.generic.text'),
      );
      setAttempt((count) => count + 1);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reopen.isPending) return;
    const trimmed = reason.trim();
    if (trimmed.length < 3) {
      setError(t('rounds.reopen.reasonRequired'));
      setAttempt((count) => count + 1);
      return;
    }
    reopen.mutate();
  };
  return (
    <section aria-labelledby="reopen-title" className="panel">
      <h2 id="reopen-title" tabIndex={-1} ref={heading}>
        {t('rounds.reopen.title', { name: participant.person.name })}
      </h2>
      <p>{t('rounds.reopen.intro')}</p>
      <ErrorSummary
        errors={error ? [{ fieldId: reasonId, message: error }] : []}
        attempt={attempt}
        headingLevel={3}
      />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="reopen-title">
        <fieldset className="fieldset form-group">
          <legend className="form-label form-label--legend">{t('rounds.reopen.which')}</legend>
          {choices.map((choice) => (
            <div className="radio" key={choice}>
              <input
                className="radio-input"
                type="radio"
                name="reopen-rater"
                id={`reopen-${choice}`}
                checked={rater === choice}
                onChange={() => setRater(choice)}
              />
              <label className="radio-label" htmlFor={`reopen-${choice}`}>
                {t(choice === 'self' ? 'rounds.reopen.self' : 'rounds.reopen.leader')}
              </label>
            </div>
          ))}
        </fieldset>
        <CharacterCountedTextArea
          id={reasonId}
          label={t('rounds.reopen.reason')}
          hint={t('rounds.reopen.reasonHint')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          rows={3}
          error={error ?? undefined}
          required
        />
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {reopen.isPending ? t('rounds.reopen.submitting') : t('rounds.reopen.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
