'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart } from '@/components/charts/echart';

export type DayPoint = { day: string; utilization: number | null; output: number; energyKwh: number | null; lowCoverage: boolean };

const title = (text: string) => ({ text, left: 0, top: 4, textStyle: { fontSize: 13, fontWeight: 600, color: '#0f172a' } });

/** Utilization (with the 65 % and 85 % bands), output and energy by day for the last 30 days. */
export function MachineDayCharts({ days }: { days: DayPoint[] }) {
  const t = useTranslations('telemetry.live');
  const labels = useMemo(() => days.map((d) => d.day.slice(5)), [days]);
  const base = useMemo(
    () => ({
      grid: { left: 44, right: 12, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10, hideOverlap: true } },
    }),
    [labels],
  );
  const utilization = useMemo(
    () => ({
      ...base,
      title: title(t('chartUtilization')),
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('utilization'),
          data: days.map((d) => ({
            value: d.utilization === null ? null : Math.round(d.utilization * 1000) / 10,
            itemStyle: {
              color: d.utilization === null ? '#cbd5e1' : d.utilization < 0.65 ? '#dc2626' : d.utilization <= 0.85 ? '#d97706' : '#16a34a',
              opacity: d.lowCoverage ? 0.45 : 1,
            },
          })),
          markLine: {
            silent: true,
            symbol: 'none',
            // inside the plot, above the line at its end (outside it, the label was cut at the chart's right edge)
            label: { formatter: '{c}%', fontSize: 10, position: 'insideEndTop', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 2] },
            lineStyle: { type: 'dashed', color: '#94a3b8' },
            data: [{ yAxis: 65 }, { yAxis: 85 }],
          },
        },
      ],
    }),
    [base, days, t],
  );
  const output = useMemo(
    () => ({
      ...base,
      title: title(t('chartOutput')),
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: t('output'), data: days.map((d) => d.output), itemStyle: { color: '#0f766e' } }],
    }),
    [base, days, t],
  );
  const energy = useMemo(
    () => ({
      ...base,
      title: title(t('chartEnergy')),
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: t('energy'), data: days.map((d) => d.energyKwh), itemStyle: { color: '#7c3aed' }, symbolSize: 4 }],
    }),
    [base, days, t],
  );
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <EChart option={utilization} height={220} exportName={t('chartUtilization')} testId="chart-utilization" />
      <EChart option={output} height={220} exportName={t('chartOutput')} testId="chart-output" />
      <EChart option={energy} height={220} exportName={t('chartEnergy')} testId="chart-energy" />
    </div>
  );
}
