/**
 * @module The practice log's talking points on a conversation page: for the employee, every entry they marked (the
 * private ones are marked so); for the leader, only those the employee shared. Gone once the record is signed.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import { useTalkingPoints } from '../../api/queries.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { Section } from '../conversations/shared.tsx';
import { PracticeEntryCard } from './PracticeEntryCard.tsx';

export function TalkingPointsSection({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const points = useTalkingPoints(detail.conversation.id);
  const own = detail.conversation.myRole === 'employee';
  const name = detail.conversation.employee.name;
  if (points.data && !points.data.open) return null;
  return (
    <Section
      id="conversation-talking-points"
      className="print-hidden"
      title={own ? t('practice.talkingPoints.titleOwn') : t('practice.talkingPoints.titleLeader', { name })}
    >
      <p>{own ? t('practice.talkingPoints.introOwn') : t('practice.talkingPoints.introLeader', { name })}</p>
      {points.isPending ? (
        <Loading />
      ) : points.isError ? (
        <QueryErrorNotice error={points.error} onRetry={() => void points.refetch()} />
      ) : points.data.entries.length === 0 ? (
        <p className="muted">
          {own ? t('practice.talkingPoints.emptyOwn') : t('practice.talkingPoints.emptyLeader', { name })}
        </p>
      ) : (
        <ol className="practice-timeline">
          {points.data.entries.map((entry) => (
            <li key={entry.id}>
              <PracticeEntryCard
                entry={entry}
                headingLevel={3}
                actions={
                  own && !entry.shared ? (
                    <p className="muted">{t('practice.talkingPoints.notShared')}</p>
                  ) : null
                }
              />
            </li>
          ))}
        </ol>
      )}
      {own ? (
        <p>
          <Link to="/praksislog">{t('practice.talkingPoints.toLog')}</Link>
        </p>
      ) : null}
    </Section>
  );
}
