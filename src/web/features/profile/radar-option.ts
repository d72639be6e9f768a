/**
 * @module The look of each layer in the radar charts — line style and marker as well as colour, so no layer is
 * told apart by colour alone — and the ECharts option built from the chart's numbers.
 */
import type { Layer, RadarData } from './profile-view.ts';
import { wrapLabel } from './profile-view.ts';

export interface LayerLook {
  color: string;
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: number[];
  marker: 'circle' | 'triangle' | 'rect' | 'diamond' | 'emptyCircle';
  markerSize: number;
  fill: boolean;
}

// Each colour has at least 3:1 contrast to white (WCAG 1.4.11); line style and marker differ as well.
export const layerLook: Record<Layer, LayerLook> = {
  self: { color: '#0059b3', dash: [], marker: 'circle', markerSize: 8, fill: true },
  leader: { color: '#a33b00', dash: [8, 4], marker: 'triangle', markerSize: 10, fill: false },
  target: { color: '#1a1a1a', dash: [2, 3], marker: 'rect', markerSize: 7, fill: false },
};

export interface RadarOptionInput<K extends string = Layer> {
  data: RadarData<K>;
  labels: Record<K, string>;
  /** Narrow charts get shorter label lines and a smaller font. */
  compact: boolean;
  /** Each series' look; the profile's self, leader and target unless given. */
  looks?: Record<K, LayerLook>;
}

/** A plain ECharts option (no functions), so it can be tested and compared. */
export function radarOption<K extends string = Layer>({ data, labels, compact, looks }: RadarOptionInput<K>) {
  const lookOf = (layer: K): LayerLook => (looks ?? (layerLook as Record<string, LayerLook>))[layer]!;
  const many = data.axes.length > 8;
  const fontSize = compact || many ? 11 : 13;
  return {
    animation: false,
    textStyle: { fontFamily: '"IBM Plex Sans", system-ui, sans-serif', color: '#1a1a1a' },
    radar: {
      indicator: data.axes.map((axis) => ({
        name: wrapLabel(axis.name, compact ? 12 : many ? 16 : 22),
        min: 0,
        max: data.max,
      })),
      splitNumber: data.max,
      radius: compact ? '50%' : many ? '62%' : '66%',
      center: ['50%', '50%'],
      axisName: { color: '#1a1a1a', fontSize, lineHeight: fontSize + 3 },
      axisNameGap: 8,
      axisLine: { lineStyle: { color: '#b5b5b5' } },
      splitLine: { lineStyle: { color: '#d6d6d6' } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        // Hover effects would only restyle the chart; the numbers are in the table.
        silent: true,
        emphasis: { disabled: true },
        data: data.series.map((series) => {
          const look = lookOf(series.layer);
          return {
            name: labels[series.layer],
            // ECharts draws a missing value ('-') at the centre; the table says which it is.
            value: series.values.map((value) => value ?? '-'),
            symbol: look.marker,
            symbolSize: look.markerSize,
            itemStyle: { color: look.color, borderColor: look.color },
            lineStyle: { color: look.color, width: 2, type: look.dash.length ? look.dash : 'solid' },
            ...(look.fill ? { areaStyle: { color: look.color, opacity: 0.1 } } : {}),
          };
        }),
      },
    ],
  };
}
