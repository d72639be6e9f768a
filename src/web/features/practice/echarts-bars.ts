/**
 * @module ECharts, tree-shaken to the bar chart, its grid and the SVG renderer, loaded only by the practice log
 * (animation off and no tooltip, as the strict CSP requires; decision 008).
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { mountSvgChart } from '../../ui/echarts-svg.ts';

use([BarChart, GridComponent, SVGRenderer]);

export const mountBars = mountSvgChart;
