'use client';

import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** An ECharts chart, its library loaded after the page is interactive; `exportName` adds a PNG download button. */
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
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    void import('./echarts-lib').then(({ echarts }) => {
      if (cancelled || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.setOption(latest.current, true);
      const ro = new ResizeObserver(() => c.resize());
      ro.observe(el.current);
      cleanup = () => {
        ro.disconnect();
        c.dispose();
        chart.current = null;
      };
    });
    return () => {
      cancelled = true;
      cleanup?.();
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
