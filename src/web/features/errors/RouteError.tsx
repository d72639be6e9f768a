/** @module The friendly page when rendering a route fails: an apology, what to try, and no stack trace for the user. */
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <>
      <PageHeading>{t('errors.page.title')}</PageHeading>
      {error instanceof ApiError ? (
        <QueryErrorNotice error={error} />
      ) : (
        <>
          <p className="lead">{t('errors.page.text')}</p>
          <p>
            <Link to="/">{t('errors.toHome')}</Link>
          </p>
        </>
      )}
    </>
  );
}

/** When even the frame fails: a bare page with a working way out (a full reload of the front page). */
export function RootError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="site-main" tabIndex={-1}>
      <div className="container">
        <PageHeading>{t('errors.page.title')}</PageHeading>
        <p className="lead">{t('errors.page.text')}</p>
        <p>
          <a href="/">{t('errors.toHome')}</a>
        </p>
      </div>
    </main>
  );
}
