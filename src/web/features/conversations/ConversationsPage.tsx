/** @module "Samtaler": the caller's conversations, as employee or as leader; upcoming ones first, then the held ones. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  ConversationSummary,
  GroupConversationSummary,
} from '../../../server/contracts/conversations.ts';
import { useConversations } from '../../api/queries.ts';
import { formatDate, formatDay, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { groupConversations } from './conversation-form.ts';

/** "MUS med Birthe Hansen": the kind and the other party. */
export function useConversationTitle() {
  const { t } = useTranslation();
  return (conversation: Pick<ConversationSummary, 'kind' | 'myRole' | 'employee' | 'leader'>) =>
    t('conversations.titleWith', {
      kind: t(`conversations.kind.${conversation.kind}`),
      name: conversation.myRole === 'leader' ? conversation.employee.name : conversation.leader.name,
    });
}

function ConversationItem({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const titleOf = useConversationTitle();
  return (
    <li className="task conversation-item">
      <p className="task-title">
        <Link to={`/samtaler/${conversation.id}`}>{titleOf(conversation)}</Link>
      </p>
      <p className="task-meta">
        {t('conversations.when', {
          date: formatDate(conversation.scheduledAt, locale),
          time: formatTime(conversation.scheduledAt, locale),
        })}{' '}
        · {conversation.place}
      </p>
      <p className="task-meta">
        {t(`conversations.stage.${conversation.stage}`)}
        {conversation.signedAt
          ? ` · ${t('conversations.signedOn', { date: formatDate(conversation.signedAt, locale) })}`
          : ''}
      </p>
      {conversation.stage === 'scheduled' ? (
        <p className="task-meta">
          {t('conversations.myPreparation', {
            state: t(`conversations.preparationState.${conversation.myPreparation}`),
          })}
          {conversation.otherPreparationShared ? ` · ${t('conversations.otherShared')}` : ''}
        </p>
      ) : null}
      {conversation.nextFollowUp ? (
        <p className="task-meta">
          {t('conversations.nextFollowUpOn', { date: formatDay(conversation.nextFollowUp, locale) })}
        </p>
      ) : null}
    </li>
  );
}

function GroupConversationItem({ group }: { group: GroupConversationSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="task conversation-item">
      <p className="task-title">
        <Link to={`/samtaler/grus/${group.id}`}>{t('groups.titleWith', { unit: group.unit.name })}</Link>
      </p>
      <p className="task-meta">
        {t('conversations.when', {
          date: formatDate(group.scheduledAt, locale),
          time: formatTime(group.scheduledAt, locale),
        })}{' '}
        · {group.place}
      </p>
      <p className="task-meta">
        {t(`groups.stage.${group.stage}`)} · {t('groups.participantCount', { count: group.participantCount })}
      </p>
    </li>
  );
}

type Listed = ConversationSummary | GroupConversationSummary;
const isGroup = (item: Listed): item is GroupConversationSummary => 'unit' in item;

function ConversationGroup(props: { id: string; title: string; empty: string; items: Listed[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul className="task-list">
          {props.items.map((item) =>
            isGroup(item) ? (
              <GroupConversationItem key={item.id} group={item} />
            ) : (
              <ConversationItem key={item.id} conversation={item} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

export function ConversationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const conversations = useConversations();
  const groups = conversations.data
    ? groupConversations<Listed>([...conversations.data.conversations, ...conversations.data.groups])
    : null;
  return (
    <>
      <PageHeading>{t('conversations.list.title')}</PageHeading>
      <p className="lead">{t('conversations.list.intro')}</p>
      {hasRole(user, 'leader') ? (
        <p className="button-row">
          <Link className="button button--primary" to="/samtaler/ny">
            {t('conversations.new.title')}
          </Link>
          <Link className="button button--secondary" to="/samtaler/grus/ny">
            {t('groups.new.title')}
          </Link>
        </p>
      ) : null}
      {conversations.isPending ? (
        <Loading />
      ) : conversations.isError ? (
        <QueryErrorNotice error={conversations.error} onRetry={() => void conversations.refetch()} />
      ) : groups ? (
        <>
          <ConversationGroup
            id="conversations-upcoming"
            title={t('conversations.list.upcoming')}
            empty={t('conversations.list.noneUpcoming')}
            items={groups.upcoming}
          />
          <ConversationGroup
            id="conversations-held"
            title={t('conversations.list.held')}
            empty={t('conversations.list.noneHeld')}
            items={groups.held}
          />
        </>
      ) : null}
    </>
  );
}
