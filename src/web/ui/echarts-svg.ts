/**
 * @module Starts an ECharts chart with the SVG renderer, which keeps the strict CSP (decision 008); each chart's own
 * module registers the chart types it needs before using this, so every page loads only its own charts.
 */
import { type EChartsCoreOption, init } from 'echarts/core';
import type { ChartHandle } from './useChart.ts';

export function mountSvgChart(container: HTMLElement, option: EChartsCoreOption): ChartHandle {
  const chart = init(container, null, { renderer: 'svg' });
  chart.setOption(option);
  return {
    update: (next) => chart.setOption(next, { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
