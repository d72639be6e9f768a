/**
 * @module Import units and people from the HR system's files (administrators): choose the files, see in a dry run what
 * would be created, changed and deactivated and every bad row explained, then apply it when there are none.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantedRole } from '../../../domain/people-admin.ts';
import type { ImportApplied, ImportResult } from '../../../server/contracts/people-admin.ts';
import { api } from '../../api/client.ts';
import { formatList, formatNumber } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { refreshPeople, useFormErrors } from './form-state.ts';

type Sheet = 'units' | 'users';
type FieldChange = ImportResult['users']['change'][number]['changes'][number];

const accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileInputId = (sheet: Sheet) => `import-${sheet}-file`;

export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('peopleImport.title')}</PageHeading>
      <p className="lead">{t('peopleImport.intro')}</p>
      <p>
        <Link to="/admin/brugere">{t('peopleAdmin.backToList')}</Link>
      </p>
      <ColumnsHelp />
      <ImportForm />
    </>
  );
}

/** The documented columns, one table per file (docs/import.md says the same at more length). */
function ColumnsHelp() {
  const { t } = useTranslation();
  const columns = {
    units: [
      ['eksternt_id', t('peopleImport.columns.units.eksternt_id')],
      ['navn', t('peopleImport.columns.units.navn')],
      ['overordnet_id', t('peopleImport.columns.units.overordnet_id')],
      ['ledere', t('peopleImport.columns.units.ledere')],
    ],
    users: [
      ['eksternt_id', t('peopleImport.columns.users.eksternt_id')],
      ['navn', t('peopleImport.columns.users.navn')],
      ['email', t('peopleImport.columns.users.email')],
      ['titel', t('peopleImport.columns.users.titel')],
      ['enhed_id', t('peopleImport.columns.users.enhed_id')],
      ['roller', t('peopleImport.columns.users.roller')],
      ['aktiv', t('peopleImport.columns.users.aktiv')],
    ],
  } satisfies Record<Sheet, [string, string][]>;
  return (
    <details className="import-help">
      <summary>{t('peopleImport.columns.summary')}</summary>
      <p>{t('peopleImport.columns.general')}</p>
      {(['units', 'users'] as const).map((sheet) => (
        <ScrollRegion key={sheet} labelledBy={`import-columns-${sheet}`}>
          <table className="table table--compact">
            <caption id={`import-columns-${sheet}`} className="table-caption">
              {t(`peopleImport.columns.${sheet}Caption`)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('peopleImport.columns.column')}</th>
                <th scope="col">{t('peopleImport.columns.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {columns[sheet].map(([column, meaning]) => (
                <tr key={column}>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
    </details>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Partial<Record<Sheet, File>>>({});
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportApplied | null>(null);
  const { errors, attempt, fail, failFromServer, clear } = useFormErrors();
  // After applying, the result and its button are gone: focus moves to what happened.
  const appliedNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (applied) appliedNotice.current?.focus();
  }, [applied]);

  const form = (expectedPlan?: string) => {
    const body = new FormData();
    for (const sheet of ['units', 'users'] as const) {
      const file = files[sheet];
      if (file) body.set(sheet, file, file.name);
    }
    body.set('deactivateMissing', String(deactivateMissing));
    if (expectedPlan) body.set('expectedPlan', expectedPlan);
    return body;
  };
  const dryRun = useMutation({
    mutationFn: () => api.importDryRun(form()),
    onSuccess: (answer) => {
      clear();
      setApplied(null);
      setResult(answer);
    },
    onError: failFromServer,
  });
  const apply = useMutation({
    mutationFn: (fingerprint: string) => api.importApply(form(fingerprint)),
    onSuccess: async (answer) => {
      clear();
      setResult(null);
      setApplied(answer);
      await refreshPeople(queryClient);
    },
    onError: failFromServer,
  });
  const changed = () => {
    setResult(null);
    setApplied(null);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dryRun.isPending || apply.isPending) return;
    if (!files.units && !files.users) {
      return fail([{ fieldId: fileInputId('units'), message: t('peopleImport.errors.noFile') }]);
    }
    dryRun.mutate();
  };
  const fileError = errors.find((error) => error.fieldId === fileInputId('units'))?.message;

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('peopleImport.formLabel')}>
        {fileError ? <FieldError id="import-files-error" message={fileError} /> : null}
        {(['units', 'users'] as const).map((sheet) => (
          <div className={fileError ? 'form-group form-group--error' : 'form-group'} key={sheet}>
            <label className="form-label" htmlFor={fileInputId(sheet)}>
              {t(`peopleImport.${sheet}File`)}
            </label>
            <p className="form-hint" id={`${fileInputId(sheet)}-hint`}>
              {t(`peopleImport.${sheet}FileHint`)}
            </p>
            <input
              className="form-file"
              type="file"
              id={fileInputId(sheet)}
              name={sheet}
              accept={accept}
              aria-describedby={`${fileInputId(sheet)}-hint${fileError ? ' import-files-error' : ''}`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                setFiles((current) => {
                  const next = { ...current };
                  if (file) next[sheet] = file;
                  else delete next[sheet];
                  return next;
                });
                changed();
              }}
            />
          </div>
        ))}
        <div className="form-group">
          <div className="checkbox">
            <input
              className="checkbox-input"
              type="checkbox"
              id="import-deactivate-missing"
              checked={deactivateMissing}
              aria-describedby="import-deactivate-missing-hint"
              onChange={(event) => {
                setDeactivateMissing(event.target.checked);
                changed();
              }}
            />
            <label className="checkbox-label" htmlFor="import-deactivate-missing">
              {t('peopleImport.deactivateMissing')}
            </label>
          </div>
          <p className="form-hint checkbox-hint" id="import-deactivate-missing-hint">
            {t('peopleImport.deactivateMissingHint')}
          </p>
        </div>
        <button type="submit" className="button button--primary">
          {dryRun.isPending ? t('peopleImport.dryRunning') : t('peopleImport.dryRun')}
        </button>
      </form>
      <div role="status">
        {applied ? (
          <div className="notice notice--success" ref={appliedNotice} tabIndex={-1}>
            <h2 className="notice-title">{t('peopleImport.appliedTitle')}</h2>
            <p>
              {applied.nothingChanged
                ? t('peopleImport.appliedNothing')
                : t('peopleImport.appliedCounts', {
                    units: applied.counts.unitsCreated + applied.counts.unitsChanged,
                    people: applied.counts.usersCreated + applied.counts.usersChanged,
                    deactivated: applied.counts.usersDeactivated + applied.counts.unitsDeactivated,
                  })}
            </p>
          </div>
        ) : null}
      </div>
      {result ? (
        <DryRunResult
          result={result}
          applying={apply.isPending}
          onApply={() => {
            if (!apply.isPending) apply.mutate(result.fingerprint);
          }}
        />
      ) : null}
    </>
  );
}

function DryRunResult(props: { result: ImportResult; applying: boolean; onApply: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { result } = props;
  const { counts } = result;
  const count = (value: number) => formatNumber(value, locale);
  const createTable = {
    units: (
      <ResultTable
        id="import-units-create"
        caption={t('peopleImport.unitsCreateCaption', { count: counts.unitsCreated })}
        total={counts.unitsCreated}
        limit={result.listLimit}
        header={[
          t('peopleImport.table.row'),
          t('peopleAdmin.externalId'),
          t('peopleAdmin.unit.name'),
          t('peopleAdmin.unit.parent'),
          t('peopleAdmin.unit.leadersTitle'),
        ]}
        rows={result.units.create.map((unit) => ({
          key: unit.externalId,
          cells: [
            count(unit.row),
            unit.externalId,
            unit.name,
            unit.parent ?? t('peopleAdmin.unit.topLevel'),
            formatList(unit.leaders, locale) || '–',
          ],
        }))}
      />
    ),
    users: (
      <ResultTable
        id="import-users-create"
        caption={t('peopleImport.usersCreateCaption', { count: counts.usersCreated })}
        total={counts.usersCreated}
        limit={result.listLimit}
        header={[
          t('peopleImport.table.row'),
          t('peopleAdmin.externalId'),
          t('person.name'),
          t('person.email'),
          t('person.title'),
          t('person.unit'),
          t('person.roles'),
        ]}
        rows={result.users.create.map((user) => ({
          key: user.externalId,
          cells: [
            count(user.row),
            user.externalId,
            user.name,
            user.email,
            user.title ?? '–',
            user.unit ?? t('person.noUnit'),
            formatList(
              user.roles.map((role) => t(`roles.${role}`)),
              locale,
            ),
          ],
        }))}
      />
    ),
  };
  // Each new dry run moves focus to its result, so a keyboard or screen-reader user starts reading there.
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves once per new result.
  useEffect(() => {
    heading.current?.focus();
  }, [result]);
  return (
    <section aria-labelledby="import-result" className="import-result">
      <h2 id="import-result" tabIndex={-1} ref={heading}>
        {t('peopleImport.resultTitle')}
      </h2>
      {result.issues.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <h3 className="notice-title">{t('peopleImport.issuesTitle', { count: counts.issues })}</h3>
          <p>{t('peopleImport.issuesIntro')}</p>
        </div>
      ) : result.nothingToChange ? (
        <p className="notice notice--success">{t('peopleImport.nothingToChange')}</p>
      ) : (
        <p className="notice notice--info">{t('peopleImport.readyToApply')}</p>
      )}
      <dl className="summary-list">
        {(
          [
            ['unitsCreated', counts.unitsCreated],
            ['unitsChanged', counts.unitsChanged],
            ['unitsDeactivated', counts.unitsDeactivated],
            ['usersCreated', counts.usersCreated],
            ['usersChanged', counts.usersChanged],
            ['usersDeactivated', counts.usersDeactivated],
          ] as const
        ).map(([key, value]) => (
          <div className="summary-list-row" key={key}>
            <dt>{t(`peopleImport.counts.${key}`)}</dt>
            <dd>{count(value)}</dd>
          </div>
        ))}
      </dl>
      {result.issues.length > 0 ? (
        <ResultTable
          id="import-issues"
          caption={t('peopleImport.issuesCaption', { count: counts.issues })}
          total={counts.issues}
          limit={result.listLimit}
          header={[
            t('peopleImport.table.file'),
            t('peopleImport.table.row'),
            t('peopleImport.table.column'),
            t('peopleImport.table.problem'),
          ]}
          rows={result.issues.map((issue) => ({
            key: `${issue.file}:${issue.row}:${issue.column}:${issue.code}`,
            cells: [
              t(`peopleImport.sheet.${issue.file}`),
              issue.row === null ? t('peopleImport.wholeFile') : count(issue.row),
              issue.column ?? '–',
              issue.message,
            ],
          }))}
        />
      ) : null}
      {createTable.units}
      <SheetChanges sheet="units" result={result} />
      {createTable.users}
      <SheetChanges sheet="users" result={result} />
      {result.canApply ? (
        <div className="submit-area">
          <p>{result.nothingToChange ? t('peopleImport.applyNothingHint') : t('peopleImport.applyHint')}</p>
          <button type="button" className="button button--primary" onClick={props.onApply}>
            {props.applying ? t('peopleImport.applying') : t('peopleImport.apply')}
          </button>
        </div>
      ) : (
        <p>{t('peopleImport.fixFirst')}</p>
      )}
    </section>
  );
}

/** What an import changes and deactivates of one kind: units or people. */
function SheetChanges({ sheet, result }: { sheet: Sheet; result: ImportResult }) {
  const { t } = useTranslation();
  const changed = sheet === 'units' ? result.counts.unitsChanged : result.counts.usersChanged;
  const deactivated = sheet === 'units' ? result.counts.unitsDeactivated : result.counts.usersDeactivated;
  return (
    <>
      <ChangeTable
        id={`import-${sheet}-change`}
        caption={t(`peopleImport.${sheet}ChangeCaption`, { count: changed })}
        total={changed}
        limit={result.listLimit}
        changes={result[sheet].change}
      />
      <DeactivationTable
        id={`import-${sheet}-deactivate`}
        caption={t(`peopleImport.${sheet}DeactivateCaption`, { count: deactivated })}
        total={deactivated}
        limit={result.listLimit}
        items={result[sheet].deactivate}
      />
    </>
  );
}

interface TableProps {
  id: string;
  caption: string;
  total: number;
  limit: number;
}

/** A table of the dry run; left out when empty, and saying so when the list was cut at the limit. */
function ResultTable(props: TableProps & { header: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (props.total === 0) return null;
  return (
    <>
      <ScrollRegion labelledBy={`${props.id}-caption`}>
        <table className="table table--compact" id={props.id}>
          <caption id={`${props.id}-caption`} className="table-caption">
            {props.caption}
          </caption>
          <thead>
            <tr>
              {props.header.map((cell) => (
                <th scope="col" key={cell}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; their position is their identity.
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {props.total > props.rows.length ? (
        <p className="muted">
          {t('peopleImport.truncated', {
            shown: formatNumber(props.rows.length, locale),
            total: formatNumber(props.total, locale),
          })}
        </p>
      ) : null}
    </>
  );
}

function ChangeTable(
  props: TableProps & {
    changes: { row: number; externalId: string; name: string; changes: FieldChange[] }[];
  },
) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const value = (change: FieldChange, side: FieldChange['from']): string => {
    if (side === null || (Array.isArray(side) && side.length === 0)) return t('peopleImport.none');
    if (typeof side === 'boolean') return side ? t('person.active') : t('person.inactive');
    if (Array.isArray(side)) {
      return formatList(
        change.field === 'roles' ? side.map((role) => t(`roles.${role as GrantedRole}`)) : side,
        locale,
      );
    }
    return side;
  };
  return (
    <ResultTable
      {...props}
      header={[
        t('peopleImport.table.row'),
        t('peopleAdmin.externalId'),
        t('person.name'),
        t('peopleImport.table.changes'),
      ]}
      rows={props.changes.map((item) => ({
        key: item.externalId,
        cells: [
          formatNumber(item.row, locale),
          item.externalId,
          item.name,
          <ul className="plain-list" key="changes">
            {item.changes.map((change) => (
              <li key={change.field}>
                {t('peopleImport.changeLine', {
                  field: t(`peopleImport.field.${change.field}`),
                  from: value(change, change.from),
                  to: value(change, change.to),
                })}
              </li>
            ))}
          </ul>,
        ],
      }))}
    />
  );
}

function DeactivationTable(props: TableProps & { items: { externalId: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <ResultTable
      {...props}
      header={[t('peopleAdmin.externalId'), t('person.name')]}
      rows={props.items.map((item) => ({ key: item.externalId, cells: [item.externalId, item.name] }))}
    />
  );
}
