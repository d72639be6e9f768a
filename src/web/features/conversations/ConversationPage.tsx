/**
 * @module One conversation from planning to signature: details and downloads, preparation, guide and agenda, notes,
 * the development plan, signatures and addenda — in that order, each under its own heading.
 */
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import { api, conversationPath } from '../../api/client.ts';
import { useConversation, useFrameworks, useFrameworkVersion } from '../../api/queries.ts';
import { formatDate, formatDay, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId, newestPublished } from '../framework/framework-view.ts';
import { TalkingPointsSection } from '../practice/TalkingPointsSection.tsx';
import { AgendaSection, type AgendaSource } from './AgendaSection.tsx';
import { AddendaSection, SignaturesSection } from './AgreementSections.tsx';
import { useConversationTitle } from './ConversationsPage.tsx';
import { NotesSection, type NotesSource } from './NotesSection.tsx';
import { PlanSection, type PlanSource } from './PlanSection.tsx';
import { PreparationSection } from './PreparationSection.tsx';
import { FollowUpDateForm, RescheduleBox } from './ScheduleForms.tsx';
import {
  type Outcome,
  RecordFrame,
  Section,
  StatusLine,
  SummaryRow,
  useConversationChanged,
  useErrorText,
  WhenRows,
} from './shared.tsx';

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
  return (
    <RecordFrame
      caption={t('conversations.caption')}
      title={conversation.data ? titleOf(conversation.data.conversation) : t('conversations.caption')}
      record={conversation}
      framework={framework}
    >
      {(detail, document, scheduled) => (
        <ConversationView detail={detail} framework={document} scheduled={scheduled} />
      )}
    </RecordFrame>
  );
}

export interface SectionProps {
  detail: ConversationDetail;
  framework: FrameworkDocument;
}

type Changed = (detail?: ConversationDetail) => Promise<void>;

/** The agenda of a conversation: the leader shapes it from the guide; the employee reads it once started. */
const agendaSource = (detail: ConversationDetail, changed: Changed, t: TFunction): AgendaSource => ({
  agenda: detail.agenda,
  editable: detail.canLead && detail.conversation.stage !== 'signed',
  intro: t('conversations.agenda.introLeader', { name: detail.conversation.employee.name }),
  suggest: () => api.guide(detail.conversation.id),
  save: (version, items) => api.saveAgenda(detail.conversation.id, version, items),
  latest: async () => (await api.conversation(detail.conversation.id)).agenda,
  onSaved: () => changed(),
});

/** Each party's own notes, with the other party's beside them. */
const notesSource = (detail: ConversationDetail, changed: Changed, t: TFunction): NotesSource => {
  const { conversation } = detail;
  return {
    stage: conversation.stage,
    notes: detail.notes,
    items: detail.agenda?.items ?? [],
    canEdit: detail.canEdit,
    intro: t('conversations.notes.intro'),
    otherName: conversation.myRole === 'employee' ? conversation.leader.name : conversation.employee.name,
    save: (version, items) => api.saveNotes(conversation.id, version, items),
    latestNotes: async () => (await api.conversation(conversation.id)).notes,
    onSaved: () => changed(),
  };
};

/** The employee's development plan: both parties write it and follow it up. */
const planSource = (detail: ConversationDetail, changed: Changed, t: TFunction): PlanSource => ({
  stage: detail.conversation.stage,
  goals: detail.goals,
  canEdit: detail.canEdit,
  owners: [detail.people.employee, ...detail.people.leaders],
  colleagues: detail.people.colleagues,
  createGoal: (input) => api.createGoal(detail.conversation.id, input),
  onChanged: () => changed(),
  texts: {
    title: t('conversations.plan.title'),
    notStarted: t('conversations.plan.notStarted'),
    empty: t('conversations.plan.empty'),
  },
});

function ConversationView({ detail, framework, scheduled }: SectionProps & { scheduled: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const changed = useConversationChanged(detail.conversation.id);
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
      <AgendaSection source={agendaSource(detail, changed, t)} />
      <NotesSection source={notesSource(detail, changed, t)} />
      <PlanSection source={planSource(detail, changed, t)} framework={framework} />
      <SignaturesSection detail={detail} />
      <AddendaSection
        source={{
          signed,
          addenda: detail.addenda,
          add: (text) => api.addAddendum(detail.conversation.id, text),
          onAdded: changed,
          texts: { intro: t('conversations.addenda.intro'), notSigned: t('conversations.addenda.notSigned') },
        }}
      />
    </>
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
  const planPath = conversation.myRole === 'employee' ? '/plan' : `/plan/${conversation.employee.id}`;
  return (
    <Section id="conversation-details" title={t('conversations.detail.title')}>
      <StatusLine outcome={outcome} />
      <dl className="summary-list">
        <SummaryRow term={t('conversations.detail.kind')}>
          {t(`conversations.kind.${conversation.kind}`)}
        </SummaryRow>
        <SummaryRow term={t('conversations.detail.employee')}>{conversation.employee.name}</SummaryRow>
        <SummaryRow term={t('conversations.detail.leader')}>{conversation.leader.name}</SummaryRow>
        <WhenRows {...conversation} />
        <SummaryRow term={t('conversations.detail.stage')}>
          {t(`conversations.stage.${conversation.stage}`)}
          {conversation.heldAt && conversation.stage === 'held'
            ? ` (${t('conversations.detail.startedAt', { date: formatDate(conversation.heldAt, locale), time: formatTime(conversation.heldAt, locale) })})`
            : ''}
          {conversation.signedAt ? ` (${formatDate(conversation.signedAt, locale)})` : ''}
        </SummaryRow>
        {detail.groupConversation ? (
          <SummaryRow term={t('conversations.detail.followUpOf')}>
            <Link to={`/samtaler/grus/${detail.groupConversation.id}`}>
              {t('groups.linkTo', { unit: detail.groupConversation.unitName })}
            </Link>
          </SummaryRow>
        ) : conversation.followUpOf ? (
          <SummaryRow term={t('conversations.detail.followUpOf')}>
            <Link to={`/samtaler/${conversation.followUpOf}`}>
              {t('conversations.detail.followUpOfLink')}
            </Link>
          </SummaryRow>
        ) : null}
        <SummaryRow term={t('conversations.detail.nextFollowUp')}>
          {conversation.nextFollowUp
            ? formatDay(conversation.nextFollowUp, locale)
            : t('conversations.detail.noNextFollowUp')}
        </SummaryRow>
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
      {canLead ? <ScheduleChanges detail={detail} onOutcome={setOutcome} /> : null}
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

/** Before the conversation is held, the leader may move it; until it is signed, set the next follow-up. */
function ScheduleChanges({
  detail,
  onOutcome,
}: {
  detail: ConversationDetail;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { conversation, version } = detail;
  const changed = useConversationChanged(conversation.id);
  return (
    <>
      {conversation.stage === 'scheduled' ? (
        <RescheduleBox
          current={conversation}
          save={(schedule) => api.updateConversation(conversation.id, { version, ...schedule })}
          onSaved={changed}
          onConflict={() => changed()}
          onOutcome={onOutcome}
        />
      ) : null}
      {conversation.stage !== 'signed' ? (
        <FollowUpDateForm
          current={conversation.nextFollowUp}
          save={(nextFollowUp) => api.updateConversation(conversation.id, { version, nextFollowUp })}
          onSaved={changed}
          onOutcome={onOutcome}
        />
      ) : null}
    </>
  );
}
