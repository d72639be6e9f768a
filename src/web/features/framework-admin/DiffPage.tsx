/**
 * @module What changed between two versions of a framework, area by area: each change named in words, with the old and
 * the new text side by side in a table (never told by colour alone).
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Locale } from '../../../domain/text.ts';
import type { FrameworkDiffView } from '../../../server/contracts/frameworks.ts';
import { useFrameworkDiff, useFrameworks } from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { type ChangeRow, changeRows, previousOf, type TextPair } from './diff-view.ts';

type AreaDiff = FrameworkDiffView['areas'][number];
type CompetenceDiff = AreaDiff['competences'][number];

function ChangeTable({
  id,
  caption,
  rows,
  diff,
}: {
  id: string;
  caption: string;
  rows: ChangeRow[];
  diff: FrameworkDiffView;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <ScrollRegion labelledBy={id}>
      <table className="table diff-table">
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('frameworkDiff.text')}</th>
            <th scope="col">{t('frameworkDiff.before', { version: diff.from.version })}</th>
            <th scope="col">{t('frameworkDiff.after', { version: diff.to.version })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.label}:${row.language}`}>
              <th scope="row">
                {row.label} <span className="muted">({t(`frameworkAdmin.language.${row.language}`)})</span>
              </th>
              <td>{row.before || <span className="muted">{t('frameworkDiff.none')}</span>}</td>
              <td>{row.after || <span className="muted">{t('frameworkDiff.none')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function CompetenceChange({
  competence,
  diff,
  locale,
}: {
  competence: CompetenceDiff;
  diff: FrameworkDiffView;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const headingId = `diff-competence-${competence.competenceId}`;
  const pairs: TextPair[] = [
    ...(competence.renamed ? [{ label: t('frameworkAdmin.field.name'), ...competence.renamed }] : []),
    ...(competence.description
      ? [{ label: t('frameworkAdmin.field.description'), ...competence.description }]
      : []),
    ...competence.levels.map((level) => ({
      label: t('frameworkAdmin.field.level', { level: level.level }),
      before: level.before,
      after: level.after,
    })),
    ...(competence.evidencePrompts
      ? [
          {
            label: t('frameworkDiff.prompts'),
            before: joined(competence.evidencePrompts.before),
            after: joined(competence.evidencePrompts.after),
          },
        ]
      : []),
  ];
  return (
    <li className="diff-competence">
      <h3 id={headingId} className="diff-competence-title">
        {competence.name[locale]}{' '}
        <span className="tag">{t(`frameworkDiff.status.${competence.status}`)}</span>
        {competence.movedFrom ? (
          <span className="tag">
            {t('frameworkDiff.movedFrom', { area: competence.movedFrom.name[locale] })}
          </span>
        ) : null}
      </h3>
      {competence.status === 'added' ? <p>{t('frameworkDiff.addedText')}</p> : null}
      {competence.status === 'retired' ? <p>{t('frameworkDiff.retiredText')}</p> : null}
      <ChangeTable
        id={`${headingId}-caption`}
        caption={t('frameworkDiff.tableCaption', { name: competence.name[locale] })}
        rows={changeRows(pairs, locale)}
        diff={diff}
      />
    </li>
  );
}

const joined = (texts: readonly { da: string; en: string }[]) =>
  texts.length
    ? { da: texts.map((text) => text.da).join(' / '), en: texts.map((text) => text.en).join(' / ') }
    : null;

function DiffView({ diff }: { diff: FrameworkDiffView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const frameworkPairs: TextPair[] = [
    ...(diff.name ? [{ label: t('frameworkAdmin.field.name'), ...diff.name }] : []),
    ...(diff.description ? [{ label: t('frameworkAdmin.field.description'), ...diff.description }] : []),
    ...diff.scale.flatMap((level) => {
      const label =
        level.level === 0
          ? t('frameworkAdmin.field.cannotAssess')
          : t('frameworkAdmin.field.scaleLevel', { level: level.level });
      return [
        ...(level.name ? [{ label, ...level.name }] : []),
        ...(level.meaning
          ? [{ label: `${label}, ${t('frameworkAdmin.field.meaning')}`, ...level.meaning }]
          : []),
      ];
    }),
  ];
  const counts = diff.counts;
  if (diff.unchanged) return <p>{t('frameworkDiff.unchanged')}</p>;
  return (
    <>
      <dl className="summary-list" aria-label={t('frameworkDiff.summary')}>
        {(['added', 'retired', 'renamed', 'moved', 'levelsChanged'] as const).map((kind) => (
          <div key={kind} className="summary-list-row">
            <dt>{t(`frameworkDiff.count.${kind}`)}</dt>
            <dd>{counts[kind]}</dd>
          </div>
        ))}
      </dl>
      {diff.reordered ? <p>{t('frameworkDiff.reordered')}</p> : null}
      {frameworkPairs.length > 0 ? (
        <section aria-labelledby="diff-framework">
          <h2 id="diff-framework">{t('frameworkDiff.frameworkTitle')}</h2>
          <ChangeTable
            id="diff-framework-caption"
            caption={t('frameworkDiff.frameworkTitle')}
            rows={changeRows(frameworkPairs, locale)}
            diff={diff}
          />
        </section>
      ) : null}
      {diff.areas.map((area) => (
        <section key={area.areaId} aria-labelledby={`diff-area-${area.areaId}`} className="area">
          <h2 id={`diff-area-${area.areaId}`} className="area-title">
            {area.name[locale]}{' '}
            {area.status === 'changed' ? null : (
              <span className="tag">{t(`frameworkDiff.areaStatus.${area.status}`)}</span>
            )}
          </h2>
          <ChangeTable
            id={`diff-area-${area.areaId}-caption`}
            caption={t('frameworkDiff.tableCaption', { name: area.name[locale] })}
            rows={changeRows(
              [
                ...(area.renamed ? [{ label: t('frameworkAdmin.field.name'), ...area.renamed }] : []),
                ...(area.description
                  ? [{ label: t('frameworkAdmin.field.description'), ...area.description }]
                  : []),
              ],
              locale,
            )}
            diff={diff}
          />
          <ul className="diff-list">
            {area.competences.map((competence) => (
              <CompetenceChange
                key={competence.competenceId}
                competence={competence}
                diff={diff}
                locale={locale}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function DiffPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { versionId = '' } = useParams();
  const [search] = useSearchParams();
  const frameworks = useFrameworks();
  const valid = isVersionId(versionId);
  const all = frameworks.data?.frameworks ?? [];
  const to = all.find((version) => version.id === versionId);
  const asked = search.get('fra');
  const fromId = asked && isVersionId(asked) ? asked : to ? previousOf(to, all)?.id : undefined;
  const diff = useFrameworkDiff(versionId, valid ? fromId : undefined);
  const [chosen, setChoice] = useState<string | null>(null);
  const choice = chosen ?? fromId ?? '';

  if (!valid || (frameworks.isSuccess && !to)) return <NotFoundPage />;
  const others = to ? all.filter((version) => version.key === to.key && version.id !== to.id) : [];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice) void navigate(`/kompetenceramme/${versionId}/aendringer?fra=${choice}`);
  };
  const title = diff.data
    ? t('frameworkDiff.title', { from: diff.data.from.version, to: diff.data.to.version })
    : t('frameworkDiff.titleShort');

  return (
    <>
      {to ? <p className="page-caption">{to.name[locale]}</p> : null}
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('frameworkDiff.intro')}</p>
      {others.length > 0 ? (
        <form className="form form--inline" onSubmit={onSubmit} aria-label={t('frameworkDiff.compareLabel')}>
          <div className="form-group">
            <label className="form-label" htmlFor="diff-from">
              {t('frameworkDiff.compareWith')}
            </label>
            <select
              id="diff-from"
              className="form-select form-select--m"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              {others.map((version) => (
                <option key={version.id} value={version.id}>
                  {t('frameworkAdmin.versionNumber', { version: version.version })}
                  {version.status === 'draft' ? ` (${t('frameworkAdmin.draft')})` : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('frameworkDiff.show')}
          </button>
        </form>
      ) : null}
      {frameworks.isError ? (
        <QueryErrorNotice error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : frameworks.isPending ? (
        <Loading />
      ) : !fromId ? (
        <p>{t('frameworkDiff.nothingToCompare')}</p>
      ) : diff.isError ? (
        <QueryErrorNotice error={diff.error} onRetry={() => void diff.refetch()} />
      ) : diff.isPending ? (
        <Loading />
      ) : (
        <DiffView diff={diff.data} />
      )}
      <p>
        <Link to={`/kompetenceramme/${versionId}`}>{t('frameworkDiff.toVersion')}</Link>
      </p>
    </>
  );
}
