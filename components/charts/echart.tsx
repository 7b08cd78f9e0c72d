'use client';

import { BarChart, HeatmapChart, LineChart, LinesChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

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

/** An ECharts chart (only the parts we use are bundled); `exportName` adds a PNG download button. */
export function EChart({
  option,
  height = 420,
  exportName,
  exportLabel,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  exportName?: string;
  exportLabel?: string;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <div>
      <div ref={el} style={{ height }} className="w-full" data-testid={testId} role="img" aria-label={exportName} />
      {exportName ? (
        <div className="mt-2 flex justify-end">
          <button
            type="button"
            className="rounded-lg border border-slate-300 px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50"
            data-testid={testId ? `${testId}-png` : undefined}
            onClick={() => {
              const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
              if (!url) return;
              const a = document.createElement('a');
              a.href = url;
              a.download = `${exportName}.png`;
              a.click();
            }}
          >
            {exportLabel ?? 'PNG'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
