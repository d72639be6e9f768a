/**
 * @module One position: its set-up and panel, its status and the next step, the decision, its candidates with the
 * panel's progress, and adding a candidate.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { CandidateSummary, PositionDetail } from '../../../server/contracts/recruitment.ts';
import { api, positionPath } from '../../api/client.ts';
import { queryKeys, useFrameworkVersion, usePosition, usePositionCandidates } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormErrors } from '../../ui/useFormErrors.ts';
import { type Outcome, Section, StatusLine, useErrorText } from '../conversations/shared.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import type { CandidateErasedState } from './CandidatePage.tsx';
import type { PositionSavedState } from './NewPositionPage.tsx';
import { looksLikeEmail, nextStatuses } from './recruitment-view.ts';

export function PositionPage() {
  const { positionId = '' } = useParams();
  if (!isVersionId(positionId)) return <NotFoundPage />;
  return <PositionLoader key={positionId} positionId={positionId} />;
}

function PositionLoader({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const position = usePosition(positionId);
  const framework = useFrameworkVersion(position.data?.frameworkVersionId);
  const state = useLocation().state as (PositionSavedState & CandidateErasedState) | null;
  const saved = state?.saved;
  const title = position.data?.position.title ?? t('recruitment.position.loading');
  return (
    <>
      <p className="page-caption">{t('recruitment.caption')}</p>
      <PageHeading>{title}</PageHeading>
      {position.isError ? (
        <QueryErrorNotice error={position.error} onRetry={() => void position.refetch()} />
      ) : framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : !position.data || !framework.data ? (
        <Loading />
      ) : (
        <>
          {saved ? (
            <div className="notice notice--success" role="status">
              <p>{t(`recruitment.position.saved.${saved}`)}</p>
            </div>
          ) : null}
          {state?.erased ? (
            <div className="notice notice--success" role="status">
              <p>{t('recruitment.erase.done', { name: state.erased })}</p>
            </div>
          ) : null}
          <PositionView detail={position.data} framework={framework.data.document} />
        </>
      )}
    </>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="summary-list-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function PositionView({ detail, framework }: { detail: PositionDetail; framework: FrameworkDocument }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { position } = detail;
  const names = new Map(
    framework.areas.flatMap((area) => area.competences.map((c) => [c.id, c.name[locale]])),
  );
  const levelName = (level: number) =>
    framework.scale.levels.find((entry) => entry.level === level)?.name[locale] ?? String(level);
  const base = `/rekruttering/${position.id}`;
  return (
    <>
      <Section id="position-details" title={t('recruitment.position.detailsTitle')}>
        <dl className="summary-list">
          <Row term={t('recruitment.position.status')}>{t(`recruitment.status.${position.status}`)}</Row>
          <Row term={t('recruitment.position.unit')}>{position.unit.name}</Row>
          <Row term={t('recruitment.position.roleProfile')}>{position.roleProfile.name}</Row>
          <Row term={t('recruitment.position.panel')}>
            {position.panel.map((member) => member.name).join(', ')}
          </Row>
          <Row term={t('recruitment.position.focus')}>
            <ul className="plain-list">
              {detail.focusCompetenceIds.map((id) => (
                <li key={id}>
                  {t('recruitment.position.focusItem', {
                    name: names.get(id) ?? id,
                    level: detail.targets[id],
                    levelName: levelName(detail.targets[id] ?? 0),
                  })}
                  {detail.targets[id] !== detail.roleProfileTargets[id] ? (
                    <span className="muted">
                      {' '}
                      {t('recruitment.position.adjusted', { level: detail.roleProfileTargets[id] })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Row>
          {position.closedAt ? (
            <Row term={t('recruitment.position.retention')}>
              {position.candidatesDeletedAt
                ? t('recruitment.position.deletedOn', {
                    date: formatDate(position.candidatesDeletedAt, locale),
                  })
                : t('recruitment.position.deletesOn', {
                    date: formatDate(position.candidatesDeleteAt ?? position.closedAt, locale),
                  })}
            </Row>
          ) : null}
        </dl>
        <ul className="link-list print-hidden">
          <li>
            <Link to={`${base}/guide`}>{t('recruitment.position.guideLink')}</Link>
          </li>
          <li>
            <Link to={`${base}/sammenligning`}>{t('recruitment.position.comparisonLink')}</Link>
          </li>
          <li>
            <a href={`${positionPath(position.id)}/guide.pdf?lang=${locale}`} download>
              {t('recruitment.guide.pdf')}
            </a>
          </li>
          {position.canManage && (position.status === 'draft' || position.status === 'open') ? (
            <li>
              <Link to={`${base}/ret`}>{t('recruitment.position.editLink')}</Link>
            </li>
          ) : null}
        </ul>
        {position.canManage ? <StatusActions detail={detail} /> : null}
      </Section>
      {detail.decision ? (
        <Section id="position-decision" title={t('recruitment.decision.title')}>
          <p>
            {detail.decision.candidate
              ? t('recruitment.decision.chosen', { name: detail.decision.candidate.name })
              : t('recruitment.decision.chosenDeleted')}
          </p>
          {detail.decision.reason ? <p className="pre-line">{detail.decision.reason}</p> : null}
          <p className="muted">
            {t('recruitment.decision.by', {
              name: detail.decision.decidedBy.name,
              date: formatDate(detail.decision.decidedAt, locale),
            })}
          </p>
        </Section>
      ) : null}
      <CandidatesSection detail={detail} />
    </>
  );
}

function StatusActions({ detail }: { detail: PositionDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const { position } = detail;
  const move = async (status: 'open' | 'interviewing' | 'closed') => {
    if (busy) return;
    setBusy(true);
    try {
      const moved = await api.movePosition(position.id, detail.version, status);
      queryClient.setQueryData(queryKeys.position(position.id), moved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.positions, refetchType: 'none' });
      await queryClient.invalidateQueries({ queryKey: queryKeys.positionCandidates(position.id) });
      setConfirming(false);
      setOutcome({ kind: 'success', text: t(`recruitment.statusMoved.${status}`) });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const next = nextStatuses(position.status);
  if (next.length === 0) return <StatusLine outcome={outcome} />;
  return (
    <div className="status-actions print-hidden">
      <h3>{t('recruitment.statusActions.title')}</h3>
      <StatusLine outcome={outcome} />
      {next
        .filter((status) => status !== 'closed')
        .map((status) => (
          <div key={status} className="status-action">
            <p id={`status-hint-${status}`}>{t(`recruitment.statusActions.${status}Hint`)}</p>
            <button
              type="button"
              className="button button--primary"
              aria-describedby={`status-hint-${status}`}
              onClick={() => void move(status)}
            >
              {t(`recruitment.statusActions.${status}`)}
            </button>
          </div>
        ))}
      {next.includes('closed') ? (
        <div className="status-action">
          <p id="status-hint-closed">
            {t('recruitment.statusActions.closedHint', { months: detail.retentionMonths })}
          </p>
          {confirming ? (
            <div className="notice notice--warning" role="alert">
              <p>{t('recruitment.statusActions.confirmClose')}</p>
              <div className="button-row">
                <button type="button" className="button button--primary" onClick={() => void move('closed')}>
                  {t('recruitment.statusActions.closedConfirm')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t('recruitment.statusActions.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button--secondary"
              aria-describedby="status-hint-closed"
              onClick={() => setConfirming(true)}
            >
              {t('recruitment.statusActions.closed')}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}

function CandidatesSection({ detail }: { detail: PositionDetail }) {
  const { t } = useTranslation();
  const candidates = usePositionCandidates(detail.position.id);
  const { position } = detail;
  const accepts =
    position.status === 'draft' || position.status === 'open' || position.status === 'interviewing';
  return (
    <Section id="position-candidates" title={t('recruitment.candidates.title')}>
      {candidates.isPending ? (
        <Loading />
      ) : candidates.isError ? (
        <QueryErrorNotice error={candidates.error} onRetry={() => void candidates.refetch()} />
      ) : candidates.data.candidates.length === 0 ? (
        <p>{t('recruitment.candidates.empty')}</p>
      ) : (
        <CandidateTable
          positionId={position.id}
          candidates={candidates.data.candidates}
          onPanel={position.onPanel}
        />
      )}
      {position.canManage && accepts ? <AddCandidateForm positionId={position.id} /> : null}
    </Section>
  );
}

function CandidateTable(props: { positionId: string; candidates: CandidateSummary[]; onPanel: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ScrollRegion labelledBy="candidates-caption">
      <table className="table">
        <caption id="candidates-caption" className="table-caption">
          {t('recruitment.candidates.caption', { count: props.candidates.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('recruitment.candidates.name')}</th>
            <th scope="col">{t('recruitment.candidates.selfAssessment')}</th>
            <th scope="col">{t('recruitment.candidates.panel')}</th>
            {props.onPanel ? <th scope="col">{t('recruitment.candidates.myScore')}</th> : null}
            <th scope="col">{t('recruitment.candidates.consolidated')}</th>
          </tr>
        </thead>
        <tbody>
          {props.candidates.map((candidate) => (
            <tr key={candidate.id}>
              <th scope="row">
                <Link to={`/rekruttering/${props.positionId}/kandidater/${candidate.id}`}>
                  {candidate.name}
                </Link>
                {candidate.hired ? (
                  <span className="tag tag--strong">{t('recruitment.candidates.hired')}</span>
                ) : candidate.chosen ? (
                  <span className="tag tag--strong">{t('recruitment.candidates.chosen')}</span>
                ) : null}
              </th>
              <td>
                {candidate.selfAssessmentSubmittedAt
                  ? t('recruitment.candidates.selfSubmitted', {
                      date: formatDate(candidate.selfAssessmentSubmittedAt, locale),
                    })
                  : t(`recruitment.linkState.${candidate.link.state}`)}
              </td>
              <td>
                {t('recruitment.candidates.panelProgress', {
                  count: candidate.panelSubmitted,
                  total: candidate.panelSize,
                })}
              </td>
              {props.onPanel ? (
                <td>{t(`recruitment.scoreState.${candidate.myScore ?? 'not_started'}`)}</td>
              ) : null}
              <td>
                {candidate.consolidated ? t('recruitment.candidates.yes') : t('recruitment.candidates.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const candidateIds = {
  name: 'candidate-name',
  email: 'candidate-email',
  url: 'candidate-url',
  locale: 'candidate-locale-da',
};

function AddCandidateForm({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [externalUrl, setExternalUrl] = useState('');
  const [language, setLanguage] = useState<'da' | 'en'>('da');
  const { errors, attempt, fail, clear, errorOf, failFrom } = useFormErrors();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fieldIds: Record<string, string> = {
    name: candidateIds.name,
    email: candidateIds.email,
    externalUrl: candidateIds.url,
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!name.trim())
      found.push({ fieldId: candidateIds.name, message: t('recruitment.addCandidate.errors.name') });
    if (!looksLikeEmail(email))
      found.push({ fieldId: candidateIds.email, message: t('recruitment.addCandidate.errors.email') });
    if (externalUrl.trim() && !/^https?:\/\/\S+$/.test(externalUrl.trim()))
      found.push({ fieldId: candidateIds.url, message: t('recruitment.addCandidate.errors.url') });
    if (found.length) return fail(found);
    try {
      const added = await api.addCandidate(positionId, {
        name: name.trim(),
        email: email.trim(),
        locale: language,
        externalUrl: externalUrl.trim() || null,
      });
      setName('');
      setEmail('');
      setExternalUrl('');
      clear();
      await queryClient.invalidateQueries({ queryKey: queryKeys.positionCandidates(positionId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.position(positionId) });
      setOutcome({ kind: 'success', text: t('recruitment.addCandidate.added', { name: added.name }) });
    } catch (error) {
      failFrom(error, (path) => fieldIds[path], t('errors.generic.text'));
    }
  };

  return (
    <form
      className="form form--compact add-candidate print-hidden"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby="add-candidate-title"
    >
      <h3 id="add-candidate-title">{t('recruitment.addCandidate.title')}</h3>
      <p className="form-hint">{t('recruitment.addCandidate.hint')}</p>
      <StatusLine outcome={outcome} />
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <TextField
        id={candidateIds.name}
        name="candidate-name"
        label={t('recruitment.addCandidate.name')}
        value={name}
        onChange={setName}
        error={errorOf(candidateIds.name)}
        autoComplete="off"
        required
      />
      <TextField
        id={candidateIds.email}
        name="candidate-email"
        type="email"
        inputMode="email"
        label={t('recruitment.addCandidate.email')}
        value={email}
        onChange={setEmail}
        error={errorOf(candidateIds.email)}
        autoComplete="off"
        required
      />
      <fieldset className="fieldset form-group">
        <legend className="form-label form-label--legend">{t('recruitment.addCandidate.language')}</legend>
        {(['da', 'en'] as const).map((option) => (
          <div className="radio" key={option}>
            <input
              className="radio-input"
              type="radio"
              name="candidate-locale"
              id={`candidate-locale-${option}`}
              checked={language === option}
              onChange={() => setLanguage(option)}
            />
            <label className="radio-label" htmlFor={`candidate-locale-${option}`}>
              {t(`recruitment.addCandidate.languages.${option}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id={candidateIds.url}
        name="candidate-url"
        label={t('recruitment.addCandidate.url')}
        hint={t('recruitment.addCandidate.urlHint')}
        value={externalUrl}
        onChange={setExternalUrl}
        error={errorOf(candidateIds.url)}
      />
      <button type="submit" className="button button--secondary">
        {t('recruitment.addCandidate.submit')}
      </button>
    </form>
  );
}
