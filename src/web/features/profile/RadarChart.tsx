/**
 * @module A radar chart with its legend: the chart is one image with an accessible name and description; the
 * legend shows each layer's line and marker in words as well; the numbers are in the table beside it.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart.ts';
import type { Layer, RadarData } from './profile-view.ts';
import { type LayerLook, layerLook, radarOption } from './radar-option.ts';

interface RadarChartProps<K extends string> {
  id: string;
  /** The chart's accessible name, e.g. "Radardiagram: kompetenceområder". */
  title: string;
  /** What it shows and where the numbers are. */
  description: string;
  data: RadarData<K>;
  labels: Record<K, string>;
  size: 'small' | 'large';
  /** Each series' look and its line style in words; the profile's self, leader and target unless given. */
  looks?: Record<K, LayerLook>;
  styleNames?: Record<K, string>;
}

const compactWidth = 520;

export function RadarChart<K extends string = Layer>(props: RadarChartProps<K>) {
  const { id, title, description, data, labels, size, looks, styleNames } = props;
  const { t } = useTranslation();
  const [compact, setCompact] = useState(false);
  const option = useMemo(() => radarOption({ data, labels, compact, looks }), [data, labels, compact, looks]);
  const { container, failed } = useChart(
    () => import('./echarts-radar.ts').then((module) => module.mountRadar),
    option,
    (width) => setCompact(width < compactWidth),
  );

  const descriptionId = `${id}-description`;
  return (
    <figure className="chart">
      <figcaption className="chart-title" id={`${id}-title`}>
        {title}
      </figcaption>
      <div
        className={`chart-canvas chart-canvas--${size}`}
        ref={container}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={descriptionId}
        data-layers={data.series.length}
      />
      {failed ? <p className="muted">{t('profile.chartFailed')}</p> : null}
      <ul className="chart-legend" aria-label={t('profile.legend')}>
        {data.series.map((series) => (
          <li key={series.layer} className="chart-legend-item">
            <LegendSwatch look={(looks ?? (layerLook as Record<string, LayerLook>))[series.layer]!} />
            {labels[series.layer]}
            <span className="visually-hidden">
              {' '}
              ({styleNames?.[series.layer] ?? t(`profile.layerStyle.${series.layer as Layer}`)})
            </span>
          </li>
        ))}
      </ul>
      <p className="chart-description" id={descriptionId}>
        {description}
      </p>
    </figure>
  );
}

/** The layer's line and marker, drawn as in the chart. */
export function LegendSwatch({ look }: { look: LayerLook }) {
  const marker =
    look.marker === 'circle' ? (
      <circle cx="18" cy="8" r="4" fill={look.color} />
    ) : look.marker === 'emptyCircle' ? (
      <circle cx="18" cy="8" r="3.5" fill="#ffffff" stroke={look.color} strokeWidth="1.5" />
    ) : look.marker === 'triangle' ? (
      <polygon points="18,3 23,12 13,12" fill={look.color} />
    ) : look.marker === 'diamond' ? (
      <polygon points="18,2.5 23,8 18,13.5 13,8" fill={look.color} />
    ) : (
      <rect x="14.5" y="4.5" width="7" height="7" fill={look.color} />
    );
  return (
    <svg
      className="legend-swatch"
      width="36"
      height="16"
      viewBox="0 0 36 16"
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="1"
        y1="8"
        x2="35"
        y2="8"
        stroke={look.color}
        strokeWidth="2"
        strokeDasharray={look.dash.length ? look.dash.join(' ') : undefined}
      />
      {marker}
    </svg>
  );
}
