/** @module The team's strongest or weakest competences as a numbered list, each with its average, target and share below. */
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../domain/text.ts';
import type { TeamOverview } from '../../../server/contracts/team.ts';
import { formatNumber } from '../../i18n/format.ts';
import { percentOf } from './matrix-view.ts';

export function RankedList(props: {
  competenceIds: readonly string[];
  summaries: TeamOverview['summaries'];
  nameOf: ReadonlyMap<string, string>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { summaries, nameOf, locale } = props;
  return (
    <ol>
      {props.competenceIds.map((competenceId) => {
        const summary = summaries.find((entry) => entry.competenceId === competenceId);
        return (
          <li key={competenceId}>
            <strong>{nameOf.get(competenceId) ?? competenceId}</strong>{' '}
            {summary
              ? t('teamOverview.rankedFigures', {
                  average: formatNumber(summary.average ?? 0, locale),
                  target: formatNumber(summary.averageTarget ?? 0, locale),
                  share: percentOf(summary.shareBelow ?? 0),
                })
              : null}
          </li>
        );
      })}
    </ol>
  );
}
