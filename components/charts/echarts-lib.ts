import { BarChart, HeatmapChart, LineChart, LinesChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts with only the parts we use. Loaded on demand by <EChart> after the page is interactive, so the ~210 kB
 * (gzipped) of chart code is not part of any page's first load (docs/decisions/0012).
 */
echarts.use([
  ScatterChart,
  LinesChart,
  LineChart,
  BarChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  VisualMapComponent,
  MarkAreaComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { echarts };
