/**
 * @module The candidate's self-assessment through their personal link, without an account: the focus competences with
 * the framework's level descriptions as answers, sent once. The token stays in the address's fragment (never sent
 * in a URL, so no server log or Referer holds it) and travels to the API in the request body.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateForm } from '../../../server/contracts/recruitment.ts';
import { ApiError, api } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import i18n, { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useFormErrors } from '../../ui/useFormErrors.ts';
import { tokenFromHash } from '../recruitment/recruitment-view.ts';

export function CandidateAccessPage() {
  const { t } = useTranslation();
  const [token, setToken] = useState(() => tokenFromHash(window.location.hash));
  // A second link opened in the same tab changes only the fragment: follow it.
  useEffect(() => {
    const follow = () => setToken(tokenFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return (
    <>
      <PageHeading>{t('candidateAccess.title')}</PageHeading>
      {token ? (
        <CandidateFormLoader key={token} token={token} />
      ) : (
        <div className="notice notice--error" role="alert">
          <h2 className="notice-title">{t('candidateAccess.missingTitle')}</h2>
          <p>{t('candidateAccess.missing')}</p>
        </div>
      )}
    </>
  );
}

function CandidateFormLoader({ token }: { token: string }) {
  const form = useQuery({
    queryKey: ['candidate-form', token],
    queryFn: () => api.candidateForm(token),
    retry: false,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const adopted = useRef(false);
  // The language HR chose for the candidate, once; the language buttons change it after that.
  useEffect(() => {
    if (form.data && !adopted.current) {
      adopted.current = true;
      if (form.data.locale !== currentLocale()) void i18n.changeLanguage(form.data.locale);
    }
  }, [form.data]);
  if (form.isPending) return <Loading />;
  if (form.isError) return <LinkProblem error={form.error} />;
  return <SelfAssessmentForm token={token} form={form.data} />;
}

/** A used, expired, closed or unknown link, in the server's own words, which say which and what to do. */
function LinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const gone = error instanceof ApiError && error.status === 410;
  return (
    <div className={gone ? 'notice notice--info' : 'notice notice--error'} role="alert">
      <h2 className="notice-title">
        {gone ? t('candidateAccess.goneTitle') : t('candidateAccess.problemTitle')}
      </h2>
      <p>{error instanceof ApiError && error.message ? error.message : t('errors.generic.text')}</p>
    </div>
  );
}

const radioId = (competenceId: string, level: number | 'none') => `self-${competenceId}-${level}`;

function SelfAssessmentForm({ token, form }: { token: string; form: CandidateForm }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [ratings, setRatings] = useState<Record<string, number | null>>({});
  const { errors, attempt, fail, errorOf, failFrom } = useFormErrors();
  const done = useRef<HTMLDivElement>(null);
  const submit = useMutation({
    mutationFn: () => api.submitCandidateForm(token, ratings),
    onError: (error) => failFrom(error, () => undefined, t('errors.generic.text')),
  });
  useEffect(() => {
    if (submit.isSuccess) done.current?.focus();
  }, [submit.isSuccess]);

  if (submit.isSuccess) {
    return (
      <div className="notice notice--success" role="status" tabIndex={-1} ref={done}>
        <h2 className="notice-title">{t('candidateAccess.thanksTitle')}</h2>
        <p>{t('candidateAccess.thanks', { municipality: form.municipalityName })}</p>
      </div>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submit.isPending) return;
    const missing = form.competences.filter((competence) => !Object.hasOwn(ratings, competence.id));
    if (missing.length > 0) {
      return fail(
        missing.map((competence) => ({
          fieldId: radioId(competence.id, 1),
          message: t('candidateAccess.errors.missing', { name: competence.name[locale] }),
        })),
      );
    }
    submit.mutate();
  };
  const levelName = (level: number) =>
    form.scale.levels.find((entry) => entry.level === level)?.name[locale] ?? '';

  return (
    <>
      <p className="lead">
        {t('candidateAccess.intro', {
          name: form.candidateName,
          title: form.positionTitle,
          municipality: form.municipalityName,
          count: form.competences.length,
        })}
      </p>
      <p>{t('candidateAccess.how')}</p>
      <p className="muted">{t('candidateAccess.expires', { date: formatDate(form.expiresAt, locale) })}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form assessment-form"
        noValidate
        onSubmit={onSubmit}
        aria-label={t('candidateAccess.title')}
      >
        {form.competences.map((competence) => {
          const error = errorOf(radioId(competence.id, 1));
          const descriptionId = `self-${competence.id}-description`;
          return (
            <fieldset
              key={competence.id}
              className={error ? 'rating form-group--error' : 'rating'}
              aria-describedby={error ? `${descriptionId} self-${competence.id}-error` : descriptionId}
            >
              <legend className="rating-legend">
                <h2 className="rating-name">{competence.name[locale]}</h2>
              </legend>
              <p className="rating-description" id={descriptionId}>
                {competence.description[locale]}
              </p>
              {error ? <FieldError id={`self-${competence.id}-error`} message={error} /> : null}
              <div className="rating-options">
                {competence.levels.map((entry) => (
                  <div className="radio radio--described" key={entry.level}>
                    <input
                      className="radio-input"
                      type="radio"
                      name={`self-${competence.id}`}
                      id={radioId(competence.id, entry.level)}
                      checked={ratings[competence.id] === entry.level}
                      onChange={() => setRatings((current) => ({ ...current, [competence.id]: entry.level }))}
                    />
                    <label className="radio-label" htmlFor={radioId(competence.id, entry.level)}>
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
                    name={`self-${competence.id}`}
                    id={radioId(competence.id, 'none')}
                    checked={ratings[competence.id] === null}
                    onChange={() => setRatings((current) => ({ ...current, [competence.id]: null }))}
                  />
                  <label className="radio-label" htmlFor={radioId(competence.id, 'none')}>
                    <span className="radio-title">{form.scale.cannotAssess.name[locale]}</span>{' '}
                    <span className="radio-hint">{form.scale.cannotAssess.meaning[locale]}</span>
                  </label>
                </div>
              </div>
            </fieldset>
          );
        })}
        <div className="submit-area">
          <h2>{t('candidateAccess.submitTitle')}</h2>
          <p>{t('candidateAccess.submitHint')}</p>
          <button type="submit" className="button button--primary">
            {submit.isPending ? t('candidateAccess.submitting') : t('candidateAccess.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
