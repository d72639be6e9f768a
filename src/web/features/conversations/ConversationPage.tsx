/**
 * @module One conversation from planning to signature: details and downloads, preparation, guide and agenda, notes,
 * the development plan, signatures and addenda — in that order, each under its own heading.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import { ApiError, api, conversationPath } from '../../api/client.ts';
import { useConversation, useFrameworks, useFrameworkVersion } from '../../api/queries.ts';
import { formatDate, formatDay, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId, newestPublished } from '../framework/framework-view.ts';
import { TalkingPointsSection } from '../practice/TalkingPointsSection.tsx';
import { AgendaSection } from './AgendaSection.tsx';
import { AddendaSection, SignaturesSection } from './AgreementSections.tsx';
import { useConversationTitle } from './ConversationsPage.tsx';
import {
  errorFor,
  isIsoDate,
  isTime,
  placeFieldErrors,
  toDateAndTime,
  toScheduledAt,
} from './conversation-form.ts';
import type { ConversationScheduledState } from './NewConversationPage.tsx';
import { NotesSection } from './NotesSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { PreparationSection } from './PreparationSection.tsx';
import { type Outcome, Section, StatusLine, useConversationChanged, useErrorText } from './shared.tsx';

export function ConversationPage() {
  const { conversationId = '' } = useParams();
  if (!isVersionId(conversationId)) return <NotFoundPage />;
  return <ConversationLoader key={conversationId} conversationId={conversationId} />;
}

/** The conversation's framework version, or the newest published one when it has none. */
function useConversationFramework(detail: ConversationDetail | undefined) {
  const frameworks = useFrameworks();
  const versionId =
    detail === undefined
      ? undefined
      : (detail.frameworkVersionId ??
        (frameworks.data
          ? (newestPublished(frameworks.data.frameworks) ?? frameworks.data.frameworks[0])?.id
          : undefined));
  return useFrameworkVersion(versionId);
}

function ConversationLoader({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const conversation = useConversation(conversationId);
  const framework = useConversationFramework(conversation.data);
  const titleOf = useConversationTitle();
  const location = useLocation();
  const scheduled = (location.state as ConversationScheduledState | null)?.scheduled === true;
  const title = conversation.data ? titleOf(conversation.data.conversation) : t('conversations.caption');
  return (
    <>
      <p className="page-caption">{t('conversations.caption')}</p>
      <PageHeading title={title}>{title}</PageHeading>
      {conversation.isPending ? (
        <Loading />
      ) : conversation.isError ? (
        <QueryErrorNotice error={conversation.error} onRetry={() => void conversation.refetch()} />
      ) : framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : !framework.data ? (
        <Loading />
      ) : (
        <ConversationView
          detail={conversation.data}
          framework={framework.data.document}
          scheduled={scheduled}
        />
      )}
    </>
  );
}

export interface SectionProps {
  detail: ConversationDetail;
  framework: FrameworkDocument;
}

function ConversationView({ detail, framework, scheduled }: SectionProps & { scheduled: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const signed = detail.conversation.stage === 'signed';
  return (
    <>
      {scheduled ? (
        <div className="notice notice--success" role="status">
          <p>{t('conversations.detail.scheduled')}</p>
        </div>
      ) : null}
      {signed && detail.conversation.signedAt ? (
        <div className="notice notice--info signed-notice">
          <p>
            {t('conversations.signatures.signedByBoth', {
              date: formatDate(detail.conversation.signedAt, locale),
            })}
          </p>
        </div>
      ) : null}
      <DetailsSection detail={detail} />
      <PreparationSection detail={detail} framework={framework} />
      <TalkingPointsSection detail={detail} />
      <AgendaSection detail={detail} framework={framework} />
      <NotesSection detail={detail} />
      <PlanSection detail={detail} framework={framework} />
      <SignaturesSection detail={detail} />
      <AddendaSection detail={detail} />
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

function DetailsSection({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { conversation, canLead } = detail;
  const changed = useConversationChanged(conversation.id);
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const start = useMutation({
    mutationFn: () => api.startConversation(conversation.id),
    onSuccess: async (updated) => {
      await changed(updated);
      setOutcome({ kind: 'success', text: t('conversations.detail.started') });
    },
    onError: (error) => setOutcome({ kind: 'error', text: errorText(error) }),
  });
  const end = new Date(Date.parse(conversation.scheduledAt) + conversation.durationMinutes * 60_000);
  const planPath = conversation.myRole === 'employee' ? '/plan' : `/plan/${conversation.employee.id}`;
  return (
    <Section id="conversation-details" title={t('conversations.detail.title')}>
      <StatusLine outcome={outcome} />
      <dl className="summary-list">
        <Row term={t('conversations.detail.kind')}>{t(`conversations.kind.${conversation.kind}`)}</Row>
        <Row term={t('conversations.detail.employee')}>{conversation.employee.name}</Row>
        <Row term={t('conversations.detail.leader')}>{conversation.leader.name}</Row>
        <Row term={t('conversations.detail.date')}>{formatDate(conversation.scheduledAt, locale)}</Row>
        <Row term={t('conversations.detail.time')}>
          {t('conversations.detail.timeValue', {
            start: formatTime(conversation.scheduledAt, locale),
            end: formatTime(end, locale),
            duration: t('conversations.minutes', { count: conversation.durationMinutes }),
          })}
        </Row>
        <Row term={t('conversations.detail.place')}>{conversation.place}</Row>
        <Row term={t('conversations.detail.stage')}>
          {t(`conversations.stage.${conversation.stage}`)}
          {conversation.heldAt && conversation.stage === 'held'
            ? ` (${t('conversations.detail.startedAt', { date: formatDate(conversation.heldAt, locale), time: formatTime(conversation.heldAt, locale) })})`
            : ''}
          {conversation.signedAt ? ` (${formatDate(conversation.signedAt, locale)})` : ''}
        </Row>
        {conversation.followUpOf ? (
          <Row term={t('conversations.detail.followUpOf')}>
            <Link to={`/samtaler/${conversation.followUpOf}`}>
              {t('conversations.detail.followUpOfLink')}
            </Link>
          </Row>
        ) : null}
        <Row term={t('conversations.detail.nextFollowUp')}>
          {conversation.nextFollowUp
            ? formatDay(conversation.nextFollowUp, locale)
            : t('conversations.detail.noNextFollowUp')}
        </Row>
      </dl>
      <ul className="link-list print-hidden">
        <li>
          <a href={`${conversationPath(conversation.id)}/calendar.ics`} download>
            {t('conversations.detail.calendar')}
          </a>
        </li>
        <li>
          <a href={`${conversationPath(conversation.id)}/summary.pdf?lang=${locale}`} download>
            {t('conversations.detail.pdf')}
          </a>
        </li>
        <li>
          <Link to={planPath}>{t('conversations.detail.planLink')}</Link>
        </li>
      </ul>
      {canLead && conversation.stage === 'scheduled' ? (
        <div className="conversation-start print-hidden">
          <p id="start-hint">{t('conversations.detail.startHint', { name: conversation.employee.name })}</p>
          <button
            type="button"
            className="button button--primary"
            aria-describedby="start-hint"
            onClick={() => {
              if (!start.isPending) start.mutate();
            }}
          >
            {start.isPending ? t('conversations.detail.starting') : t('conversations.detail.start')}
          </button>
        </div>
      ) : null}
      {canLead && conversation.stage === 'scheduled' ? (
        <RescheduleForm detail={detail} onOutcome={setOutcome} />
      ) : null}
      {canLead && conversation.stage !== 'signed' ? (
        <NextFollowUpForm detail={detail} onOutcome={setOutcome} />
      ) : null}
      {/* canLead ends with the signature (nothing more to lead here); a leader of the employee follows up. */}
      {conversation.myRole === 'leader' && conversation.stage === 'signed' ? (
        <p className="print-hidden">
          <Link
            className="button button--secondary"
            to={`/samtaler/ny?type=follow_up&followUpOf=${conversation.id}&employee=${conversation.employee.id}`}
          >
            {t('conversations.detail.planFollowUp')}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

const durations = [30, 45, 60, 90, 120] as const;

/** Before the conversation is held, the leader may move it: date, time, duration and place. */
function RescheduleForm({
  detail,
  onOutcome,
}: {
  detail: ConversationDetail;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const { conversation } = detail;
  const changed = useConversationChanged(conversation.id);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(() => ({
    ...toDateAndTime(conversation.scheduledAt),
    durationMinutes: conversation.durationMinutes,
    place: conversation.place,
  }));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const ids = {
    date: 'reschedule-date',
    time: 'reschedule-time',
    duration: 'reschedule-duration',
    place: 'reschedule-place',
  };
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const save = useMutation({
    mutationFn: (scheduledAt: string) =>
      api.updateConversation(conversation.id, {
        version: detail.version,
        scheduledAt,
        durationMinutes: values.durationMinutes,
        place: values.place.trim(),
      }),
    onSuccess: async (updated) => {
      setErrors([]);
      setOpen(false);
      await changed(updated);
      onOutcome({ kind: 'success', text: t('conversations.detail.rescheduled') });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void changed();
        fail([{ message: t('conversations.detail.rescheduleConflict') }]);
      } else if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(
          placeFieldErrors(error.fields, {
            scheduledAt: ids.date,
            durationMinutes: ids.duration,
            place: ids.place,
          }),
        );
      } else {
        fail([
          { message: error instanceof ApiError && error.message ? error.message : t('errors.generic.text') },
        ]);
      }
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: FormError[] = [];
    if (!isIsoDate(values.date) || !toScheduledAt(values.date, '12:00'))
      found.push({ fieldId: ids.date, message: t('conversations.new.errors.dateInvalid') });
    if (!isTime(values.time))
      found.push({ fieldId: ids.time, message: t('conversations.new.errors.timeInvalid') });
    if (!values.place.trim())
      found.push({ fieldId: ids.place, message: t('conversations.new.errors.place') });
    const scheduledAt = toScheduledAt(values.date, values.time);
    if (found.length || !scheduledAt) return fail(found);
    save.mutate(scheduledAt);
  };
  if (!open) {
    return (
      <p className="print-hidden">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('conversations.detail.reschedule')}
        </button>
      </p>
    );
  }
  const field = (id: string, label: string, input: React.ReactNode) => {
    const error = errorFor(errors, id);
    return (
      <div className={error ? 'form-group form-group--error' : 'form-group'}>
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
        {error ? <FieldError id={`${id}-error`} message={error} /> : null}
        {input}
      </div>
    );
  };
  const describedBy = (id: string) => (errorFor(errors, id) ? `${id}-error` : undefined);
  return (
    <form
      className="form form--compact reschedule-form print-hidden"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="reschedule-title"
    >
      <h3 id="reschedule-title">{t('conversations.detail.reschedule')}</h3>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      {field(
        ids.date,
        t('conversations.new.date'),
        <input
          id={ids.date}
          type="date"
          className="form-input form-input--date"
          value={values.date}
          required
          aria-invalid={errorFor(errors, ids.date) ? true : undefined}
          aria-describedby={describedBy(ids.date)}
          onChange={(event) => setValues((current) => ({ ...current, date: event.target.value }))}
        />,
      )}
      {field(
        ids.time,
        t('conversations.new.time'),
        <input
          id={ids.time}
          type="time"
          className="form-input form-input--date"
          value={values.time}
          required
          aria-invalid={errorFor(errors, ids.time) ? true : undefined}
          aria-describedby={describedBy(ids.time)}
          onChange={(event) => setValues((current) => ({ ...current, time: event.target.value }))}
        />,
      )}
      {field(
        ids.duration,
        t('conversations.new.duration'),
        <select
          id={ids.duration}
          className="form-select form-select--m"
          value={values.durationMinutes}
          aria-describedby={describedBy(ids.duration)}
          onChange={(event) =>
            setValues((current) => ({ ...current, durationMinutes: Number(event.target.value) }))
          }
        >
          {[...new Set([...durations, conversation.durationMinutes])]
            .sort((a, b) => a - b)
            .map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('conversations.minutes', { count: minutes })}
              </option>
            ))}
        </select>,
      )}
      {field(
        ids.place,
        t('conversations.new.place'),
        <input
          id={ids.place}
          className="form-input form-input--l"
          value={values.place}
          maxLength={200}
          aria-required
          aria-invalid={errorFor(errors, ids.place) ? true : undefined}
          aria-describedby={describedBy(ids.place)}
          onChange={(event) => setValues((current) => ({ ...current, place: event.target.value }))}
        />,
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('conversations.detail.rescheduleSave')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('conversations.plan.cancel')}
        </button>
      </div>
    </form>
  );
}

function NextFollowUpForm({
  detail,
  onOutcome,
}: {
  detail: ConversationDetail;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const changed = useConversationChanged(detail.conversation.id);
  const errorText = useErrorText();
  const [date, setDate] = useState(detail.conversation.nextFollowUp ?? '');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () =>
      api.updateConversation(detail.conversation.id, { version: detail.version, nextFollowUp: date || null }),
    onSuccess: async (updated) => {
      setError(undefined);
      await changed(updated);
      onOutcome({ kind: 'success', text: t('conversations.detail.nextFollowUpSaved') });
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.fields.nextFollowUp) setError(failure.fields.nextFollowUp);
      else onOutcome({ kind: 'error', text: errorText(failure) });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError(t('conversations.detail.nextFollowUpInvalid'));
      return;
    }
    if (!save.isPending) save.mutate();
  };
  const id = 'conversation-next-follow-up';
  return (
    <form className="form form--compact print-hidden" noValidate onSubmit={onSubmit}>
      <div className={error ? 'form-group form-group--error' : 'form-group'}>
        <label className="form-label" htmlFor={id}>
          {t('conversations.detail.nextFollowUpLabel')}
        </label>
        <p className="form-hint" id={`${id}-hint`}>
          {t('conversations.detail.nextFollowUpHint')}
        </p>
        {error ? <FieldError id={`${id}-error`} message={error} /> : null}
        <input
          id={id}
          type="date"
          className="form-input form-input--date"
          value={date}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => setDate(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary">
        {t('conversations.detail.nextFollowUpSave')}
      </button>
    </form>
  );
}
