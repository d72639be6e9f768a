/** @module The outbox: every e-mail Vejviser has queued or sent for the municipality, newest first. */
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../../api/queries.ts';
import { formatDate, formatTime } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';

export function OutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const outbox = useOutbox();
  const when = (iso: string) =>
    t('common.dateAtTime', { date: formatDate(iso, locale), time: formatTime(iso, locale) });
  return (
    <>
      <PageHeading>{t('outbox.title')}</PageHeading>
      <p className="lead">{t('outbox.intro')}</p>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <QueryErrorNotice error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.messages.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ScrollRegion labelledBy="outbox-caption">
          <table className="table">
            <caption id="outbox-caption" className="table-caption">
              {t('outbox.caption', { count: outbox.data.messages.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.sent')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.messages.map((message) => (
                <tr key={message.id}>
                  <th scope="row">
                    <details className="message">
                      <summary className="message-summary">{message.subject}</summary>
                      <pre className="message-body">{message.body}</pre>
                    </details>
                  </th>
                  <td className="nowrap-ish">{message.to}</td>
                  <td>{when(message.createdAt)}</td>
                  <td>{message.sentAt ? when(message.sentAt) : t('outbox.notSent')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
