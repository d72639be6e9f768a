/** @module One competence as a native disclosure: its description, and what each level looks like in practice. */
import { useTranslation } from 'react-i18next';
import type { Competence } from '../../../domain/framework.ts';
import type { Scale } from '../../../domain/scale.ts';
import type { Locale } from '../../../domain/text.ts';
import { formatList } from '../../i18n/format.ts';
import { Paragraphs } from '../../ui/Paragraphs.tsx';
import type { CompetenceTarget } from './framework-view.ts';

interface CompetenceDetailsProps {
  competence: Competence;
  scale: Scale;
  targets: CompetenceTarget[];
  locale: Locale;
}

export function CompetenceDetails({ competence, scale, targets, locale }: CompetenceDetailsProps) {
  const { t } = useTranslation();
  const levelName = (level: number) =>
    scale.levels.find((entry) => entry.level === level)?.name[locale] ?? '';
  return (
    <details className="competence" id={`competence-${competence.id}`}>
      <summary className="competence-summary">
        <span className="competence-name">{competence.name[locale]}</span>
        {targets.length ? (
          <span className="competence-targets">
            {t('framework.targetsLabel')}{' '}
            {targets.map((target, index) => (
              <span key={target.roleProfileId} className="competence-target">
                {index > 0 ? ' · ' : ''}
                {target.roleProfileName} <span className="level-chip">{target.level}</span>
              </span>
            ))}
          </span>
        ) : null}
      </summary>
      <div className="competence-body">
        <Paragraphs text={competence.description[locale]} />
        <h3 className="competence-levels-title">{t('framework.levelsTitle')}</h3>
        <dl className="level-list">
          {competence.levels.map((entry) => {
            const targetNames = targets
              .filter((target) => target.level === entry.level)
              .map((target) => target.roleProfileName);
            return (
              <div className="level-list-item" key={entry.level}>
                <dt className="level-list-term">
                  {t('framework.levelLabel', { level: entry.level, name: levelName(entry.level) })}
                </dt>
                <dd className="level-list-behaviour">{entry.behaviour[locale]}</dd>
                {targetNames.length ? (
                  <dd className="level-list-target">
                    {t('framework.targetFor', { names: formatList(targetNames, locale) })}
                  </dd>
                ) : null}
              </div>
            );
          })}
        </dl>
        {competence.evidencePrompts.length ? (
          <>
            <h3 className="competence-levels-title">{t('framework.promptsTitle')}</h3>
            <ul className="prompt-list">
              {competence.evidencePrompts.map((prompt) => (
                <li key={prompt.da}>{prompt[locale]}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </details>
  );
}
