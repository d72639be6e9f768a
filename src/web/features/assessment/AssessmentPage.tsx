/**
 * @module The assessment form: competence by competence, a radio group of behaviourally described levels and an
 * optional note; saved as a draft while the user works, submitted when complete, read-only afterwards.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Area, Competence, FrameworkDocument } from '../../../domain/framework.ts';
import type { Scale } from '../../../domain/scale.ts';
import type { Locale } from '../../../domain/text.ts';
import type { SessionUser } from '../../../server/contracts/auth.ts';
import type { Assessment } from '../../../server/contracts/rounds.ts';
import { ApiError, type AssessmentRef, api } from '../../api/client.ts';
import { queryKeys, useFrameworkVersion, useTasks } from '../../api/queries.ts';
import { formatDate, formatDay, formatTime, todayIso } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { DraftSaver, type SavedAssessment, type SaveFailure, type SaveStatus } from './autosave.ts';
import { type DraftRating, type DraftRatings, draftKey, LocalDrafts, reconcile } from './draft.ts';

/** Notes are limited by the server to this many characters. */
const noteMaxLength = 2000;
/** A request kept alive past the page's end may carry at most 64 kB; leave room for headers. */
const keepaliveLimit = 60_000;

const radioId = (competenceId: string, level: number | 'none') => `rating-${competenceId}-${level}`;

export function AssessmentPage() {
  const { roundId = '', userId = '', rater = '' } = useParams();
  if (!isVersionId(roundId) || !isVersionId(userId) || (rater !== 'self' && rater !== 'leader')) {
    return <NotFoundPage />;
  }
  return (
    <AssessmentLoader key={`${roundId}/${userId}/${rater}`} roundId={roundId} userId={userId} rater={rater} />
  );
}

function useTitle(assessment: Assessment | undefined, viewer: SessionUser): string {
  const { t } = useTranslation();
  if (!assessment) return t('assessment.loadingTitle');
  const own = assessment.subject.id === viewer.id;
  const name = assessment.subject.name;
  if (assessment.rater === 'self')
    return own ? t('assessment.titleSelf') : t('assessment.titleSelfOf', { name });
  return own ? t('assessment.titleLeaderOfMe') : t('assessment.titleLeader', { name });
}

/** The round's name, when the task list knows it (the assessment itself only carries the round's id). */
function useRoundName(roundId: string): string | undefined {
  const tasks = useTasks();
  return tasks.data?.tasks.find((task) => task.roundId === roundId)?.roundName;
}

function AssessmentLoader({ roundId, userId, rater }: AssessmentRef) {
  const { t } = useTranslation();
  // One object for the page's lifetime: the autosave is built around it.
  const assessmentRef = useMemo<AssessmentRef>(() => ({ roundId, userId, rater }), [roundId, userId, rater]);
  const viewer = useCurrentUser();
  const assessment = useQuery({
    queryKey: queryKeys.assessment(assessmentRef),
    queryFn: () => api.assessment(assessmentRef),
    staleTime: 0,
    gcTime: 0,
  });
  const framework = useFrameworkVersion(assessment.data?.frameworkVersionId);
  const title = useTitle(assessment.data, viewer);
  const roundName = useRoundName(assessmentRef.roundId);

  let content: React.ReactNode;
  if (assessment.isError) {
    content = <QueryErrorNotice error={assessment.error} onRetry={() => void assessment.refetch()} />;
  } else if (framework.isError) {
    content = <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />;
  } else if (!assessment.data || !framework.data) {
    content = <Loading />;
  } else {
    content = (
      <AssessmentView
        initial={assessment.data}
        framework={framework.data.document}
        assessmentRef={assessmentRef}
        viewer={viewer}
      />
    );
  }
  return (
    <>
      <p className="page-caption">{roundName ?? t('rounds.board.caption')}</p>
      <PageHeading>{title}</PageHeading>
      {content}
    </>
  );
}

interface AssessmentViewProps {
  initial: Assessment;
  framework: FrameworkDocument;
  assessmentRef: AssessmentRef;
  viewer: SessionUser;
}

function AssessmentView(props: AssessmentViewProps) {
  const [assessment, setAssessment] = useState(props.initial);
  const [justSubmitted, setJustSubmitted] = useState(false);
  if (assessment.editable) {
    return (
      <EditableAssessment
        {...props}
        initial={assessment}
        onSubmitted={(submitted) => {
          setJustSubmitted(true);
          setAssessment(submitted);
        }}
      />
    );
  }
  return (
    <ReadOnlyAssessment
      assessment={assessment}
      framework={props.framework}
      viewer={props.viewer}
      justSubmitted={justSubmitted}
    />
  );
}

function DeadlineLine({ deadline, submitted }: { deadline: string; submitted: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const overdue = !submitted && todayIso() > deadline;
  return (
    <p className="deadline-line">
      {t('assessment.deadline', { date: formatDay(deadline, locale) })}
      {overdue ? <strong className="tag tag--strong">{t('tasks.overdue')}</strong> : null}
    </p>
  );
}

function Reopenings({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (assessment.reopenings.length === 0) return null;
  return (
    <div className="notice">
      <h2 className="notice-title">{t('assessment.reopenedTitle')}</h2>
      <ul className="plain-list">
        {assessment.reopenings.map((reopening) => (
          <li key={reopening.at}>
            {t('assessment.reopenedBy', {
              name: reopening.by.name,
              date: formatDate(reopening.at, locale),
              reason: reopening.reason,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

const classify = (error: unknown): SaveFailure => {
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === 409) return 'conflict';
  if (error.code === 'network_error' || error.status >= 500 || error.status === 429) return 'retry';
  // 401 (signed out: the copy waits for the next login), 404, 422 (closed or submitted), 400: saving cannot succeed.
  return 'blocked';
};

const toSaved = (assessment: Assessment): SavedAssessment => ({
  version: assessment.version,
  ratings: assessment.ratings,
});

/**
 * Competences without a level or "cannot assess", as the domain's `missingRatings` counts them (which the server
 * applies on submit). Not imported from the domain: that module brings zod, and with it 180 kB, into the bundle.
 */
function missingLevels(framework: FrameworkDocument, draft: DraftRatings): string[] {
  return framework.areas
    .flatMap((area) => area.competences)
    .filter((competence) => draft[competence.id]?.level === undefined)
    .map((competence) => competence.id);
}

function EditableAssessment(props: AssessmentViewProps & { onSubmitted: (assessment: Assessment) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const { initial, framework, assessmentRef, viewer, onSubmitted } = props;
  const local = useMemo(
    () =>
      new LocalDrafts(draftKey(viewer.id, assessmentRef.roundId, assessmentRef.userId, assessmentRef.rater)),
    [viewer.id, assessmentRef],
  );
  const [opening] = useState(() => ({ reconciled: reconcile(initial, local.read()), copy: local.read() }));
  const { reconciled } = opening;
  const [draft, setDraft] = useState<DraftRatings>(() =>
    reconciled.kind === 'conflict' ? reconciled.local.ratings : reconciled.ratings,
  );
  const [status, setStatus] = useState<SaveStatus>(() =>
    reconciled.kind === 'conflict'
      ? { kind: 'conflict', latest: toSaved(initial) }
      : reconciled.kind === 'restored'
        ? { kind: 'pending' }
        : { kind: 'unchanged' },
  );
  const [errors, setErrors] = useState<FormError[]>([]);
  const [missing, setMissing] = useState<Readonly<Record<string, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const saver = useRef<DraftSaver | null>(null);
  /** The draft the saver last heard about, so a reset from the server is not sent back as a change. */
  const synced = useRef<DraftRatings>(draft);

  useEffect(() => {
    const copy = opening.copy;
    const instance = new DraftSaver({
      version: reconciled.kind === 'conflict' && copy ? copy.baseVersion : initial.version,
      saved:
        reconciled.kind === 'conflict'
          ? {}
          : reconciled.kind === 'restored'
            ? initial.ratings
            : reconciled.ratings,
      draft: synced.current,
      ...(reconciled.kind === 'conflict' ? { conflict: toSaved(initial) } : {}),
      save: async (version, ratings, { keepalive }) => {
        const input = { version, ratings };
        const small = JSON.stringify(input).length < keepaliveLimit;
        return toSaved(await api.saveAssessment(assessmentRef, input, { keepalive: keepalive && small }));
      },
      loadLatest: async () => toSaved(await api.assessment(assessmentRef)),
      classify,
      copy: local,
      onStatus: setStatus,
    });
    saver.current = instance;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void instance.flush({ keepalive: true });
    };
    const onPageHide = () => void instance.flush({ keepalive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      instance.dispose();
      if (saver.current === instance) saver.current = null;
    };
  }, [assessmentRef, initial, local, opening, reconciled]);

  useEffect(() => {
    if (draft === synced.current) return;
    synced.current = draft;
    saver.current?.change(draft);
  }, [draft]);

  const onRate = useCallback((competenceId: string, change: DraftRating) => {
    setDraft((current) => ({ ...current, [competenceId]: { ...current[competenceId], ...change } }));
  }, []);

  const resetTo = (next: DraftRatings) => {
    synced.current = next;
    setDraft(next);
  };

  const competences = framework.areas.flatMap((area) => area.competences);
  const answered = competences.filter((competence) => draft[competence.id]?.level !== undefined).length;
  const nameOf = (competenceId: string) =>
    competences.find((competence) => competence.id === competenceId)?.name[locale] ?? competenceId;

  const showMissing = (fields: Record<string, string>) => {
    setMissing(fields);
    setErrors(
      Object.entries(fields).map(([competenceId, message]) => ({
        fieldId: radioId(competenceId, 1),
        message: t('assessment.errors.missingOne', { name: nameOf(competenceId), message }),
      })),
    );
    setAttempt((count) => count + 1);
  };
  const showFormError = (message: string) => {
    setMissing({});
    setErrors([{ message }]);
    setAttempt((count) => count + 1);
  };

  const submit = async () => {
    const instance = saver.current;
    if (submitting || !instance) return;
    const notRated = missingLevels(framework, draft);
    if (notRated.length > 0) {
      showMissing(Object.fromEntries(notRated.map((id) => [id, t('assessment.errors.chooseLevel')])));
      return;
    }
    setSubmitting(true);
    try {
      await instance.flush();
      if (instance.stopped || instance.dirty) {
        showFormError(t('assessment.errors.notSaved'));
        return;
      }
      const submitted = await api.submitAssessment(assessmentRef, instance.version);
      instance.finish();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
        queryClient.invalidateQueries({ queryKey: queryKeys.rounds, refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: queryKeys.profiles, refetchType: 'none' }),
      ]);
      onSubmitted(submitted);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'incomplete_assessment') {
        showMissing({ ...error.fields });
      } else if (error instanceof ApiError && error.status === 409) {
        const latest = toSaved(await api.assessment(assessmentRef).catch(() => initial));
        setStatus({ kind: 'conflict', latest });
        showFormError(t('assessment.errors.conflictOnSubmit'));
      } else {
        showFormError(error instanceof ApiError && error.message ? error.message : t('errors.generic.text'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const restoredAt = reconciled.kind === 'restored' ? reconciled.changedAt : null;

  return (
    <>
      <DeadlineLine deadline={initial.deadline} submitted={false} />
      <p className="lead">
        {assessmentRef.rater === 'self'
          ? t('assessment.introSelf')
          : t('assessment.introLeader', { name: initial.subject.name })}
      </p>
      <p>{assessmentRef.rater === 'self' ? t('assessment.whoSeesSelf') : t('assessment.whoSeesLeader')}</p>
      <Reopenings assessment={initial} />
      {restoredAt ? (
        <div className="notice notice--info" role="status">
          <p>
            {t('assessment.restored', {
              date: formatDate(restoredAt, locale),
              time: formatTime(restoredAt, locale),
            })}
          </p>
        </div>
      ) : null}
      {status.kind === 'conflict' ? (
        <ConflictNotice
          atOpening={reconciled.kind === 'conflict'}
          onUseLatest={() => {
            const instance = saver.current;
            if (instance) resetTo(instance.adoptLatest(status.latest));
          }}
          onKeepMine={() => void saver.current?.keepMine(status.latest)}
        />
      ) : null}

      <div className="save-bar">
        <p className="save-status" role="status">
          <SaveStatusText status={status} updatedAt={initial.updatedAt} />
        </p>
        <p className="save-progress">
          {t('assessment.progress', { count: answered, total: competences.length })}
        </p>
      </div>

      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form assessment-form"
        noValidate
        aria-label={t('assessment.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {framework.areas.map((area) => (
          <AreaRatings
            key={area.id}
            area={area}
            scale={framework.scale}
            draft={draft}
            missing={missing}
            rater={assessmentRef.rater}
            locale={locale}
            onRate={onRate}
          />
        ))}
        <div className="submit-area">
          <h2>{t('assessment.submitTitle')}</h2>
          <p>
            {assessmentRef.rater === 'self'
              ? t('assessment.submitHintSelf')
              : t('assessment.submitHintLeader')}
          </p>
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('assessment.submitting') : t('assessment.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

function SaveStatusText({ status, updatedAt }: { status: SaveStatus; updatedAt: string | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  switch (status.kind) {
    case 'unchanged':
      return updatedAt
        ? t('assessment.status.savedEarlier', {
            date: formatDate(updatedAt, locale),
            time: formatTime(updatedAt, locale),
          })
        : t('assessment.status.autosave');
    case 'pending':
    case 'saving':
      return t('assessment.status.saving');
    case 'saved':
      return t('assessment.status.saved', { time: formatTime(status.at, locale) });
    case 'retrying':
      return t('assessment.status.retrying');
    case 'conflict':
      return t('assessment.status.conflict');
    case 'blocked':
      return t('assessment.status.blocked', {
        message:
          status.error instanceof ApiError && status.error.message
            ? status.error.message
            : t('errors.generic.text'),
      });
  }
}

function ConflictNotice(props: { atOpening: boolean; onUseLatest: () => void; onKeepMine: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice-title">{t('assessment.conflict.title')}</h2>
      <p>{props.atOpening ? t('assessment.conflict.textOpening') : t('assessment.conflict.text')}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={props.onUseLatest}>
          {t('assessment.conflict.useLatest')}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onKeepMine}>
          {t('assessment.conflict.keepMine')}
        </button>
      </div>
    </div>
  );
}

interface AreaRatingsProps {
  area: Area;
  scale: Scale;
  draft: DraftRatings;
  missing: Readonly<Record<string, string>>;
  rater: 'self' | 'leader';
  locale: Locale;
  onRate: (competenceId: string, change: DraftRating) => void;
}

function AreaRatings({ area, scale, draft, missing, rater, locale, onRate }: AreaRatingsProps) {
  return (
    <section className="rating-area" aria-labelledby={`area-${area.id}`}>
      <h2 id={`area-${area.id}`}>{area.name[locale]}</h2>
      {area.competences.map((competence) => (
        <CompetenceRating
          key={competence.id}
          competence={competence}
          scale={scale}
          rating={draft[competence.id]}
          error={missing[competence.id]}
          rater={rater}
          locale={locale}
          onRate={onRate}
        />
      ))}
    </section>
  );
}

interface CompetenceRatingProps {
  competence: Competence;
  scale: Scale;
  rating: DraftRating | undefined;
  error: string | undefined;
  rater: 'self' | 'leader';
  locale: Locale;
  onRate: (competenceId: string, change: DraftRating) => void;
}

const CompetenceRating = memo(function CompetenceRating(props: CompetenceRatingProps) {
  const { t } = useTranslation();
  const { competence, scale, rating, error, rater, locale, onRate } = props;
  const id = competence.id;
  const descriptionId = `competence-${id}-description`;
  const errorId = `competence-${id}-error`;
  const noteField = rater === 'self' ? 'example' : 'comment';
  const prompt = competence.evidencePrompts[0]?.[locale];
  const levelName = (level: number) =>
    scale.levels.find((entry) => entry.level === level)?.name[locale] ?? '';
  return (
    <fieldset
      className={error ? 'rating form-group--error' : 'rating'}
      id={`competence-${id}`}
      aria-describedby={error ? `${descriptionId} ${errorId}` : descriptionId}
    >
      <legend className="rating-legend">
        <h3 className="rating-name">{competence.name[locale]}</h3>
      </legend>
      <p className="rating-description" id={descriptionId}>
        {competence.description[locale]}
      </p>
      {error ? <FieldError id={errorId} message={error} /> : null}
      <div className="rating-options">
        {competence.levels.map((entry) => (
          <div className="radio radio--described" key={entry.level}>
            <input
              className="radio-input"
              type="radio"
              name={`rating-${id}`}
              id={radioId(id, entry.level)}
              checked={rating?.level === entry.level}
              onChange={() => onRate(id, { level: entry.level })}
            />
            <label className="radio-label" htmlFor={radioId(id, entry.level)}>
              <span className="radio-title">
                {t('framework.levelLabel', { level: entry.level, name: levelName(entry.level) })}
              </span>{' '}
              <span className="radio-hint">{entry.behaviour[locale]}</span>
            </label>
          </div>
        ))}
        <div className="radio radio--described radio--separated">
          <input
            className="radio-input"
            type="radio"
            name={`rating-${id}`}
            id={radioId(id, 'none')}
            checked={rating?.level === null}
            onChange={() => onRate(id, { level: null })}
          />
          <label className="radio-label" htmlFor={radioId(id, 'none')}>
            <span className="radio-title">{scale.cannotAssess.name[locale]}</span>{' '}
            <span className="radio-hint">{scale.cannotAssess.meaning[locale]}</span>
          </label>
        </div>
      </div>
      <CharacterCountedTextArea
        id={`note-${id}`}
        label={rater === 'self' ? t('assessment.example') : t('assessment.comment')}
        hint={rater === 'self' ? (prompt ?? t('assessment.exampleHint')) : t('assessment.commentHint')}
        value={rating?.[noteField] ?? ''}
        onChange={(value) => onRate(id, { [noteField]: value })}
        maxLength={noteMaxLength}
        rows={3}
      />
    </fieldset>
  );
});

function ReadOnlyAssessment(props: {
  assessment: Assessment;
  framework: FrameworkDocument;
  viewer: SessionUser;
  justSubmitted: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { assessment, framework, viewer, justSubmitted } = props;
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justSubmitted) notice.current?.focus();
  }, [justSubmitted]);
  const levelText = (competence: Competence, level: number | null | undefined) => {
    if (level === undefined) return t('assessment.readOnly.notAnswered');
    if (level === null) return framework.scale.cannotAssess.name[locale];
    const scaleLevel = framework.scale.levels.find((entry) => entry.level === level);
    const behaviour = competence.levels.find((entry) => entry.level === level)?.behaviour[locale] ?? '';
    return `${t('framework.levelLabel', { level, name: scaleLevel?.name[locale] ?? '' })}: ${behaviour}`;
  };
  const submittedAt = assessment.submittedAt;
  return (
    <>
      {submittedAt ? (
        <div
          className={justSubmitted ? 'notice notice--success' : 'notice'}
          role={justSubmitted ? 'status' : undefined}
          tabIndex={-1}
          ref={notice}
        >
          <p>
            {t(justSubmitted ? 'assessment.readOnly.justSubmitted' : 'assessment.readOnly.submitted', {
              date: formatDate(submittedAt, locale),
              time: formatTime(submittedAt, locale),
            })}
          </p>
          {justSubmitted && assessment.rater === 'self' ? <p>{t('assessment.readOnly.nextSelf')}</p> : null}
        </div>
      ) : (
        <div className="notice">
          <p>{t('assessment.readOnly.notEditable')}</p>
        </div>
      )}
      <DeadlineLine deadline={assessment.deadline} submitted={assessment.status === 'submitted'} />
      <Reopenings assessment={assessment} />
      {framework.areas.map((area) => (
        <section key={area.id} className="rating-area" aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`}>{area.name[locale]}</h2>
          <dl className="answer-list">
            {area.competences.map((competence) => {
              const rating = assessment.ratings[competence.id];
              const note = rating?.example ?? rating?.comment;
              return (
                <div className="answer" key={competence.id}>
                  <dt className="answer-name">{competence.name[locale]}</dt>
                  <dd className="answer-level">{levelText(competence, rating?.level)}</dd>
                  {note ? (
                    <dd className="answer-note">
                      <span className="answer-note-label">
                        {rating?.example ? t('assessment.example') : t('assessment.comment')}:
                      </span>{' '}
                      {note}
                    </dd>
                  ) : null}
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      <p className="button-row">
        {assessment.subject.id === viewer.id ? (
          <Link className="button button--secondary" to="/profil">
            {t('assessment.readOnly.toProfile')}
          </Link>
        ) : null}
        {hasRole(viewer, 'leader') && assessment.subject.id !== viewer.id ? (
          <Link className="button button--secondary" to={`/runder/${assessment.roundId}`}>
            {t('assessment.readOnly.toRound')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to="/">
          {t('errors.toHome')}
        </Link>
      </p>
    </>
  );
}
