/**
 * @module One candidate: contact, the self-assessment link and answer, the caller's own score (blind until submitted),
 * the panel's scores and spread, the consolidated score, the hire, and erasure on request.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { subtreeUnitIds } from '../../../domain/access.ts';
import type { CandidateDetail, MyScoreRatings } from '../../../server/contracts/recruitment.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useCandidate, useUnits } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormErrors } from '../../ui/useFormErrors.ts';
import { type Outcome, Section, StatusLine, useErrorText } from '../conversations/shared.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { looksLikeEmail, scoreGaps } from './recruitment-view.ts';

/** State passed to the position page after an erasure. */
export interface CandidateErasedState {
  erased?: string;
}

export function CandidatePage() {
  const { positionId = '', candidateId = '' } = useParams();
  if (!isVersionId(positionId) || !isVersionId(candidateId)) return <NotFoundPage />;
  return <CandidateLoader key={candidateId} candidateId={candidateId} />;
}

function CandidateLoader({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const candidate = useCandidate(candidateId);
  return (
    <>
      <p className="page-caption">{candidate.data?.position.title ?? t('recruitment.caption')}</p>
      <PageHeading>{candidate.data?.candidate.name ?? t('recruitment.candidate.loading')}</PageHeading>
      {candidate.isPending ? (
        <Loading />
      ) : candidate.isError ? (
        <QueryErrorNotice error={candidate.error} onRetry={() => void candidate.refetch()} />
      ) : (
        <CandidateView detail={candidate.data} />
      )}
    </>
  );
}

/** After a change: the new detail, and the lists that show the candidate go stale. */
function useCandidateChanged(detail: CandidateDetail) {
  const queryClient = useQueryClient();
  return async (next?: CandidateDetail) => {
    if (next) queryClient.setQueryData(queryKeys.candidate(detail.candidate.id), next);
    else await queryClient.invalidateQueries({ queryKey: queryKeys.candidate(detail.candidate.id) });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.positionCandidates(detail.position.id) }),
      queryClient.invalidateQueries({
        queryKey: queryKeys.comparison(detail.position.id),
        refetchType: 'none',
      }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
    ]);
  };
}

function CandidateView({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { candidate } = detail;
  return (
    <>
      <ul className="link-list print-hidden">
        <li>
          <Link to={`/rekruttering/${detail.position.id}`}>{t('recruitment.backToPosition')}</Link>
        </li>
        <li>
          <Link to={`/rekruttering/${detail.position.id}/guide`}>{t('recruitment.position.guideLink')}</Link>
        </li>
      </ul>
      <Section id="candidate-details" title={t('recruitment.candidate.detailsTitle')}>
        <dl className="summary-list">
          {candidate.email ? (
            <div className="summary-list-row">
              <dt>{t('recruitment.addCandidate.email')}</dt>
              <dd>{candidate.email}</dd>
            </div>
          ) : null}
          <div className="summary-list-row">
            <dt>{t('recruitment.addCandidate.language')}</dt>
            <dd>{t(`recruitment.addCandidate.languages.${candidate.locale}`)}</dd>
          </div>
          {candidate.externalUrl ? (
            <div className="summary-list-row">
              <dt>{t('recruitment.addCandidate.url')}</dt>
              <dd>
                <a href={candidate.externalUrl} rel="noreferrer noopener" target="_blank">
                  {t('recruitment.candidate.openExternal')}
                  <span className="visually-hidden"> {t('recruitment.candidate.newWindow')}</span>
                </a>
              </dd>
            </div>
          ) : null}
          {detail.hire ? (
            <div className="summary-list-row">
              <dt>{t('recruitment.hire.title')}</dt>
              <dd>
                {t('recruitment.hire.done', {
                  date: formatDate(detail.hire.hiredAt, locale),
                  confirmer: detail.hire.consentConfirmedBy.name,
                  confirmedAt: formatDate(detail.hire.consentConfirmedAt, locale),
                })}
              </dd>
            </div>
          ) : null}
        </dl>
      </Section>
      <SelfAssessmentSection detail={detail} />
      {detail.myScore ? <MyScoreSection detail={detail} /> : null}
      <PanelSection detail={detail} />
      {detail.canConsolidate || detail.consolidation ? <ConsolidationSection detail={detail} /> : null}
      {detail.canHire ? <HireSection detail={detail} /> : null}
      {detail.canErase ? <EraseSection detail={detail} /> : null}
    </>
  );
}

function SelfAssessmentSection({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const changed = useCandidateChanged(detail);
  const errorText = useErrorText();
  const [days, setDays] = useState('14');
  const [send, setSend] = useState(true);
  const [created, setCreated] = useState<{ url: string; expiresAt: string; emailQueued: boolean } | null>(
    null,
  );
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [copied, setCopied] = useState(false);
  const linkField = useRef<HTMLInputElement>(null);
  const { candidate, selfAssessment } = detail;
  const canSend =
    detail.canManage &&
    !selfAssessment &&
    (detail.position.status === 'open' || detail.position.status === 'interviewing');
  const levelName = (competenceId: string, level: number | null | undefined) => {
    if (level === null) return t('recruitment.selfAssessment.cannotAssess');
    if (level === undefined) return '–';
    const anchor = detail.competences.find((entry) => entry.id === competenceId)?.anchors[level - 1];
    return t('framework.levelLabel', { level, name: anchor?.name ?? '' });
  };

  const createLink = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expiresInDays = Number(days);
    try {
      const link = await api.createLink(candidate.id, { expiresInDays, send });
      setCreated(link);
      setCopied(false);
      setOutcome({
        kind: 'success',
        text: link.emailQueued
          ? t('recruitment.link.createdSent', { email: candidate.email ?? '' })
          : t('recruitment.link.created'),
      });
      await changed();
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };
  useEffect(() => {
    if (created) linkField.current?.focus();
  }, [created]);

  return (
    <Section id="candidate-self" title={t('recruitment.selfAssessment.title')}>
      {selfAssessment ? (
        <>
          <p>
            {t('recruitment.selfAssessment.submitted', {
              date: formatDate(selfAssessment.submittedAt, locale),
              time: formatTime(selfAssessment.submittedAt, locale),
            })}
          </p>
          <ScrollRegion labelledBy="self-caption">
            <table className="table">
              <caption id="self-caption" className="table-caption">
                {t('recruitment.selfAssessment.caption', { name: candidate.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('recruitment.competence')}</th>
                  <th scope="col">{t('recruitment.selfAssessment.level')}</th>
                  <th scope="col">{t('recruitment.target')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.competences.map((competence) => (
                  <tr key={competence.id}>
                    <th scope="row">{competence.name}</th>
                    <td>{levelName(competence.id, selfAssessment.ratings[competence.id])}</td>
                    <td>{competence.target ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : (
        <p>
          {candidate.link.state === 'active' && candidate.link.expiresAt
            ? t('recruitment.link.activeUntil', { date: formatDate(candidate.link.expiresAt, locale) })
            : t(`recruitment.linkState.${candidate.link.state}`)}
        </p>
      )}
      <StatusLine outcome={outcome} />
      {created ? (
        <div className="link-once">
          <label className="form-label" htmlFor="candidate-link-url">
            {t('recruitment.link.showOnce')}
          </label>
          <p className="form-hint" id="candidate-link-hint">
            {t('recruitment.link.showOnceHint', { date: formatDate(created.expiresAt, locale) })}
          </p>
          <input
            id="candidate-link-url"
            ref={linkField}
            className="form-input"
            type="text"
            readOnly
            value={created.url}
            aria-describedby="candidate-link-hint"
            onFocus={(event) => event.target.select()}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(created.url).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {t('recruitment.link.copy')}
            </button>
          </div>
          <p role="status">{copied ? t('recruitment.link.copied') : ''}</p>
        </div>
      ) : null}
      {canSend ? (
        <form
          className="form form--compact print-hidden"
          noValidate
          onSubmit={(event) => void createLink(event)}
          aria-labelledby="link-form-title"
        >
          <h3 id="link-form-title">
            {candidate.link.state === 'none'
              ? t('recruitment.link.formTitle')
              : t('recruitment.link.formTitleAgain')}
          </h3>
          <p className="form-hint">{t('recruitment.link.formHint')}</p>
          <div className="form-group">
            <label className="form-label" htmlFor="link-days">
              {t('recruitment.link.days')}
            </label>
            <select
              id="link-days"
              className="form-select form-select--m"
              value={days}
              onChange={(event) => setDays(event.target.value)}
            >
              {[3, 7, 14, 21, 30].map((value) => (
                <option key={value} value={value}>
                  {t('recruitment.link.daysOption', { count: value })}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <div className="checkbox">
              <input
                className="checkbox-input"
                type="checkbox"
                id="link-send"
                checked={send}
                onChange={(event) => setSend(event.target.checked)}
              />
              <label className="checkbox-label" htmlFor="link-send">
                {t('recruitment.link.send', { email: candidate.email ?? '' })}
              </label>
            </div>
          </div>
          <button type="submit" className="button button--secondary">
            {t('recruitment.link.create')}
          </button>
        </form>
      ) : null}
    </Section>
  );
}

const scoreIds = {
  level: (competenceId: string, level: number) => `score-${competenceId}-${level}`,
  why: (competenceId: string) => `score-${competenceId}-why`,
};

function MyScoreSection({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const changed = useCandidateChanged(detail);
  const errorText = useErrorText();
  const myScore = detail.myScore!;
  const [ratings, setRatings] = useState<MyScoreRatings>(myScore.ratings);
  const [version, setVersion] = useState(myScore.version);
  const { errors, attempt, fail, clear, errorOf } = useFormErrors();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = myScore.state !== 'submitted' && detail.position.status === 'interviewing';
  const nameOf = (id: string) => detail.competences.find((entry) => entry.id === id)?.name ?? id;

  if (!editable) {
    return (
      <Section id="candidate-my-score" title={t('recruitment.score.title')}>
        {myScore.state === 'submitted' && myScore.submittedAt ? (
          <p>
            {t('recruitment.score.submittedOn', {
              date: formatDate(myScore.submittedAt, locale),
              time: formatTime(myScore.submittedAt, locale),
            })}
          </p>
        ) : (
          <p>{t('recruitment.score.notInterviewing')}</p>
        )}
        <ScoreList detail={detail} ratings={myScore.ratings} />
      </Section>
    );
  }

  const rate = (competenceId: string, change: Partial<MyScoreRatings[string]>) =>
    setRatings((current) => ({
      ...current,
      [competenceId]: { level: null, justification: '', ...current[competenceId], ...change },
    }));

  const saveDraft = async (): Promise<number | null> => {
    try {
      const saved = await api.saveScore(detail.candidate.id, { version, ratings });
      setVersion(saved.version);
      return saved.version;
    } catch (error) {
      setOutcome({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? t('recruitment.score.conflict')
            : errorText(error),
      });
      return null;
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const gaps = scoreGaps(
      detail.competences.map((competence) => competence.id),
      ratings,
    );
    if (gaps.length > 0) {
      fail(
        gaps.map((gap) => ({
          fieldId:
            gap.missing === 'level' ? scoreIds.level(gap.competenceId, 1) : scoreIds.why(gap.competenceId),
          message: t(`recruitment.score.errors.${gap.missing}`, { name: nameOf(gap.competenceId) }),
        })),
      );
      return;
    }
    setBusy(true);
    try {
      const saved = await saveDraft();
      if (saved === null) return;
      const next = await api.submitScore(detail.candidate.id, saved);
      clear();
      await changed(next);
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="candidate-my-score" title={t('recruitment.score.title')}>
      <div className="notice notice--info">
        <p>{t('recruitment.score.blind')}</p>
      </div>
      <StatusLine outcome={outcome} />
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form assessment-form"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label={t('recruitment.score.title')}
      >
        {detail.competences.map((competence) => {
          const rating = ratings[competence.id];
          const levelError = errorOf(scoreIds.level(competence.id, 1));
          const whyError = errorOf(scoreIds.why(competence.id));
          return (
            <fieldset
              key={competence.id}
              className={levelError ? 'rating form-group--error' : 'rating'}
              aria-describedby={
                levelError
                  ? `score-${competence.id}-desc score-${competence.id}-error`
                  : `score-${competence.id}-desc`
              }
            >
              <legend className="rating-legend">
                <h3 className="rating-name">{competence.name}</h3>
              </legend>
              <p className="rating-description" id={`score-${competence.id}-desc`}>
                {competence.target
                  ? t('recruitment.score.targetLine', {
                      level: competence.target,
                      name: competence.anchors[competence.target - 1]?.name ?? '',
                    })
                  : competence.description}
              </p>
              {levelError ? <FieldError id={`score-${competence.id}-error`} message={levelError} /> : null}
              <div className="rating-options">
                {competence.anchors.map((anchor) => (
                  <div className="radio radio--described" key={anchor.level}>
                    <input
                      className="radio-input"
                      type="radio"
                      name={`score-${competence.id}`}
                      id={scoreIds.level(competence.id, anchor.level)}
                      checked={rating?.level === anchor.level}
                      onChange={() => rate(competence.id, { level: anchor.level })}
                    />
                    <label className="radio-label" htmlFor={scoreIds.level(competence.id, anchor.level)}>
                      <span className="radio-title">
                        {t('framework.levelLabel', { level: anchor.level, name: anchor.name })}
                      </span>{' '}
                      <span className="radio-hint">{anchor.text}</span>
                    </label>
                  </div>
                ))}
              </div>
              <CharacterCountedTextArea
                id={scoreIds.why(competence.id)}
                label={t('recruitment.score.justification')}
                hint={t('recruitment.score.justificationHint')}
                value={rating?.justification ?? ''}
                onChange={(value) => rate(competence.id, { justification: value })}
                maxLength={1000}
                rows={3}
                error={whyError}
                required
              />
            </fieldset>
          );
        })}
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              void saveDraft().then((saved) => {
                if (saved !== null) setOutcome({ kind: 'success', text: t('recruitment.score.draftSaved') });
              })
            }
          >
            {t('recruitment.score.saveDraft')}
          </button>
          <button type="submit" className="button button--primary">
            {busy ? t('recruitment.score.submitting') : t('recruitment.score.submit')}
          </button>
        </div>
        <p className="form-hint">{t('recruitment.score.submitHint')}</p>
      </form>
    </Section>
  );
}

function ScoreList({ detail, ratings }: { detail: CandidateDetail; ratings: MyScoreRatings }) {
  const { t } = useTranslation();
  return (
    <dl className="answer-list">
      {detail.competences.map((competence) => {
        const rating = ratings[competence.id];
        const anchor = rating?.level ? competence.anchors[rating.level - 1] : undefined;
        return (
          <div className="answer" key={competence.id}>
            <dt className="answer-name">{competence.name}</dt>
            <dd className="answer-level">
              {rating?.level
                ? t('framework.levelLabel', { level: rating.level, name: anchor?.name ?? '' })
                : '–'}
            </dd>
            {rating?.justification ? <dd className="answer-note">{rating.justification}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}

function PanelSection({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const others = detail.scores.filter((score) => score.ratings !== null);
  const spread = new Map((detail.spread ?? []).map((entry) => [entry.competenceId, entry]));
  return (
    <Section id="candidate-panel" title={t('recruitment.panel.title')}>
      <ul className="plain-list">
        {detail.scores.map((score) => (
          <li key={score.member.id}>
            {t('recruitment.panel.memberState', {
              name: score.member.name,
              state: t(`recruitment.scoreState.${score.state}`),
            })}
          </li>
        ))}
      </ul>
      {!detail.allSubmitted ? (
        <p className="muted">
          {detail.myScore && detail.myScore.state !== 'submitted'
            ? t('recruitment.panel.blindUntilYou')
            : t('recruitment.panel.waiting')}
        </p>
      ) : null}
      {others.length > 0 ? (
        <>
          <ScrollRegion labelledBy="panel-caption">
            <table className="table table--numbers">
              <caption id="panel-caption" className="table-caption">
                {detail.spread ? t('recruitment.panel.captionSpread') : t('recruitment.panel.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('recruitment.competence')}</th>
                  {others.map((score) => (
                    <th scope="col" className="numeric" key={score.member.id}>
                      {score.member.name}
                    </th>
                  ))}
                  {detail.spread ? <th scope="col">{t('recruitment.panel.spread')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {detail.competences.map((competence) => {
                  const entry = spread.get(competence.id);
                  return (
                    <tr key={competence.id} className={entry?.disagreement ? 'row-disagreement' : undefined}>
                      <th scope="row">{competence.name}</th>
                      {others.map((score) => (
                        <td className="numeric" key={score.member.id}>
                          {score.ratings?.[competence.id]?.level ?? '–'}
                        </td>
                      ))}
                      {detail.spread ? (
                        <td>
                          {entry && entry.min !== null
                            ? t('recruitment.panel.range', { min: entry.min, max: entry.max })
                            : '–'}
                          {entry?.disagreement ? (
                            <strong className="tag tag--strong">{t('recruitment.panel.disagreement')}</strong>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          {others.map((score) => (
            <details key={score.member.id} className="panel-reasons">
              <summary>{t('recruitment.panel.reasonsOf', { name: score.member.name })}</summary>
              <ScoreList detail={detail} ratings={score.ratings ?? {}} />
            </details>
          ))}
        </>
      ) : null}
    </Section>
  );
}

function ConsolidationSection({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const changed = useCandidateChanged(detail);
  const errorText = useErrorText();
  const spread = new Map((detail.spread ?? []).map((entry) => [entry.competenceId, entry]));
  const [scores, setScores] = useState<Record<string, { level: number; note: string }>>(() =>
    Object.fromEntries(
      detail.competences.map((competence) => [
        competence.id,
        detail.consolidation?.scores[competence.id] ?? {
          level: spread.get(competence.id)?.median ?? competence.target ?? 1,
          note: '',
        },
      ]),
    ),
  );
  const { errors, attempt, fail, clear, errorOf, failFrom } = useFormErrors();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fieldId = (competenceId: string, part: 'level' | 'note') => `consolidation-${competenceId}-${part}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    for (const competence of detail.competences) {
      const entry = spread.get(competence.id);
      const agreed = scores[competence.id]!;
      const outside =
        entry &&
        entry.min !== null &&
        entry.max !== null &&
        (agreed.level < entry.min || agreed.level > entry.max);
      if ((entry?.disagreement || outside) && !agreed.note.trim())
        found.push({
          fieldId: fieldId(competence.id, 'note'),
          message: t('recruitment.consolidation.noteRequired', { name: competence.name }),
        });
    }
    if (found.length) return fail(found);
    clear();
    try {
      const next = await api.consolidate(detail.candidate.id, {
        version: detail.consolidation?.version ?? 0,
        scores,
      });
      setOutcome({ kind: 'success', text: t('recruitment.consolidation.saved') });
      await changed(next);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        failFrom(error, (path) => fieldId(path.split('.')[1] ?? '', 'note'), t('errors.generic.text'));
      } else {
        setOutcome({
          kind: 'error',
          text:
            error instanceof ApiError && error.status === 409
              ? t('recruitment.consolidation.conflict')
              : errorText(error),
        });
      }
    }
  };

  if (!detail.canConsolidate && detail.consolidation) {
    return (
      <Section id="candidate-consolidation" title={t('recruitment.consolidation.title')}>
        <ConsolidationSummary detail={detail} />
      </Section>
    );
  }
  return (
    <Section id="candidate-consolidation" title={t('recruitment.consolidation.title')}>
      <p>{t('recruitment.consolidation.intro')}</p>
      {detail.consolidation ? (
        <p className="muted">
          {t('recruitment.consolidation.lastSaved', {
            name: detail.consolidation.updatedBy.name,
            date: formatDate(detail.consolidation.updatedAt, locale),
          })}
        </p>
      ) : null}
      <StatusLine outcome={outcome} />
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label={t('recruitment.consolidation.title')}
      >
        {detail.competences.map((competence) => {
          const entry = spread.get(competence.id);
          const noteError = errorOf(fieldId(competence.id, 'note'));
          return (
            <fieldset key={competence.id} className="fieldset form-group consolidation-item">
              <legend className="form-label form-label--legend">
                {competence.name}
                {entry?.disagreement ? (
                  <strong className="tag tag--strong">{t('recruitment.panel.disagreement')}</strong>
                ) : null}
              </legend>
              <p className="form-hint">
                {entry && entry.min !== null
                  ? t('recruitment.consolidation.panelScored', { levels: entry.levels.join(', ') })
                  : null}
              </p>
              <label className="form-label" htmlFor={fieldId(competence.id, 'level')}>
                {t('recruitment.consolidation.level', { name: competence.name })}
              </label>
              <select
                id={fieldId(competence.id, 'level')}
                className="form-select form-select--m"
                value={scores[competence.id]?.level}
                onChange={(event) =>
                  setScores((current) => ({
                    ...current,
                    [competence.id]: { ...current[competence.id]!, level: Number(event.target.value) },
                  }))
                }
              >
                {competence.anchors.map((anchor) => (
                  <option key={anchor.level} value={anchor.level}>
                    {t('framework.levelLabel', { level: anchor.level, name: anchor.name })}
                  </option>
                ))}
              </select>
              <CharacterCountedTextArea
                id={fieldId(competence.id, 'note')}
                label={t('recruitment.consolidation.note', { name: competence.name })}
                hint={
                  entry?.disagreement
                    ? t('recruitment.consolidation.noteHintRequired')
                    : t('recruitment.consolidation.noteHint')
                }
                value={scores[competence.id]?.note ?? ''}
                onChange={(value) =>
                  setScores((current) => ({
                    ...current,
                    [competence.id]: { ...current[competence.id]!, note: value },
                  }))
                }
                maxLength={1000}
                rows={2}
                error={noteError}
              />
            </fieldset>
          );
        })}
        <button type="submit" className="button button--primary">
          {t('recruitment.consolidation.save')}
        </button>
      </form>
    </Section>
  );
}

function ConsolidationSummary({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const consolidation = detail.consolidation!;
  return (
    <dl className="answer-list">
      {detail.competences.map((competence) => {
        const agreed = consolidation.scores[competence.id];
        return (
          <div className="answer" key={competence.id}>
            <dt className="answer-name">{competence.name}</dt>
            <dd className="answer-level">
              {agreed
                ? t('framework.levelLabel', {
                    level: agreed.level,
                    name: competence.anchors[agreed.level - 1]?.name ?? '',
                  })
                : '–'}
            </dd>
            {agreed?.note ? <dd className="answer-note">{agreed.note}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}

const hireIds = {
  unit: 'hire-unit',
  email: 'hire-email',
  title: 'hire-title',
  consent: 'hire-consent',
  seed: 'hire-seed',
};

function HireSection({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const units = useUnits();
  const changed = useCandidateChanged(detail);
  const [unitId, setUnitId] = useState('');
  const [email, setEmail] = useState(detail.candidate.email ?? '');
  const [title, setTitle] = useState('');
  const [consent, setConsent] = useState(false);
  const [seed, setSeed] = useState(true);
  const { errors, attempt, fail, errorOf, failFrom } = useFormErrors();
  const all = units.data?.units ?? [];
  const choosable = hasRole(user, 'hr')
    ? all
    : all.filter((unit) =>
        subtreeUnitIds(
          all,
          user.ledUnits.map((led) => led.id),
        ).has(unit.id),
      );
  const chosenUnit = unitId || choosable[0]?.id || '';
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!looksLikeEmail(email))
      found.push({ fieldId: hireIds.email, message: t('recruitment.addCandidate.errors.email') });
    if (!consent) found.push({ fieldId: hireIds.consent, message: t('recruitment.hire.errors.consent') });
    if (found.length) return fail(found);
    try {
      await api.hire(detail.candidate.id, {
        unitId: chosenUnit,
        email: email.trim(),
        title: title.trim() || null,
        consentConfirmed: true,
        seedProfile: seed,
      });
      await changed();
    } catch (error) {
      const ids: Record<string, string> = { email: hireIds.email, unitId: hireIds.unit };
      failFrom(error, (path) => ids[path], t('errors.generic.text'));
    }
  };
  const consentError = errorOf(hireIds.consent);
  return (
    <Section id="candidate-hire" title={t('recruitment.hire.title')}>
      <p>{t('recruitment.hire.intro', { name: detail.candidate.name })}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      {units.isPending ? (
        <Loading />
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => void onSubmit(event)}
          aria-label={t('recruitment.hire.title')}
        >
          <div className="form-group">
            <label className="form-label" htmlFor={hireIds.unit}>
              {t('recruitment.hire.unit')}
            </label>
            {errorOf(hireIds.unit) ? (
              <FieldError id={`${hireIds.unit}-error`} message={errorOf(hireIds.unit)!} />
            ) : null}
            <select
              id={hireIds.unit}
              className="form-select"
              value={chosenUnit}
              onChange={(event) => setUnitId(event.target.value)}
            >
              {choosable.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={hireIds.email}
            name="hire-email"
            type="email"
            label={t('recruitment.hire.email')}
            hint={t('recruitment.hire.emailHint')}
            value={email}
            onChange={setEmail}
            error={errorOf(hireIds.email)}
            required
          />
          <TextField
            id={hireIds.title}
            name="hire-title"
            label={t('recruitment.hire.jobTitle')}
            value={title}
            onChange={setTitle}
          />
          <div className={consentError ? 'form-group form-group--error' : 'form-group'}>
            {consentError ? <FieldError id={`${hireIds.consent}-error`} message={consentError} /> : null}
            <div className="checkbox">
              <input
                className="checkbox-input"
                type="checkbox"
                id={hireIds.consent}
                checked={consent}
                aria-invalid={consentError ? true : undefined}
                aria-describedby={`${hireIds.consent}-hint${consentError ? ` ${hireIds.consent}-error` : ''}`}
                onChange={(event) => setConsent(event.target.checked)}
              />
              <label className="checkbox-label" htmlFor={hireIds.consent}>
                {t('recruitment.hire.consent', { name: detail.candidate.name })}
              </label>
            </div>
            <p className="form-hint checkbox-hint" id={`${hireIds.consent}-hint`}>
              {t('recruitment.hire.consentHint', { name: user.name })}
            </p>
          </div>
          <div className="form-group">
            <div className="checkbox">
              <input
                className="checkbox-input"
                type="checkbox"
                id={hireIds.seed}
                checked={seed}
                aria-describedby={`${hireIds.seed}-hint`}
                onChange={(event) => setSeed(event.target.checked)}
              />
              <label className="checkbox-label" htmlFor={hireIds.seed}>
                {t('recruitment.hire.seed')}
              </label>
            </div>
            <p className="form-hint checkbox-hint" id={`${hireIds.seed}-hint`}>
              {t('recruitment.hire.seedHint')}
            </p>
          </div>
          <button type="submit" className="button button--primary">
            {t('recruitment.hire.submit', { name: detail.candidate.name })}
          </button>
        </form>
      )}
    </Section>
  );
}

function EraseSection({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const erase = async () => {
    try {
      await api.eraseCandidate(detail.candidate.id);
      queryClient.removeQueries({ queryKey: queryKeys.candidate(detail.candidate.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.position(detail.position.id) });
      const state: CandidateErasedState = { erased: detail.candidate.name };
      await navigate(`/rekruttering/${detail.position.id}`, { state });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };
  return (
    <Section id="candidate-erase" title={t('recruitment.erase.title')} className="print-hidden">
      <p id="erase-hint">{t('recruitment.erase.intro')}</p>
      <StatusLine outcome={outcome} />
      {confirming ? (
        <div className="notice notice--warning" role="alert">
          <p>{t('recruitment.erase.confirm', { name: detail.candidate.name })}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void erase()}>
              {t('recruitment.erase.confirmButton')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('recruitment.statusActions.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          aria-describedby="erase-hint"
          onClick={() => setConfirming(true)}
        >
          {t('recruitment.erase.button', { name: detail.candidate.name })}
        </button>
      )}
    </Section>
  );
}
