/**
 * @module One group MUS (GRUS): details, participants and their individual follow-ups, the agenda from the team's
 * profiles, the leader's notes, the team goals and actions, closing and addenda. The leader writes it; participants
 * read it once it has started, and follow up the actions they own.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { GroupConversationDetail } from '../../../server/contracts/conversations.ts';
import { ApiError, api, groupConversationPath } from '../../api/client.ts';
import { queryKeys, useFrameworkVersion, useGroupConversation } from '../../api/queries.ts';
import { formatDate, formatDay, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useCurrentUser } from '../../session/session.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { AgendaSection } from './AgendaSection.tsx';
import { AddendaSection } from './AgreementSections.tsx';
import { NotesSection } from './NotesSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { groupDurations } from './ScheduleFields.tsx';
import { FollowUpDateForm, RescheduleBox } from './ScheduleForms.tsx';
import {
  type Outcome,
  RecordFrame,
  Section,
  StatusLine,
  SummaryRow,
  useErrorText,
  useRecordChanged,
  WhenRows,
} from './shared.tsx';

export function GroupConversationPage() {
  const { conversationId = '' } = useParams();
  if (!isVersionId(conversationId)) return <NotFoundPage />;
  return <GroupLoader key={conversationId} conversationId={conversationId} />;
}

function GroupLoader({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const group = useGroupConversation(conversationId);
  const framework = useFrameworkVersion(group.data?.frameworkVersionId ?? undefined);
  return (
    <RecordFrame
      caption={t('groups.caption')}
      title={
        group.data ? t('groups.titleWith', { unit: group.data.conversation.unit.name }) : t('groups.caption')
      }
      record={group}
      framework={framework}
    >
      {(detail, document, scheduled) => (
        <GroupView detail={detail} framework={document} scheduled={scheduled} />
      )}
    </RecordFrame>
  );
}

type Changed = (detail?: GroupConversationDetail) => Promise<void>;

const useGroupChanged = (conversationId: string): Changed =>
  useRecordChanged<GroupConversationDetail>(queryKeys.groupConversation(conversationId));

function GroupView(props: {
  detail: GroupConversationDetail;
  framework: FrameworkDocument;
  scheduled: boolean;
}) {
  const { detail, framework } = props;
  const { t } = useTranslation();
  const viewer = useCurrentUser();
  const id = detail.conversation.id;
  const changed = useGroupChanged(id);
  const leads = detail.conversation.myRole === 'leader';
  return (
    <>
      {props.scheduled ? (
        <div className="notice notice--success" role="status">
          <p>{t('groups.detail.scheduled')}</p>
        </div>
      ) : null}
      <ClosedNotice detail={detail} />
      <GroupDetailsSection detail={detail} changed={changed} />
      <ParticipantsSection detail={detail} />
      <AgendaSection
        source={{
          agenda: detail.agenda,
          editable: detail.canLead,
          intro: t('groups.agenda.introLeader', { count: detail.teamNumbersFrom }),
          suggest: () => api.groupGuide(id),
          save: (version, items) => api.saveGroupAgenda(id, version, items),
          latest: async () => (await api.groupConversation(id)).agenda,
          onSaved: () => changed(),
        }}
      />
      <NotesSection
        source={{
          stage: detail.conversation.stage,
          notes: detail.notes,
          items: detail.agenda?.items ?? [],
          canEdit: detail.canEdit,
          intro: t('groups.notes.intro'),
          save: (version, items) => api.saveGroupNotes(id, version, items),
          latestNotes: async () => (await api.groupConversation(id)).notes,
          onSaved: () => changed(),
        }}
      />
      <PlanSection
        framework={framework}
        source={{
          stage: detail.conversation.stage,
          goals: detail.goals,
          canEdit: detail.canEdit,
          owners: [...detail.participants, ...detail.leaders],
          colleagues: detail.participants,
          createGoal: (input) => api.createTeamGoal(id, input),
          onChanged: () => changed(),
          // The leaders follow the team goals up; a participant moves on the actions they own.
          mayMove: (action) => leads || action?.owner.id === viewer.id,
          texts: {
            title: t('groups.plan.title'),
            notStarted: t('groups.plan.notStarted'),
            empty: t('groups.plan.empty'),
          },
        }}
      />
      <CloseSection detail={detail} changed={changed} />
      <AddendaSection
        source={{
          signed: detail.conversation.stage === 'signed',
          addenda: detail.addenda,
          add: (text) => api.addGroupAddendum(id, text),
          onAdded: changed,
          texts: { intro: t('groups.addenda.intro'), notSigned: t('groups.addenda.notSigned') },
        }}
      />
    </>
  );
}

/** Who closed the group conversation, and when. */
function ClosedByText({ detail }: { detail: GroupConversationDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return detail.closedBy ? (
    <p>
      {t('groups.close.closedBy', {
        name: detail.closedBy.person.name,
        date: formatDate(detail.closedBy.at, locale),
        time: formatTime(detail.closedBy.at, locale),
      })}
    </p>
  ) : null;
}

function ClosedNotice({ detail }: { detail: GroupConversationDetail }) {
  return detail.closedBy ? (
    <div className="notice notice--info signed-notice">
      <ClosedByText detail={detail} />
    </div>
  ) : null;
}

function GroupDetailsSection({ detail, changed }: { detail: GroupConversationDetail; changed: Changed }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorText = useErrorText();
  const { conversation, canLead, version } = detail;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const start = useMutation({
    mutationFn: () => api.startGroupConversation(conversation.id),
    onSuccess: async (updated) => {
      await changed(updated);
      setOutcome({ kind: 'success', text: t('groups.detail.started') });
    },
    onError: (error) => setOutcome({ kind: 'error', text: errorText(error) }),
  });
  return (
    <Section id="conversation-details" title={t('groups.detail.title')}>
      <StatusLine outcome={outcome} />
      <dl className="summary-list">
        <SummaryRow term={t('conversations.detail.kind')}>{t('groups.kind')}</SummaryRow>
        <SummaryRow term={t('groups.detail.unit')}>{conversation.unit.name}</SummaryRow>
        <SummaryRow term={t('conversations.detail.leader')}>{conversation.leader.name}</SummaryRow>
        <WhenRows {...conversation} />
        <SummaryRow term={t('groups.detail.participants')}>
          {t('groups.participantCount', { count: conversation.participantCount })}
        </SummaryRow>
        <SummaryRow term={t('conversations.detail.stage')}>
          {t(`groups.stage.${conversation.stage}`)}
          {conversation.heldAt && conversation.stage === 'held'
            ? ` (${t('conversations.detail.startedAt', { date: formatDate(conversation.heldAt, locale), time: formatTime(conversation.heldAt, locale) })})`
            : ''}
        </SummaryRow>
        <SummaryRow term={t('conversations.detail.nextFollowUp')}>
          {conversation.nextFollowUp
            ? formatDay(conversation.nextFollowUp, locale)
            : t('conversations.detail.noNextFollowUp')}
        </SummaryRow>
      </dl>
      <ul className="link-list print-hidden">
        <li>
          <a href={`${groupConversationPath(conversation.id)}/calendar.ics`} download>
            {t('conversations.detail.calendar')}
          </a>
        </li>
      </ul>
      {canLead && conversation.stage === 'scheduled' ? (
        <div className="conversation-start print-hidden">
          <p id="start-hint">{t('groups.detail.startHint')}</p>
          <button
            type="button"
            className="button button--primary"
            aria-describedby="start-hint"
            onClick={() => {
              if (!start.isPending) start.mutate();
            }}
          >
            {start.isPending ? t('conversations.detail.starting') : t('groups.detail.start')}
          </button>
        </div>
      ) : null}
      {canLead && conversation.stage === 'scheduled' ? (
        <RescheduleBox
          current={conversation}
          durations={groupDurations}
          save={(schedule) => api.updateGroupConversation(conversation.id, { version, ...schedule })}
          onSaved={changed}
          onConflict={() => changed()}
          onOutcome={setOutcome}
        />
      ) : null}
      {canLead ? (
        <FollowUpDateForm
          current={conversation.nextFollowUp}
          save={(nextFollowUp) => api.updateGroupConversation(conversation.id, { version, nextFollowUp })}
          onSaved={changed}
          onOutcome={setOutcome}
        />
      ) : null}
    </Section>
  );
}

/** Each participant's individual follow-up: every one of them for a leader, only their own for a participant. */
function ParticipantsSection({ detail }: { detail: GroupConversationDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const leads = detail.conversation.myRole === 'leader';
  const followUpOf = (employeeId: string) =>
    detail.followUps.find((entry) => entry.employee.id === employeeId);
  return (
    <Section id="group-participants" title={t('groups.participants.title')}>
      <p>{leads ? t('groups.participants.introLeader') : t('groups.participants.introParticipant')}</p>
      <ul className="task-list participant-list">
        {detail.participants.map((person) => {
          const entry = followUpOf(person.id);
          const followUp = entry?.conversation;
          return (
            <li key={person.id} className="task">
              <p className="task-title">{person.name}</p>
              {entry ? (
                followUp ? (
                  <p className="task-meta">
                    <Link to={`/samtaler/${followUp.id}`}>
                      {t('groups.participants.followUp', {
                        kind: t(`conversations.kind.${followUp.kind}`),
                        date: formatDate(followUp.scheduledAt, locale),
                        stage: t(`conversations.stage.${followUp.stage}`),
                      })}
                    </Link>
                  </p>
                ) : leads && detail.conversation.stage !== 'scheduled' ? (
                  <p className="task-meta print-hidden">
                    <Link
                      className="button button--secondary button--small"
                      to={`/samtaler/ny?type=follow_up&followUpOf=${detail.conversation.id}&employee=${person.id}&group=1`}
                    >
                      {t('groups.participants.planFollowUp')}
                      <span className="visually-hidden">
                        {' '}
                        {t('groups.participants.withName', { name: person.name })}
                      </span>
                    </Link>
                  </p>
                ) : (
                  <p className="task-meta">{t('groups.participants.noFollowUp')}</p>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function CloseSection({ detail, changed }: { detail: GroupConversationDetail; changed: Changed }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { conversation } = detail;
  const close = useMutation({
    mutationFn: () => api.closeGroupConversation(conversation.id, detail.contentVersion),
    onSuccess: async (updated) => {
      await changed(updated);
      setOutcome({ kind: 'success', text: t('groups.close.closed') });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await changed();
        setOutcome({ kind: 'error', text: t('groups.close.changedMeanwhile') });
      } else {
        setOutcome({ kind: 'error', text: errorText(error) });
      }
    },
  });
  return (
    <Section id="group-close" title={t('groups.close.title')}>
      <StatusLine outcome={outcome} />
      {conversation.stage === 'scheduled' ? (
        <p>{t('groups.close.notStarted')}</p>
      ) : conversation.stage === 'signed' ? (
        <ClosedByText detail={detail} />
      ) : detail.canLead ? (
        <div className="sign-box print-hidden">
          <p id="close-hint">{t('groups.close.hint')}</p>
          <button
            type="button"
            className="button button--primary"
            aria-describedby="close-hint"
            onClick={() => {
              if (!close.isPending) close.mutate();
            }}
          >
            {close.isPending ? t('groups.close.closing') : t('groups.close.close')}
          </button>
        </div>
      ) : (
        <p>{t('groups.close.waiting')}</p>
      )}
    </Section>
  );
}
