/** @module Pieces the conversation sections share: the section frame, the status line, refreshing, names of things. */
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import type { FrameworkVersion } from '../../../server/contracts/frameworks.ts';
import { ApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { useErrorText } from '../../ui/error-text.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { type Outcome, StatusLine } from '../../ui/StatusLine.tsx';
import { placeFieldErrors } from './conversation-form.ts';

// The status line and the error text serve every feature; re-exported for the sections that import them from here.
export { type Outcome, StatusLine, useErrorText };

export function Section(props: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section
      aria-labelledby={props.id}
      className={props.className ? `conversation-section ${props.className}` : 'conversation-section'}
    >
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The server's own (translated) words when it sent any; otherwise our general message. */
/**
 * After a change of a record (a conversation or a group conversation): the new detail when the server sent it,
 * otherwise read it again; the lists that show it go stale.
 */
export function useRecordChanged<Detail>(key: readonly unknown[]) {
  const queryClient = useQueryClient();
  return async (detail?: Detail): Promise<void> => {
    if (detail) queryClient.setQueryData(key, detail);
    else await queryClient.invalidateQueries({ queryKey: key, exact: true });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.conversations, exact: true, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.plans, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
    ]);
  };
}

export const useConversationChanged = (conversationId: string) =>
  useRecordChanged<ConversationDetail>(queryKeys.conversation(conversationId));

export function competenceNames(
  framework: FrameworkDocument | undefined,
  locale: Locale,
): Map<string, string> {
  return new Map(
    (framework?.areas ?? []).flatMap((area) =>
      area.competences.map((competence) => [competence.id, competence.name[locale]] as const),
    ),
  );
}

/** People as the options of a select: their id, shown by name. */
export const personOptions = (people: readonly { id: string; name: string }[]) =>
  people.map((person) => ({ value: person.id, label: person.name }));

/** A form's errors: the server's field errors beside their fields, any other error on the form; `attempt` moves the summary's focus. */
export function useFormErrors() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const failWith = (error: unknown, fieldIds: Record<string, string>) => {
    if (error instanceof ApiError && Object.keys(error.fields).length > 0)
      fail(placeFieldErrors(error.fields, fieldIds));
    else
      fail([
        { message: error instanceof ApiError && error.message ? error.message : t('errors.generic.text') },
      ]);
  };
  return { errors, attempt, fail, failWith, clear: () => setErrors([]) };
}

/** One row of a summary list: a term and what it is. */
export function SummaryRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-list-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** When and where a conversation is: its date, its time from start to end with the duration, and its place. */
export function WhenRows(props: { scheduledAt: string; durationMinutes: number; place: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const end = new Date(Date.parse(props.scheduledAt) + props.durationMinutes * 60_000);
  return (
    <>
      <SummaryRow term={t('conversations.detail.date')}>{formatDate(props.scheduledAt, locale)}</SummaryRow>
      <SummaryRow term={t('conversations.detail.time')}>
        {t('conversations.detail.timeValue', {
          start: formatTime(props.scheduledAt, locale),
          end: formatTime(end, locale),
          duration: t('conversations.minutes', { count: props.durationMinutes }),
        })}
      </SummaryRow>
      <SummaryRow term={t('conversations.detail.place')}>{props.place}</SummaryRow>
    </>
  );
}

/**
 * A conversation's or group MUS's page frame: caption and heading, then the record once it and its framework have
 * loaded (or what went wrong), and whether the page was reached right after scheduling.
 */
/** State passed to a conversation's page after scheduling, so it can say so. */
export interface ConversationScheduledState {
  scheduled?: boolean;
}

export function RecordFrame<Detail>(props: {
  caption: string;
  title: string;
  record: UseQueryResult<Detail>;
  framework: UseQueryResult<FrameworkVersion>;
  children: (detail: Detail, framework: FrameworkDocument, scheduled: boolean) => ReactNode;
}) {
  const { record, framework } = props;
  const location = useLocation();
  const scheduled = (location.state as ConversationScheduledState | null)?.scheduled === true;
  return (
    <>
      <p className="page-caption">{props.caption}</p>
      <PageHeading title={props.title}>{props.title}</PageHeading>
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <QueryErrorNotice error={record.error} onRetry={() => void record.refetch()} />
      ) : framework.isError ? (
        <QueryErrorNotice error={framework.error} onRetry={() => void framework.refetch()} />
      ) : !framework.data ? (
        <Loading />
      ) : (
        props.children(record.data, framework.data.document, scheduled)
      )}
    </>
  );
}
