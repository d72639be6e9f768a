/**
 * @module The candidates side by side against the targets: a radar overlay of up to four with the same numbers in a
 * table, a sortable table of consolidated scores and gaps, and the decision with its reason.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Comparison } from '../../../server/contracts/recruitment.ts';
import { api } from '../../api/client.ts';
import { queryKeys, useComparison } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useFormErrors } from '../../ui/useFormErrors.ts';
import { Section } from '../conversations/shared.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import { RadarChart } from '../profile/RadarChart.tsx';
import {
  comparisonRadar,
  maxRadarCandidates,
  type SortKey,
  type SortOrder,
  sortComparison,
} from './recruitment-view.ts';

export function ComparisonPage() {
  const { positionId = '' } = useParams();
  if (!isVersionId(positionId)) return <NotFoundPage />;
  return <ComparisonLoader key={positionId} positionId={positionId} />;
}

function ComparisonLoader({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const comparison = useComparison(positionId);
  return (
    <>
      <p className="page-caption">{comparison.data?.position.title ?? t('recruitment.caption')}</p>
      <PageHeading>{t('recruitment.comparison.title')}</PageHeading>
      <p>
        <Link to={`/rekruttering/${positionId}`}>{t('recruitment.backToPosition')}</Link>
      </p>
      {comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <QueryErrorNotice error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : comparison.data.candidates.length === 0 ? (
        <p>{t('recruitment.candidates.empty')}</p>
      ) : (
        <ComparisonView comparison={comparison.data} />
      )}
    </>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const complete = comparison.candidates.filter((row) => row.complete);
  const [chosen, setChosen] = useState<string[]>(() =>
    sortComparison(complete, { key: 'total', direction: 'descending' })
      .slice(0, maxRadarCandidates)
      .map((row) => row.id),
  );
  return (
    <>
      <p className="lead">{t('recruitment.comparison.intro')}</p>
      {complete.length < comparison.candidates.length ? (
        <div className="notice notice--info">
          <p>
            {t('recruitment.comparison.incomplete', {
              count: comparison.candidates.length - complete.length,
            })}
          </p>
        </div>
      ) : null}
      <RadarSection comparison={comparison} chosen={chosen} onChange={setChosen} />
      <ScoresTable comparison={comparison} />
      <DecisionSection comparison={comparison} />
    </>
  );
}

function RadarSection(props: {
  comparison: Comparison;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const { comparison, chosen } = props;
  const complete = comparison.candidates.filter((row) => row.complete);
  const radar = useMemo(() => comparisonRadar(comparison, chosen), [comparison, chosen]);
  const labels = useMemo(() => ({ ...radar.labels, target: t('recruitment.target') }), [radar.labels, t]);
  const shown = comparison.candidates.filter((row) => chosen.includes(row.id)).slice(0, maxRadarCandidates);
  // Each line's style in words, for the legend read aloud: the same order as the looks.
  const styles = [
    t('recruitment.comparison.style.first'),
    t('recruitment.comparison.style.second'),
    t('recruitment.comparison.style.third'),
    t('recruitment.comparison.style.fourth'),
  ];
  const styleNames: Record<string, string> = {
    ...Object.fromEntries(shown.map((row, index) => [row.id, styles[index] ?? ''])),
    target: t('recruitment.comparison.style.target'),
  };
  const toggle = (id: string, on: boolean) =>
    props.onChange(
      on ? [...chosen, id].slice(0, maxRadarCandidates) : chosen.filter((entry) => entry !== id),
    );
  return (
    <Section id="comparison-radar" title={t('recruitment.comparison.radarTitle')}>
      <fieldset className="fieldset form-group print-hidden" aria-describedby="radar-choose-hint">
        <legend className="form-label form-label--legend">{t('recruitment.comparison.choose')}</legend>
        <p className="form-hint" id="radar-choose-hint">
          {t('recruitment.comparison.chooseHint', { max: maxRadarCandidates })}
        </p>
        <div className="checkbox-columns">
          {complete.map((row) => (
            <div className="checkbox" key={row.id}>
              <input
                className="checkbox-input"
                type="checkbox"
                id={`radar-${row.id}`}
                checked={chosen.includes(row.id)}
                disabled={!chosen.includes(row.id) && chosen.length >= maxRadarCandidates}
                onChange={(event) => toggle(row.id, event.target.checked)}
              />
              <label className="checkbox-label" htmlFor={`radar-${row.id}`}>
                {row.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {shown.length === 0 ? (
        <p>{t('recruitment.comparison.noneChosen')}</p>
      ) : (
        <div className="chart-with-table">
          <RadarChart
            id="comparison-chart"
            title={t('recruitment.comparison.chartTitle')}
            description={t('recruitment.comparison.chartDescription', { count: shown.length })}
            data={radar.data}
            labels={labels}
            looks={radar.looks}
            styleNames={styleNames}
            size="large"
          />
          <ScrollRegion labelledBy="radar-table-caption">
            <table className="table table--numbers">
              <caption id="radar-table-caption" className="table-caption">
                {t('recruitment.comparison.radarTable')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('recruitment.competence')}</th>
                  {shown.map((row) => (
                    <th scope="col" className="numeric" key={row.id}>
                      {row.name}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('recruitment.target')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {comparison.competences.map((competence) => (
                  <tr key={competence.id}>
                    <th scope="row">{competence.name}</th>
                    {shown.map((row) => (
                      <td className="numeric" key={row.id}>
                        {row.levels[competence.id] ?? '–'}
                      </td>
                    ))}
                    <td className="numeric">{competence.target ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </Section>
  );
}

function ScoresTable({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<SortOrder>({ key: 'total', direction: 'descending' });
  const rows = sortComparison(comparison.candidates, order);
  const sortBy = (key: SortKey) =>
    setOrder((current) => ({
      key,
      direction: current.key === key && current.direction === 'descending' ? 'ascending' : 'descending',
    }));
  const header = (key: SortKey, label: string, numeric = true) => (
    <th
      scope="col"
      className={numeric ? 'numeric' : undefined}
      aria-sort={order.key === key ? order.direction : 'none'}
    >
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span className="visually-hidden">
          {' '}
          {order.key === key
            ? t(`recruitment.comparison.sorted.${order.direction}`)
            : t('recruitment.comparison.sortable')}
        </span>
        <span aria-hidden="true" className="sort-mark">
          {order.key === key ? (order.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
  const gapText = (gap: number | null) =>
    gap === null ? '' : gap === 0 ? t('recruitment.comparison.onTarget') : gap > 0 ? `+${gap}` : `${gap}`;
  return (
    <Section id="comparison-table" title={t('recruitment.comparison.tableTitle')}>
      <p className="form-hint">{t('recruitment.comparison.tableHint')}</p>
      <ScrollRegion labelledBy="comparison-caption">
        <table className="table table--numbers">
          <caption id="comparison-caption" className="table-caption">
            {t('recruitment.comparison.caption', { count: rows.length })}
          </caption>
          <thead>
            <tr>
              {header('name', t('recruitment.candidates.name'), false)}
              {comparison.competences.map((competence) =>
                header(
                  `level:${competence.id}`,
                  t('recruitment.comparison.levelHeader', {
                    name: competence.name,
                    target: competence.target ?? '–',
                  }),
                ),
              )}
              {header('belowTarget', t('recruitment.comparison.belowTarget'))}
              {header('shortfall', t('recruitment.comparison.shortfall'))}
              {header('total', t('recruitment.comparison.total'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.name}
                  {row.chosen ? (
                    <span className="tag tag--strong">{t('recruitment.candidates.chosen')}</span>
                  ) : null}
                </th>
                {comparison.competences.map((competence) => (
                  <td className="numeric" key={competence.id}>
                    {row.levels[competence.id] ?? '–'}
                    {row.gaps[competence.id] !== null && row.gaps[competence.id] !== undefined ? (
                      <span className="cell-note"> ({gapText(row.gaps[competence.id] ?? null)})</span>
                    ) : null}
                  </td>
                ))}
                <td className="numeric">{row.complete ? row.belowTarget : '–'}</td>
                <td className="numeric">{row.complete ? row.shortfall : '–'}</td>
                <td className="numeric">{row.total ?? t('recruitment.comparison.notConsolidated')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}

function DecisionSection({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const complete = comparison.candidates.filter((row) => row.complete);
  const [candidateId, setCandidateId] = useState(comparison.decision?.candidate?.id ?? '');
  const [reason, setReason] = useState('');
  const { errors, attempt, fail, clear, errorOf, failFrom } = useFormErrors();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!candidateId)
      found.push({
        fieldId: `decision-${complete[0]?.id ?? 'none'}`,
        message: t('recruitment.decision.errors.candidate'),
      });
    if (!reason.trim())
      found.push({ fieldId: 'decision-reason', message: t('recruitment.decision.errors.reason') });
    if (found.length) return fail(found);
    try {
      const next = await api.decide(comparison.position.id, {
        version: comparison.position.version,
        candidateId,
        reason: reason.trim(),
      });
      queryClient.setQueryData(queryKeys.comparison(comparison.position.id), next);
      clear();
      setReason('');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.position(comparison.position.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.positionCandidates(comparison.position.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.candidates }),
      ]);
    } catch (error) {
      failFrom(error, () => undefined, t('errors.generic.text'));
    }
  };
  const candidateError = errors.find(
    (error) => error.fieldId?.startsWith('decision-') && error.fieldId !== 'decision-reason',
  )?.message;
  return (
    <Section id="comparison-decision" title={t('recruitment.decision.title')}>
      {comparison.decision ? (
        <div className="notice notice--success">
          <p>
            {comparison.decision.candidate
              ? t('recruitment.decision.chosen', { name: comparison.decision.candidate.name })
              : t('recruitment.decision.chosenDeleted')}
          </p>
          {comparison.decision.reason ? <p className="pre-line">{comparison.decision.reason}</p> : null}
          <p>
            {t('recruitment.decision.by', {
              name: comparison.decision.decidedBy.name,
              date: formatDate(comparison.decision.decidedAt, locale),
            })}
          </p>
          {comparison.decision.candidate && comparison.position.status === 'decided' ? (
            <p>
              <Link
                to={`/rekruttering/${comparison.position.id}/kandidater/${comparison.decision.candidate.id}`}
              >
                {t('recruitment.decision.toHire', { name: comparison.decision.candidate.name })}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t('recruitment.decision.none')}</p>
      )}
      {comparison.canDecide ? (
        complete.length === 0 ? (
          <p>{t('recruitment.decision.noneComplete')}</p>
        ) : (
          <>
            <ErrorSummary errors={errors} attempt={attempt} />
            <form
              className="form"
              noValidate
              onSubmit={(event) => void onSubmit(event)}
              aria-labelledby="decision-form-title"
            >
              <h3 id="decision-form-title">
                {comparison.decision
                  ? t('recruitment.decision.formTitleAgain')
                  : t('recruitment.decision.formTitle')}
              </h3>
              <fieldset
                className={candidateError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
              >
                <legend className="form-label form-label--legend">
                  {t('recruitment.decision.candidate')}
                </legend>
                {candidateError ? (
                  <FieldError id="decision-candidate-error" message={candidateError} />
                ) : null}
                {complete.map((row) => (
                  <div className="radio" key={row.id}>
                    <input
                      className="radio-input"
                      type="radio"
                      name="decision-candidate"
                      id={`decision-${row.id}`}
                      checked={candidateId === row.id}
                      onChange={() => setCandidateId(row.id)}
                    />
                    <label className="radio-label" htmlFor={`decision-${row.id}`}>
                      {row.name}
                    </label>
                  </div>
                ))}
              </fieldset>
              <CharacterCountedTextArea
                id="decision-reason"
                label={t('recruitment.decision.reason')}
                hint={t('recruitment.decision.reasonHint')}
                value={reason}
                onChange={setReason}
                maxLength={2000}
                rows={4}
                error={errorOf('decision-reason')}
                required
              />
              <button type="submit" className="button button--primary">
                {t('recruitment.decision.submit')}
              </button>
            </form>
          </>
        )
      ) : null}
    </Section>
  );
}
