/**
 * @module The interview guide of a position: per focus competence the questions with their probes and what an answer
 * sounds like at each level; edited before the interviews (reorder, drop, own questions), printed or taken as PDF.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { guideSections } from '../../../domain/interview-guide.ts';
import type {
  GuideCompetence,
  GuideQuestion,
  InterviewGuide,
} from '../../../server/contracts/recruitment.ts';
import { ApiError, api, positionPath } from '../../api/client.ts';
import { queryKeys, useInterviewGuide } from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ReorderControls, useReorderableDraft } from '../../ui/reorderable.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormErrors } from '../../ui/useFormErrors.ts';
import { type Outcome, StatusLine, useErrorText } from '../conversations/shared.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { competencesWithoutQuestion, ownQuestion, toGuideInput } from './recruitment-view.ts';

export function GuidePage() {
  const { positionId = '' } = useParams();
  if (!isVersionId(positionId)) return <NotFoundPage />;
  return <GuideLoader key={positionId} positionId={positionId} />;
}

function GuideLoader({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const guide = useInterviewGuide(positionId);
  const locale = currentLocale();
  return (
    <>
      <p className="page-caption">{guide.data?.title ?? t('recruitment.caption')}</p>
      <PageHeading>{t('recruitment.guide.title')}</PageHeading>
      {guide.isPending ? (
        <Loading />
      ) : guide.isError ? (
        <QueryErrorNotice error={guide.error} onRetry={() => void guide.refetch()} />
      ) : (
        <>
          <p className="lead">{t('recruitment.guide.intro')}</p>
          <div className="button-row print-hidden">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('recruitment.guide.print')}
            </button>
            <a
              className="button button--secondary"
              href={`${positionPath(positionId)}/guide.pdf?lang=${locale}`}
              download
            >
              {t('recruitment.guide.pdf')}
            </a>
            <Link className="button button--secondary" to={`/rekruttering/${positionId}`}>
              {t('recruitment.backToPosition')}
            </Link>
          </div>
          {guide.data.editable ? (
            <>
              <div className="print-hidden">
                <GuideEditor guide={guide.data} />
              </div>
              {/* Printing gives the saved guide as the panel will use it, not the editor. */}
              <div className="print-only">
                <GuideView guide={guide.data} />
              </div>
            </>
          ) : (
            <GuideView guide={guide.data} />
          )}
        </>
      )}
    </>
  );
}

/** What an answer sounds like at each level, with the target marked in words. */
function Anchors({ competence }: { competence: GuideCompetence }) {
  const { t } = useTranslation();
  return (
    <div className="guide-anchors">
      <h4>{t('recruitment.guide.anchorsTitle', { name: competence.name })}</h4>
      <dl className="level-list">
        {competence.anchors.map((anchor) => (
          <div className="level-list-item" key={anchor.level}>
            <dt className="level-list-term">
              {t('framework.levelLabel', { level: anchor.level, name: anchor.name })}
              {anchor.level === competence.target ? (
                <span className="tag level-list-target">{t('recruitment.guide.target')}</span>
              ) : null}
            </dt>
            <dd className="level-list-behaviour">{anchor.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function QuestionBody({ item, number }: { item: GuideQuestion; number: number }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="guide-question">
        <span className="guide-number">{number}.</span> {item.text}
        {item.own ? <span className="tag">{t('recruitment.guide.own')}</span> : null}
      </p>
      {item.probes.length ? (
        <ul className="guide-probes" aria-label={t('recruitment.guide.probes')}>
          {item.probes.map((probe) => (
            <li key={probe}>{probe}</li>
          ))}
        </ul>
      ) : null}
      <div className="guide-notes print-only" aria-hidden="true" />
    </>
  );
}

/** The guide as the panel reads and prints it: section by competence, the anchors after a competence's last section. */
export function GuideView({ guide }: { guide: InterviewGuide }) {
  const { t } = useTranslation();
  const competences = new Map(guide.competences.map((competence) => [competence.id, competence]));
  const sections = guideSections(guide.items);
  const lastOf = new Map<string, number>();
  sections.forEach((section, index) => {
    if (section.competenceId) lastOf.set(section.competenceId, index);
  });
  let number = 0;
  return (
    <div className="guide">
      <p className="guide-how">{t('recruitment.guide.howTo')}</p>
      {sections.map((section, index) => {
        const competence = section.competenceId ? competences.get(section.competenceId) : undefined;
        return (
          <section
            className="guide-section"
            key={section.items[0]?.id}
            aria-labelledby={`guide-section-${index}`}
          >
            <h2 id={`guide-section-${index}`}>{competence?.name ?? t('recruitment.guide.general')}</h2>
            {competence ? <p className="muted">{competence.description}</p> : null}
            <ol className="guide-list">
              {section.items.map((item) => {
                number += 1;
                return (
                  <li key={item.id} className="guide-item">
                    <QuestionBody item={item} number={number} />
                  </li>
                );
              })}
            </ol>
            {competence && lastOf.get(competence.id) === index ? <Anchors competence={competence} /> : null}
          </section>
        );
      })}
    </div>
  );
}

function GuideEditor({ guide }: { guide: InterviewGuide }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const short = (item: GuideQuestion) => (item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text);
  const { items, dirty, announcement, buttonId, change, move, remove, add, saved } =
    useReorderableDraft<GuideQuestion>(() => guide.items, 'guide-draft-heading', {
      moved: (item, position, count) => t('recruitment.guide.moved', { title: short(item), position, count }),
      removed: (item) => t('recruitment.guide.removed', { title: short(item) }),
      added: (item, count) => t('recruitment.guide.added', { title: short(item), count }),
    });
  const [version, setVersion] = useState(guide.version);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(guide.competences.map((competence) => [competence.id, competence.name]));
  const competenceName = (id: string | null) => (id ? (names.get(id) ?? id) : t('recruitment.guide.general'));

  const suggest = async () => {
    try {
      const suggestion = await api.interviewGuideSuggestion(guide.positionId);
      change(suggestion.items);
      setOutcome({
        kind: 'success',
        text: t('recruitment.guide.suggestionLoaded', { count: suggestion.items.length }),
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };
  const missing = competencesWithoutQuestion(
    items,
    guide.competences.map((competence) => competence.id),
  );
  const save = async () => {
    if (busy) return;
    if (missing.length > 0) {
      setOutcome({
        kind: 'error',
        text: t('recruitment.guide.missingQuestions', { names: missing.map(competenceName).join(', ') }),
      });
      return;
    }
    setBusy(true);
    try {
      const result = await api.saveInterviewGuide(guide.positionId, version, items.map(toGuideInput));
      queryClient.setQueryData(queryKeys.interviewGuide(guide.positionId), result);
      saved(result.items);
      setVersion(result.version);
      setOutcome({ kind: 'success', text: t('recruitment.guide.saved') });
    } catch (error) {
      setOutcome({
        kind: 'error',
        text:
          error instanceof ApiError && error.status === 409
            ? t('recruitment.guide.conflict')
            : errorText(error),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="print-hidden">{t('recruitment.guide.editIntro')}</p>
      <div className="button-row print-hidden">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void suggest()}
          aria-describedby="guide-suggest-hint"
        >
          {t('recruitment.guide.suggest')}
        </button>
      </div>
      <p className="form-hint print-hidden" id="guide-suggest-hint">
        {t('recruitment.guide.suggestHint')}
      </p>
      <StatusLine outcome={outcome} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <h2 id="guide-draft-heading" tabIndex={-1}>
        {t('recruitment.guide.draftTitle', { count: items.length })}
      </h2>
      {dirty ? <p className="agenda-unsaved">{t('recruitment.guide.unsaved')}</p> : null}
      <ol className="agenda-list guide-list">
        {items.map((item, index) => (
          <li key={item.id} className="agenda-item guide-item">
            <p className="agenda-meta">
              <span className="tag">{competenceName(item.competenceId)}</span>
            </p>
            <QuestionBody item={item} number={index + 1} />
            <ReorderControls
              index={index}
              count={items.length}
              itemId={item.id}
              context={t('recruitment.guide.questionNumber', { number: index + 1 })}
              labels={{
                up: t('recruitment.guide.up'),
                down: t('recruitment.guide.down'),
                remove: t('recruitment.guide.remove'),
              }}
              buttonId={buttonId}
              onMove={move}
              onRemove={remove}
            />
          </li>
        ))}
      </ol>
      <AddQuestion competences={guide.competences} onAdd={add} />
      <div className="button-row print-hidden">
        <button type="button" className="button button--primary" onClick={() => void save()}>
          {busy ? t('recruitment.guide.saving') : t('recruitment.guide.save')}
        </button>
      </div>
      <h2>{t('recruitment.guide.anchorsHeading')}</h2>
      <div className="guide-anchor-list">
        {guide.competences.map((competence) => (
          <Anchors key={competence.id} competence={competence} />
        ))}
      </div>
    </>
  );
}

const newIds = { competence: 'guide-new-competence', text: 'guide-new-text', probes: 'guide-new-probes' };

function AddQuestion(props: { competences: GuideCompetence[]; onAdd: (item: GuideQuestion) => void }) {
  const { t } = useTranslation();
  const [competenceId, setCompetenceId] = useState('');
  const [text, setText] = useState('');
  const [probes, setProbes] = useState('');
  const { errors, attempt, fail, clear, errorOf } = useFormErrors();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!text.trim()) found.push({ fieldId: newIds.text, message: t('recruitment.guide.errors.text') });
    else if (text.trim().length > 500)
      found.push({
        fieldId: newIds.text,
        message: t('recruitment.guide.errors.textTooLong', { count: 500 }),
      });
    if (probes.split('\n').some((line) => line.trim().length > 300))
      found.push({
        fieldId: newIds.probes,
        message: t('recruitment.guide.errors.probeTooLong', { count: 300 }),
      });
    if (found.length) return fail(found);
    clear();
    props.onAdd(ownQuestion(crypto.randomUUID().slice(0, 8), competenceId || null, text, probes));
    setText('');
    setProbes('');
  };
  const probesError = errorOf(newIds.probes);
  return (
    <form
      className="form form--compact add-agenda-item print-hidden"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="guide-add-title"
    >
      <h3 id="guide-add-title">{t('recruitment.guide.addTitle')}</h3>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <div className="form-group">
        <label className="form-label" htmlFor={newIds.competence}>
          {t('recruitment.guide.addCompetence')}
        </label>
        <select
          id={newIds.competence}
          className="form-select"
          value={competenceId}
          onChange={(event) => setCompetenceId(event.target.value)}
        >
          <option value="">{t('recruitment.guide.general')}</option>
          {props.competences.map((competence) => (
            <option key={competence.id} value={competence.id}>
              {competence.name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={newIds.text}
        name="guide-question"
        label={t('recruitment.guide.addText')}
        hint={t('recruitment.guide.addTextHint')}
        value={text}
        onChange={setText}
        error={errorOf(newIds.text)}
        required
      />
      <div className={probesError ? 'form-group form-group--error' : 'form-group'}>
        <label className="form-label" htmlFor={newIds.probes}>
          {t('recruitment.guide.addProbes')}
        </label>
        <p className="form-hint" id={`${newIds.probes}-hint`}>
          {t('recruitment.guide.addProbesHint')}
        </p>
        {probesError ? (
          <p className="form-error-message" id={`${newIds.probes}-error`}>
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {probesError}
          </p>
        ) : null}
        <textarea
          id={newIds.probes}
          className="form-input form-textarea"
          rows={3}
          value={probes}
          aria-invalid={probesError ? true : undefined}
          aria-describedby={`${newIds.probes}-hint${probesError ? ` ${newIds.probes}-error` : ''}`}
          onChange={(event) => setProbes(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t('recruitment.guide.add')}
      </button>
    </form>
  );
}
