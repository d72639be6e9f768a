/**
 * @module ECharts, tree-shaken to the radar chart and the SVG renderer, loaded only by the profile page. SVG keeps
 * the strict CSP (style-src 'self'): zrender styles elements through the CSSOM, never a style attribute, and with
 * animation off it adds no <style> element.
 */
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([RadarChart, RadarComponent, SVGRenderer]);

export interface RadarHandle {
  update(option: EChartsCoreOption): void;
  resize(): void;
  dispose(): void;
}

export function mountRadar(container: HTMLElement, option: EChartsCoreOption): RadarHandle {
  const chart = init(container, null, { renderer: 'svg' });
  chart.setOption(option);
  return {
    update: (next) => chart.setOption(next, { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
