/** @module "Temadage": the theme days of the units the reader leads and those they take part in, coming and held. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThemeDaySummary } from '../../../server/contracts/theme-days.ts';
import { useThemeDays } from '../../api/queries.ts';
import { formatDay, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';

export function ThemeDaysPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const themeDays = useThemeDays();
  const upcoming = themeDays.data?.themeDays.filter((day) => day.stage === 'planned') ?? [];
  const held = [...(themeDays.data?.themeDays.filter((day) => day.stage === 'held') ?? [])].reverse();
  return (
    <>
      <PageHeading>{t('themeDays.title')}</PageHeading>
      <p className="lead">{t('themeDays.intro')}</p>
      {hasRole(user, 'leader') ? (
        <p>
          <Link className="button button--primary" to="/temadage/ny">
            {t('themeDays.planLink')}
          </Link>
        </p>
      ) : null}
      {themeDays.isPending ? (
        <Loading />
      ) : themeDays.isError ? (
        <QueryErrorNotice error={themeDays.error} onRetry={() => void themeDays.refetch()} />
      ) : themeDays.data.themeDays.length === 0 ? (
        <p>{t('themeDays.none')}</p>
      ) : (
        <>
          <ThemeDayTable id="theme-days-upcoming" caption={t('themeDays.upcoming')} days={upcoming} />
          <ThemeDayTable id="theme-days-held" caption={t('themeDays.held')} days={held} />
        </>
      )}
    </>
  );
}

function ThemeDayTable({ id, caption, days }: { id: string; caption: string; days: ThemeDaySummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (days.length === 0) return null;
  return (
    <ScrollRegion labelledBy={`${id}-caption`}>
      <table className="table">
        <caption id={`${id}-caption`} className="table-caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('themeDays.titleColumn')}</th>
            <th scope="col">{t('themeDays.unit')}</th>
            <th scope="col">{t('themeDays.when')}</th>
            <th scope="col">{t('themeDays.role')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.id}>
              <th scope="row">
                <Link to={`/temadage/${day.id}`}>{day.title}</Link>
              </th>
              <td>{day.unit.name}</td>
              <td>
                {t('themeDays.whenValue', {
                  date: formatDay(day.date, locale),
                  start: formatTime(new Date(`2000-01-01T${day.startTime}:00`), locale),
                  end: formatTime(new Date(`2000-01-01T${day.endTime}:00`), locale),
                })}
              </td>
              <td>{t(`themeDays.myRole.${day.myRole}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
