/**
 * @module The employee's help levels per month: a stacked bar chart (one image with a name and a description, each
 * level with its own pattern and named in the legend), and the same numbers in a table beside it.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type HelpLevel, type HelpLevelCounts, helpLevels } from '../../../domain/practice.ts';
import { formatMonth } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { useChart } from '../../ui/useChart.ts';
import { helpLevelLook, helpLevelOption } from './help-level-option.ts';

interface HelpLevelChartProps {
  months: readonly { month: string; counts: HelpLevelCounts }[];
}

export function HelpLevelChart({ months }: HelpLevelChartProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const labels = useMemo(
    () =>
      Object.fromEntries(helpLevels.map((level) => [level, t(`practice.helpLevel.${level}`)])) as Record<
        HelpLevel,
        string
      >,
    [t],
  );
  const option = useMemo(
    () =>
      helpLevelOption({
        months: months.map((entry) => ({
          label: formatMonth(entry.month, locale, 'short'),
          counts: entry.counts,
        })),
        labels,
      }),
    [months, labels, locale],
  );
  const { container, failed } = useChart(
    () => import('./echarts-bars.ts').then((module) => module.mountBars),
    option,
  );
  const total = (counts: HelpLevelCounts) => counts.self_service + counts.co_service + counts.full_service;
  return (
    <div className="chart-with-table">
      <figure className="chart">
        <figcaption className="chart-title" id={`${id}-title`}>
          {t('practice.chartName')}
        </figcaption>
        <div
          className="chart-canvas chart-canvas--bars"
          ref={container}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-description`}
        />
        {failed ? <p className="muted">{t('practice.chartFailed')}</p> : null}
        <ul className="chart-legend" aria-label={t('practice.legend')}>
          {helpLevels.map((level) => (
            <li key={level} className="chart-legend-item">
              <PatternSwatch level={level} />
              {labels[level]}
              <span className="visually-hidden"> ({t(`practice.pattern.${level}`)})</span>
            </li>
          ))}
        </ul>
        <p className="chart-description" id={`${id}-description`}>
          {t('practice.chartDescription')}
        </p>
      </figure>
      <ScrollRegion labelledBy={`${id}-caption`}>
        <table className="table table--compact table--numbers">
          <caption className="table-caption" id={`${id}-caption`}>
            {t('practice.tableCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('practice.month')}</th>
              {helpLevels.map((level) => (
                <th key={level} scope="col" className="numeric">
                  {labels[level]}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('practice.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().map((entry) => (
              <tr key={entry.month}>
                <th scope="row">{formatMonth(entry.month, locale)}</th>
                {helpLevels.map((level) => (
                  <td key={level} className="numeric">
                    {entry.counts[level]}
                  </td>
                ))}
                <td className="numeric">{total(entry.counts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** The level's colour and pattern, drawn as in the chart. */
function PatternSwatch({ level }: { level: HelpLevel }) {
  const look = helpLevelLook[level];
  const patternId = `swatch-${useId().replace(/:/g, '')}`;
  return (
    <svg
      className="legend-swatch"
      width="24"
      height="16"
      viewBox="0 0 24 16"
      aria-hidden="true"
      focusable="false"
    >
      {look.pattern === 'solid' ? null : (
        <defs>
          <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={look.color} />
            {look.pattern === 'hatched' ? (
              <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#ffffff" strokeWidth="1.5" />
            ) : (
              <circle cx="3" cy="3" r="1.2" fill="#ffffff" />
            )}
          </pattern>
        </defs>
      )}
      <rect
        x="0.5"
        y="0.5"
        width="23"
        height="15"
        fill={look.pattern === 'solid' ? look.color : `url(#${patternId})`}
        stroke="#1a1a1a"
      />
    </svg>
  );
}
