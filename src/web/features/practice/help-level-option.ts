/**
 * @module The look of each help level in the practice chart — a fill pattern as well as a colour, so no level is
 * told apart by colour alone — and the ECharts option built from the monthly counts.
 */
import { type HelpLevel, type HelpLevelCounts, helpLevels } from '../../../domain/practice.ts';

export interface HelpLevelLook {
  color: string;
  pattern: 'hatched' | 'solid' | 'dotted';
}

// Each colour has at least 3:1 contrast to white (WCAG 1.4.11), and each level has its own pattern.
export const helpLevelLook: Record<HelpLevel, HelpLevelLook> = {
  self_service: { color: '#2e6e00', pattern: 'hatched' },
  co_service: { color: '#0059b3', pattern: 'solid' },
  full_service: { color: '#6a1a8a', pattern: 'dotted' },
};

const decals = {
  hatched: {
    symbol: 'rect',
    dashArrayX: [1, 0],
    dashArrayY: [2, 4],
    rotation: -Math.PI / 4,
    color: '#ffffff',
  },
  dotted: { symbol: 'circle', symbolSize: 0.7, dashArrayX: [3, 3], dashArrayY: [3, 3], color: '#ffffff' },
  solid: null,
} as const;

export interface HelpLevelOptionInput {
  months: readonly { label: string; counts: HelpLevelCounts }[];
  labels: Record<HelpLevel, string>;
}

/** A plain ECharts option (no functions): one stacked bar per month, self-service at the bottom. */
export function helpLevelOption({ months, labels }: HelpLevelOptionInput) {
  return {
    animation: false,
    textStyle: { fontFamily: '"IBM Plex Sans", system-ui, sans-serif', color: '#1a1a1a' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: months.map((month) => month.label),
      axisLabel: { color: '#1a1a1a', fontSize: 12 },
      axisLine: { lineStyle: { color: '#747474' } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: '#1a1a1a', fontSize: 12 },
      splitLine: { lineStyle: { color: '#d6d6d6' } },
    },
    series: helpLevels.map((level) => {
      const look = helpLevelLook[level];
      const decal = decals[look.pattern];
      return {
        type: 'bar',
        name: labels[level],
        stack: 'help-levels',
        barMaxWidth: 48,
        // Hover effects would only restyle the chart; the numbers are in the table.
        silent: true,
        emphasis: { disabled: true },
        itemStyle: { color: look.color, borderColor: '#ffffff', borderWidth: 1, ...(decal ? { decal } : {}) },
        data: months.map((month) => month.counts[level]),
      };
    }),
  };
}
