'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EChart } from '@/components/charts/echart';

export type PathwayPoint = {
  id: string;
  date: Date;
  d: number;
  n: number;
  i: number;
  codeText: string;
  nationalLevel: number | null;
  project?: { id: string; number: string } | null;
};
export type PathwayStepView = {
  index: number;
  from: string;
  to: string;
  fromDate: Date;
  toDate: Date;
  movesOnGrid: boolean;
  breach: { reason: string } | null;
};

const iColor = ['#0f766e', '#d97706', '#7c3aed'];
const SYMBOL = 26;

/**
 * The D×N grid of the upgrading pathway (as in the D1N1 paper's Figures 4–9): each signed-off assessment is a point at its D and N level (intelligentization
 * written on the point and shown by its colour), arrows join them in date order, each arrow labelled with its period.
 * A step that broke the in-series sequence is drawn dashed and red.
 */
export function PathwayChart({ points, steps, title }: { points: PathwayPoint[]; steps: PathwayStepView[]; title: string }) {
  const t = useTranslations('assessments');
  const format = useFormatter();
  // on a phone the grid keeps only the codes: dates move to the tooltip and the list below
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const narrow = width < 560;
  useEffect(() => {
    if (!box.current) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e?.contentRect.width ?? 800)));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, []);
  const option = useMemo(() => {
    // points in the same cell are spread on a small circle so that every one stays visible
    const inCell = new Map<string, number>();
    const pos = points.map((p) => {
      const key = `${p.d}-${p.n}`;
      const k = inCell.get(key) ?? 0;
      inCell.set(key, k + 1);
      const angle = (k * 2 * Math.PI) / 6 + Math.PI / 4;
      const r = k === 0 ? 0 : 0.22;
      return [p.d + r * Math.cos(angle), p.n + r * Math.sin(angle)] as [number, number];
    });
    const ym = (d: Date) => format.dateTime(d, { year: 'numeric', month: '2-digit' });
    // arrows stop at the edge of the node they point to (its radius in axis units at this width), so the head shows
    const gridPx = narrow ? width - 56 : width - 100;
    const unitsPerPx = 3 / Math.max(gridPx, 120);
    const nodeR = (SYMBOL / 2 + 3) * unitsPerPx;
    const trim = (a: [number, number], b: [number, number]): [number, number][] => {
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len <= 2 * nodeR) return [a, b];
      const ux = dx / len;
      const uy = dy / len;
      return [
        [a[0] + ux * nodeR, a[1] + uy * nodeR],
        [b[0] - ux * nodeR, b[1] - uy * nodeR],
      ];
    };
    // every step is drawn, including one that raises only I (both points sit in the same cell, a short arrow between them)
    const lines = steps
      .filter((s) => pos[s.index] && pos[s.index + 1])
      .map((s) => ({
        coords: trim(pos[s.index] as [number, number], pos[s.index + 1] as [number, number]),
        label: {
          show: !narrow && s.movesOnGrid,
          // beside the connector, never on it
          position: 'insideMiddleTop',
          distance: 6,
          formatter: `${ym(s.fromDate)}–${ym(s.toDate)}${points[s.index + 1]?.project ? ` · ${points[s.index + 1]?.project?.number}` : ''}`,
          fontSize: 10,
          color: s.breach ? '#b91c1c' : '#475569',
          backgroundColor: 'rgba(255,255,255,0.85)',
          padding: [1, 3],
        },
        lineStyle: { color: s.breach ? '#dc2626' : '#0f766e', type: s.breach ? 'dashed' : 'solid', width: 2, curveness: s.movesOnGrid ? 0.15 : 0 },
      }));
    return {
      title: { show: !narrow, text: title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 600, color: '#0f172a' } },
      grid: narrow ? { left: 44, right: 12, top: 16, bottom: 48 } : { left: 70, right: 30, top: 50, bottom: 60 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesType: string; dataIndex: number }) => {
          if (p.seriesType !== 'scatter') return '';
          const pt = points[p.dataIndex];
          return pt
            ? `${pt.codeText}<br/>${format.dateTime(pt.date, { dateStyle: 'medium' })}${pt.nationalLevel ? `<br/>${t('nationalLevelShort', { level: pt.nationalLevel })}` : ''}`
            : '';
        },
      },
      xAxis: {
        type: 'value',
        min: -0.5,
        max: 2.5,
        interval: 0.5,
        axisTick: { show: false },
        name: t('axisD'),
        nameLocation: 'middle',
        nameGap: 32,
        axisLine: { onZero: false },
        axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? `D${v}` : '') },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        min: -0.5,
        max: 2.5,
        interval: 0.5,
        axisTick: { show: false },
        name: t('axisN'),
        nameLocation: 'middle',
        nameGap: 44,
        axisLine: { onZero: false },
        axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? `N${v}` : '') },
        splitLine: { show: false },
      },
      series: [
        {
          type: 'scatter',
          z: 3,
          symbolSize: SYMBOL,
          data: points.map((p, k) => ({ value: pos[k], itemStyle: { color: iColor[p.i] ?? iColor[0] } })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => {
              const pt = points[p.dataIndex];
              return pt ? (narrow ? pt.codeText : `${pt.codeText} · ${ym(pt.date)}`) : '';
            },
            fontSize: 11,
            color: '#0f172a',
          },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(148,163,184,0.06)', borderColor: '#e2e8f0', borderWidth: 1 },
            data: [0, 1, 2].flatMap((d) => [0, 1, 2].map((n) => [{ coord: [d - 0.5, n - 0.5] }, { coord: [d + 0.5, n + 0.5] }])),
          },
        },
        {
          type: 'lines',
          coordinateSystem: 'cartesian2d',
          z: 2,
          symbol: ['none', 'arrow'],
          symbolSize: narrow ? 12 : 15,
          data: lines,
        },
      ],
    };
  }, [points, steps, title, t, format, narrow, width]);
  return (
    <div ref={box}>
      <EChart option={option} height={narrow ? 340 : 440} exportName={title} exportLabel={t('exportPng')} testId="pathway-chart" />
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700" data-testid="pathway-legend">
        {iColor.map((c, i) => (
          <li key={c} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: c }} />
            {t('legendI', { level: i })}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block w-5 border-t-2 border-teal-700" />
          {t('legendStep')}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block w-5 border-t-2 border-dashed border-red-600" />
          {t('legendBreach')}
        </li>
      </ul>
    </div>
  );
}
