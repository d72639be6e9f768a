/** @module The role profiles of one published framework version, and the way to create or change one. */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { FrameworkVersionSummary } from '../../../server/contracts/frameworks.ts';
import { useFrameworks, useRoleProfiles } from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { newestPublished, sortVersions } from '../framework/framework-view.ts';
import type { RoleProfileSavedState } from './RoleProfileEditPage.tsx';

/** The published version the page shows: the one asked for, or the newest. */
export function chosenVersion(
  versions: readonly FrameworkVersionSummary[],
  asked: string | null,
): FrameworkVersionSummary | undefined {
  const published = versions.filter((version) => version.status === 'published');
  return published.find((version) => version.id === asked) ?? newestPublished(published);
}

export function RoleProfilesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const saved = (location.state as RoleProfileSavedState | null)?.saved;
  const [search] = useSearchParams();
  const frameworks = useFrameworks();
  const roleProfiles = useRoleProfiles();
  const query = frameworks.isError ? frameworks : roleProfiles;
  const versions = sortVersions(frameworks.data?.frameworks ?? []).filter(
    (version) => version.status === 'published',
  );
  const version = chosenVersion(versions, search.get('version'));
  const profiles = (roleProfiles.data?.roleProfiles ?? [])
    .filter((profile) => profile.frameworkVersionId === version?.id)
    .sort((a, b) => a.name[locale].localeCompare(b.name[locale], locale));
  return (
    <>
      <PageHeading>{t('roleProfiles.title')}</PageHeading>
      <p className="lead">{t('roleProfiles.intro')}</p>
      <p>
        <Link to="/admin/kompetenceramme">{t('roleProfiles.toFramework')}</Link>
      </p>
      <div role="status" className="status-line">
        {saved ? <p className="notice notice--success">{t('roleProfiles.saved', { name: saved })}</p> : null}
      </div>
      {query.isError ? (
        <QueryErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : frameworks.isPending || roleProfiles.isPending ? (
        <Loading />
      ) : !version ? (
        <p>{t('framework.nonePublished')}</p>
      ) : (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="role-profiles-version">
              {t('roleProfiles.version')}
            </label>
            <select
              id="role-profiles-version"
              className="form-select"
              value={version.id}
              onChange={(event) =>
                void navigate(`/admin/rolleprofiler?version=${event.target.value}`, { replace: true })
              }
            >
              {versions.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {t('rounds.new.frameworkOption', { name: entry.name[locale], version: entry.version })}
                </option>
              ))}
            </select>
          </div>
          <ScrollRegion labelledBy="role-profiles-caption">
            <table className="table">
              <caption id="role-profiles-caption" className="table-caption">
                {t('roleProfiles.caption', { count: profiles.length, version: version.version })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('roleProfiles.name')}</th>
                  <th scope="col">{t('roleProfiles.description')}</th>
                  <th scope="col">{t('frameworkAdmin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {profiles.map((profile) => (
                  <tr key={profile.id}>
                    <th scope="row">{profile.name[locale]}</th>
                    <td>{profile.description[locale]}</td>
                    <td>
                      <Link to={`/admin/rolleprofiler/${profile.id}`}>
                        {t('roleProfiles.edit', { name: profile.name[locale] })}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p>
            <Link className="button button--primary" to={`/admin/rolleprofiler/ny?version=${version.id}`}>
              {t('roleProfiles.create', { version: version.version })}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
