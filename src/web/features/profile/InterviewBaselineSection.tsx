/**
 * @module A new employee's starting point from the hiring interview: the panel's agreed levels beside the targets, shown
 * apart from the rounds and labelled as what it is — the panel's impression from an interview, not a leader's rating.
 */
import { useTranslation } from 'react-i18next';
import type { InterviewBaseline } from '../../../server/contracts/recruitment.ts';
import { useFrameworkVersion } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';

export function InterviewBaselineSection({ baseline, own }: { baseline: InterviewBaseline; own: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const framework = useFrameworkVersion(baseline.frameworkVersionId);
  const names = new Map(
    (framework.data?.document.areas ?? []).flatMap((area) =>
      area.competences.map((competence) => [competence.id, competence.name[locale]] as const),
    ),
  );
  const levelName = (level: number | null) =>
    level === null
      ? '–'
      : t('framework.levelLabel', {
          level,
          name:
            framework.data?.document.scale.levels.find((entry) => entry.level === level)?.name[locale] ?? '',
        });
  return (
    <section aria-labelledby="profile-baseline" className="profile-section">
      <h2 id="profile-baseline">{t('profile.baseline.title')}</h2>
      <div className="notice notice--info">
        <p>
          {t(own ? 'profile.baseline.introOwn' : 'profile.baseline.intro', {
            position: baseline.positionTitle,
            date: formatDate(baseline.interviewedAt, locale),
          })}
        </p>
      </div>
      {framework.isPending ? (
        <Loading />
      ) : (
        <ScrollRegion labelledBy="baseline-caption">
          <table className="table">
            <caption id="baseline-caption" className="table-caption">
              {t('profile.baseline.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.competence')}</th>
                <th scope="col">{t('profile.baseline.level')}</th>
                <th scope="col">{t('profile.layers.target')}</th>
              </tr>
            </thead>
            <tbody>
              {baseline.competences.map((entry) => (
                <tr key={entry.competenceId}>
                  <th scope="row">{names.get(entry.competenceId) ?? entry.competenceId}</th>
                  <td>{levelName(entry.level)}</td>
                  <td>{levelName(entry.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
