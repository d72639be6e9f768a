/**
 * @module What publishing a version did to the role profiles: targets taken out with retired competences, and new
 * competences with a suggested target to check. Shown right after publishing, and found again from the versions list.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PublishReport } from '../../../server/contracts/frameworks.ts';
import { ApiError } from '../../api/client.ts';
import { useFrameworkVersion, usePublishReport, useRoleProfiles } from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import type { PublishedState } from './DraftEditorPage.tsx';

type Carried = PublishReport['roleProfiles'][number];

function RoleProfileReport({
  profile,
  roleProfileId,
}: {
  profile: Carried;
  roleProfileId: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = `report-${profile.key}`;
  const unchanged = profile.dropped.length === 0 && profile.added.length === 0;
  return (
    <section aria-labelledby={headingId} className="report-profile">
      <h2 id={headingId}>{profile.name[locale]}</h2>
      {unchanged ? <p>{t('frameworkReport.unchanged')}</p> : null}
      {profile.dropped.length > 0 ? (
        <>
          <h3>{t('frameworkReport.droppedTitle')}</h3>
          <ul>
            {profile.dropped.map((target) => (
              <li key={target.competenceId}>
                {t('frameworkReport.target', { name: target.name[locale], level: target.level })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {profile.added.length > 0 ? (
        <>
          <h3>{t('frameworkReport.addedTitle')}</h3>
          <p>{t('frameworkReport.addedIntro')}</p>
          <ul>
            {profile.added.map((target) => (
              <li key={target.competenceId}>
                {t('frameworkReport.target', { name: target.name[locale], level: target.level })}
              </li>
            ))}
          </ul>
          {roleProfileId ? (
            <p>
              <Link to={`/admin/rolleprofiler/${roleProfileId}`}>
                {t('frameworkReport.check', { name: profile.name[locale] })}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function PublishReportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const location = useLocation();
  const { versionId = '' } = useParams();
  const valid = isVersionId(versionId);
  const report = usePublishReport(valid ? versionId : '');
  const version = useFrameworkVersion(valid ? versionId : undefined);
  const roleProfiles = useRoleProfiles();
  const justPublished = (location.state as PublishedState | null)?.published === true;
  if (!valid || (report.error instanceof ApiError && report.error.status === 404)) return <NotFoundPage />;
  const name = version.data?.document.name[locale];
  const number = version.data?.version;
  const profileId = (key: string) =>
    roleProfiles.data?.roleProfiles.find(
      (entry) => entry.frameworkVersionId === versionId && entry.key === key,
    )?.id;
  return (
    <>
      {name ? <p className="page-caption">{name}</p> : null}
      <PageHeading>{t('frameworkReport.title', { version: number ?? '' })}</PageHeading>
      {justPublished ? (
        <div className="notice notice--success" role="status">
          <p>{t('frameworkReport.published', { version: number ?? '' })}</p>
        </div>
      ) : null}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryErrorNotice error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <p className="lead">{t('frameworkReport.intro')}</p>
          {report.data.previous ? (
            <p>
              <Link to={`/kompetenceramme/${versionId}/aendringer?fra=${report.data.previous.versionId}`}>
                {t('frameworkReport.seeChanges', { version: report.data.previous.version })}
              </Link>
            </p>
          ) : null}
          {report.data.roleProfiles.length === 0 ? (
            <p>
              {t('frameworkReport.noProfiles')}{' '}
              <Link to={`/admin/rolleprofiler?version=${versionId}`}>
                {t('frameworkReport.createProfile')}
              </Link>
            </p>
          ) : (
            report.data.roleProfiles.map((profile) => (
              <RoleProfileReport key={profile.key} profile={profile} roleProfileId={profileId(profile.key)} />
            ))
          )}
        </>
      )}
      <p>
        <Link to="/admin/kompetenceramme">{t('frameworkAdmin.backToVersions')}</Link>
      </p>
    </>
  );
}
