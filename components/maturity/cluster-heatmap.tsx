'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart } from '@/components/charts/echart';

/** How many SMEs sit in each cell of the D×N grid (grid[n][d]). */
export function ClusterHeatmap({ grid, title, max }: { grid: number[][]; title: string; max: number }) {
  const t = useTranslations('assessments');
  const option = useMemo(
    () => ({
      title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13, fontWeight: 600, color: '#0f172a' } },
      grid: { left: 60, right: 20, top: 40, bottom: 96 },
      tooltip: { formatter: (p: { value: [number, number, number] }) => `D${p.value[0]}N${p.value[1]}: ${p.value[2]}` },
      xAxis: { type: 'category', data: ['D0', 'D1', 'D2'], name: t('axisD'), nameLocation: 'middle', nameGap: 28, splitArea: { show: true } },
      yAxis: { type: 'category', data: ['N0', 'N1', 'N2'], name: t('axisN'), nameLocation: 'middle', nameGap: 40, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: Math.max(1, max),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        inRange: { color: ['#f0fdfa', '#14b8a6', '#115e59'] },
        itemHeight: 120,
      },
      series: [
        {
          type: 'heatmap',
          data: grid.flatMap((row, n) => row.map((count, d) => [d, n, count])),
          label: { show: true, fontSize: 14, fontWeight: 600 },
        },
      ],
    }),
    [grid, title, max, t],
  );
  return <EChart option={option} height={320} exportName={title} exportLabel={t('exportPng')} testId="cluster-heatmap" />;
}
