/**
 * @module ECharts, tree-shaken to the radar chart and the SVG renderer, loaded only by the profile page. SVG keeps
 * the strict CSP (style-src 'self'): zrender styles elements through the CSSOM, never a style attribute, and with
 * animation off it adds no <style> element.
 */
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { mountSvgChart } from '../../ui/echarts-svg.ts';

use([RadarChart, RadarComponent, SVGRenderer]);

export const mountRadar = mountSvgChart;
