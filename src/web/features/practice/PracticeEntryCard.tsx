/**
 * @module One practice entry as a card: when and where, the help level, the competences used, what worked and what
 * to try next, its goal, and whether it is shared or a talking point — in words, not only by colour.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeEntry } from '../../../server/contracts/practice.ts';
import { formatDay, formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';

export function PracticeEntryCard(props: {
  entry: PracticeEntry;
  headingLevel: 3 | 4;
  /** Show whose entry it is (for a leader). */
  showAuthor?: boolean;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { entry } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="practice-entry">
      <Heading className="practice-entry-title">
        {t('practice.entry.heading', {
          date: formatDay(entry.occurredOn, locale),
          channel: t(`practice.channel.${entry.channel}`),
        })}
      </Heading>
      <p className="practice-entry-tags">
        <span className={`tag help-level help-level--${entry.helpLevel}`}>
          {t(`practice.helpLevel.${entry.helpLevel}`)}
        </span>
        {props.showAuthor ? (
          <span className="tag">{t('practice.entry.sharedBy', { name: entry.author.name })}</span>
        ) : entry.shared ? (
          <span className="tag">{t('practice.entry.shared')}</span>
        ) : null}
        {entry.talkingPoint ? <span className="tag">{t('practice.entry.talkingPoint')}</span> : null}
      </p>
      <dl className="answer-pairs practice-entry-body">
        <div>
          <dt>{t('practice.entry.competences')}</dt>
          <dd>
            {formatList(
              entry.competences.map((competence) => competence.name),
              locale,
            )}
          </dd>
        </div>
        <div>
          <dt>{t('practice.entry.whatWorked')}</dt>
          <dd className="pre-line">{entry.whatWorked}</dd>
        </div>
        {entry.tryNext ? (
          <div>
            <dt>{t('practice.entry.tryNext')}</dt>
            <dd className="pre-line">{entry.tryNext}</dd>
          </div>
        ) : null}
        {entry.goal ? (
          <div>
            <dt>{t('practice.entry.goal')}</dt>
            <dd>{entry.goal.title}</dd>
          </div>
        ) : null}
      </dl>
      {props.actions}
    </article>
  );
}
