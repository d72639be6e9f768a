/** @module The framework browser: the scale, then each area with its competences and their level descriptions. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Locale } from '../../../domain/text.ts';
import type {
  FrameworkVersion,
  FrameworkVersionSummary,
  RoleProfile,
} from '../../../server/contracts/frameworks.ts';
import { useFrameworks, useFrameworkVersion, useRoleProfiles } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Paragraphs } from '../../ui/Paragraphs.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { CompetenceDetails } from './CompetenceDetails.tsx';
import { isVersionId, newestPublished, sortVersions, targetsFor } from './framework-view.ts';

function VersionStatus({
  version,
  locale,
}: {
  version: Pick<FrameworkVersionSummary, 'status' | 'publishedAt' | 'version'>;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const published =
    version.status === 'published' && version.publishedAt
      ? t('framework.publishedOn', { date: formatDate(version.publishedAt, locale) })
      : t(`framework.status.${version.status}`);
  return <>{t('framework.versionLine', { version: version.version, status: published })}</>;
}

function VersionList({
  versions,
  currentId,
  locale,
}: {
  versions: FrameworkVersionSummary[];
  currentId: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="framework-versions" className="framework-versions">
      <h2 id="framework-versions">{t('framework.versionsTitle')}</h2>
      <ul className="plain-list">
        {sortVersions(versions).map((version) => (
          <li key={version.id}>
            <Link
              to={`/kompetenceramme/${version.id}`}
              aria-current={version.id === currentId ? 'page' : undefined}
            >
              {version.name[locale]}
            </Link>{' '}
            <span className="muted">
              (<VersionStatus version={version} locale={locale} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScaleTable({ framework, locale }: { framework: FrameworkVersion; locale: Locale }) {
  const { t } = useTranslation();
  const { scale } = framework.document;
  return (
    <section aria-labelledby="framework-scale">
      <h2 id="framework-scale">{t('framework.scaleTitle')}</h2>
      <p>{t('framework.scaleIntro')}</p>
      <ScrollRegion labelledBy="framework-scale-caption">
        <table className="table">
          <caption id="framework-scale-caption" className="visually-hidden">
            {t('framework.scaleCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('framework.level')}</th>
              <th scope="col">{t('framework.levelName')}</th>
              <th scope="col">{t('framework.levelMeaning')}</th>
            </tr>
          </thead>
          <tbody>
            {scale.levels.map((entry) => (
              <tr key={entry.level}>
                <td>
                  <span className="level-chip">{entry.level}</span>
                </td>
                <th scope="row">{entry.name[locale]}</th>
                <td>{entry.meaning[locale]}</td>
              </tr>
            ))}
            <tr>
              <td>
                <span className="visually-hidden">{t('framework.noLevel')}</span>
                <span aria-hidden="true">–</span>
              </td>
              <th scope="row">{scale.cannotAssess.name[locale]}</th>
              <td>{scale.cannotAssess.meaning[locale]}</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function FrameworkDocumentView({
  framework,
  roleProfiles,
  locale,
}: {
  framework: FrameworkVersion;
  roleProfiles: RoleProfile[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { document } = framework;
  return (
    <>
      <nav aria-labelledby="framework-contents" className="contents">
        <h2 id="framework-contents">{t('framework.contentsTitle')}</h2>
        <ol className="contents-list">
          <li>
            <a href="#framework-scale">{t('framework.scaleTitle')}</a>
          </li>
          {document.areas.map((area) => (
            <li key={area.id}>
              <a href={`#area-${area.id}`}>{area.name[locale]}</a>
            </li>
          ))}
        </ol>
      </nav>

      <ScaleTable framework={framework} locale={locale} />

      {document.areas.map((area) => (
        <section key={area.id} className="area" aria-labelledby={`area-${area.id}`}>
          <h2 id={`area-${area.id}`} className="area-title">
            {area.name[locale]}
          </h2>
          <Paragraphs text={area.description[locale]} />
          <p className="muted">{t('framework.competenceCount', { count: area.competences.length })}</p>
          <ul className="competence-list">
            {area.competences.map((competence) => (
              <li key={competence.id}>
                <CompetenceDetails
                  competence={competence}
                  scale={document.scale}
                  targets={targetsFor(competence.id, roleProfiles, framework.id, locale)}
                  locale={locale}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function FrameworkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { versionId } = useParams();
  const frameworks = useFrameworks();
  const validId = versionId === undefined || isVersionId(versionId);
  const chosenId =
    versionId ?? (frameworks.data ? newestPublished(frameworks.data.frameworks)?.id : undefined);
  const version = useFrameworkVersion(validId ? chosenId : undefined);
  const roleProfiles = useRoleProfiles();

  if (!validId) return <NotFoundPage />;

  const name = version.data?.document.name[locale];
  let content: ReactNode;
  if (frameworks.isError) {
    content = <QueryErrorNotice error={frameworks.error} onRetry={() => void frameworks.refetch()} />;
  } else if (frameworks.isPending) {
    content = <Loading />;
  } else if (!chosenId) {
    content = <p>{t('framework.nonePublished')}</p>;
  } else if (version.isError) {
    content = <QueryErrorNotice error={version.error} onRetry={() => void version.refetch()} />;
  } else if (version.isPending) {
    content = <Loading />;
  } else {
    content = (
      <>
        <p className="muted">
          <VersionStatus version={version.data} locale={locale} />
        </p>
        <Paragraphs text={version.data.document.description[locale]} className="lead" />
        {frameworks.data.frameworks.length > 1 ? (
          <VersionList versions={frameworks.data.frameworks} currentId={version.data.id} locale={locale} />
        ) : null}
        <FrameworkDocumentView
          framework={version.data}
          roleProfiles={roleProfiles.data?.roleProfiles ?? []}
          locale={locale}
        />
      </>
    );
  }

  return (
    <>
      {name ? <p className="page-caption">{t('framework.title')}</p> : null}
      <PageHeading title={name ?? t('framework.title')}>{name ?? t('framework.title')}</PageHeading>
      {content}
    </>
  );
}
