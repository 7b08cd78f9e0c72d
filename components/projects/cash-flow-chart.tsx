'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart } from '@/components/charts/echart';
import { formatMoney } from '@/server/domain/money/money';

/** Cumulative cash flow over 36 months: the estimate, and the measured/current projection. Values in fen as strings. */
export function CashFlowChart({ expected, actual, title }: { expected: string[]; actual: string[]; title: string }) {
  const t = useTranslations('projects.payback');
  const locale = useLocale();
  const option = useMemo(() => {
    const yuan = (v: string) => Number(BigInt(v) / 100n);
    return {
      title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 13, fontWeight: 600, color: '#0f172a' } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatMoney(BigInt(Math.round(v * 100)), locale) },
      legend: { bottom: 0 },
      grid: { left: 80, right: 20, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: expected.map((_, i) => String(i)), name: locale === 'zh-CN' ? '月' : 'month', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (locale === 'zh-CN' ? `${v / 10_000}万` : `¥${v / 1000}k`) } },
      series: [
        {
          name: t('seriesExpected'),
          type: 'line',
          data: expected.map(yuan),
          lineStyle: { type: 'dashed', color: '#94a3b8' },
          itemStyle: { color: '#94a3b8' },
          symbol: 'none',
        },
        {
          name: t('seriesActual'),
          type: 'line',
          data: actual.map(yuan),
          lineStyle: { color: '#0f766e', width: 2 },
          itemStyle: { color: '#0f766e' },
          symbol: 'none',
          areaStyle: { color: 'rgba(15,118,110,0.08)' },
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 0 }], lineStyle: { color: '#dc2626', type: 'solid' } },
        },
      ],
    };
  }, [expected, actual, title, t, locale]);
  return <EChart option={option} height={300} exportName={title} exportLabel="PNG" testId="cash-flow-chart" />;
}
