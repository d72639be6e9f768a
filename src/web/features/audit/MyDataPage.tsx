/** @module My data: download everything Vejviser holds about you, and see when and why others looked it up. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { actionLabel, purposeLabel } from './audit-labels.ts';

export function MyDataPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lookups = useQuery({ queryKey: queryKeys.myLookups, queryFn: api.myLookups, staleTime: 0 });
  return (
    <>
      <PageHeading>{t('myData.title')}</PageHeading>
      <p className="lead">{t('myData.intro')}</p>
      <section aria-labelledby="my-download-heading">
        <h2 id="my-download-heading">{t('myData.downloadTitle')}</h2>
        <p>{t('myData.downloadIntro')}</p>
        <ul className="link-list">
          <li>
            <a href={`/api/me/data.pdf?lang=${locale}`} download>
              {t('myData.downloadPdf')}
            </a>
          </li>
          <li>
            <a href={`/api/me/data?lang=${locale}`} download>
              {t('myData.downloadJson')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="my-lookups-heading">
        <h2 id="my-lookups-heading">{t('myData.lookupsTitle')}</h2>
        <p>{t('myData.lookupsIntro')}</p>
        {lookups.isPending ? (
          <Loading />
        ) : lookups.isError ? (
          <QueryErrorNotice error={lookups.error} onRetry={() => void lookups.refetch()} />
        ) : lookups.data.lookups.length === 0 ? (
          <p>{t('myData.noLookups')}</p>
        ) : (
          <ScrollRegion labelledBy="my-lookups-caption">
            <table className="table">
              <caption id="my-lookups-caption" className="table-caption">
                {t('myData.lookupsCaption', { count: lookups.data.lookups.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.purposeColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {lookups.data.lookups.map((lookup) => (
                  <tr key={lookup.id}>
                    <td>
                      {t('common.dateAtTime', {
                        date: formatDate(lookup.occurredAt, locale),
                        time: formatTime(lookup.occurredAt, locale),
                      })}
                    </td>
                    <td>{actionLabel(t, lookup.action)}</td>
                    <td>{purposeLabel(t, lookup.purpose)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
