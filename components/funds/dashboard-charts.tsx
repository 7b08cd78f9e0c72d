'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { EChart } from '@/components/charts/echart';

type Props = {
  budget: { committed: number; disbursed: number; remaining: number };
  overTime: { month: string; committed: number; disbursed: number }[];
  byStatus: { status: string; count: number }[];
  payback: Record<string, number>;
  level2: { before: number | null; after: number | null };
};

/** The county dashboard's charts (yuan as numbers for display only; the figures beside them are exact). */
export function DashboardCharts(p: Props) {
  const t = useTranslations('fundAdmin');
  const tc = useTranslations('claims');
  const budget = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '60%'],
          center: ['50%', '44%'],
          data: [
            { name: t('committed'), value: p.budget.committed, itemStyle: { color: '#f59e0b' } },
            { name: t('disbursed'), value: p.budget.disbursed, itemStyle: { color: '#0f766e' } },
            { name: t('remaining'), value: p.budget.remaining, itemStyle: { color: '#e2e8f0' } },
          ],
          label: { formatter: '{b}\n{d}%' },
        },
      ],
    }),
    [p.budget, t],
  );
  const overTime = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 70, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: p.overTime.map((x) => x.month) },
      yAxis: { type: 'value' },
      series: [
        { name: t('committed'), type: 'line', showSymbol: true, symbolSize: 8, data: p.overTime.map((x) => x.committed), itemStyle: { color: '#f59e0b' } },
        { name: t('disbursed'), type: 'line', showSymbol: true, symbolSize: 8, data: p.overTime.map((x) => x.disbursed), itemStyle: { color: '#0f766e' } },
      ],
    }),
    [p.overTime, t],
  );
  const status = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: p.byStatus.map((x) => tc(`statuses.${x.status}` as 'statuses.DRAFT')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: p.byStatus.map((x) => x.count), itemStyle: { color: '#0f766e' } }],
    }),
    [p.byStatus, tc],
  );
  const payback = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: Object.keys(p.payback).map((k) => t(`payback.${k}` as 'payback.none')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: Object.values(p.payback), itemStyle: { color: '#14b8a6' } }],
    }),
    [p.payback, t],
  );
  const level = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: [t('before'), t('after')] },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: [p.level2.before ?? 0, p.level2.after ?? 0], itemStyle: { color: '#0f766e' } }],
    }),
    [p.level2, t],
  );
  const box = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" data-testid="dashboard-charts">
      <div className={box}>
        <h3 className="text-sm font-semibold">{t('budgetUse')}</h3>
        <EChart option={budget} height={260} exportName={t('budgetUse')} exportLabel="PNG" />
      </div>
      <div className={box}>
        <h3 className="text-sm font-semibold">{t('overTime')}</h3>
        <EChart option={overTime} height={260} exportName={t('overTime')} exportLabel="PNG" />
      </div>
      <div className={box}>
        <h3 className="text-sm font-semibold">{t('claimsByStatus')}</h3>
        <EChart option={status} height={240} exportName={t('claimsByStatus')} exportLabel="PNG" />
      </div>
      <div className={box}>
        <h3 className="text-sm font-semibold">{t('paybackDistribution')}</h3>
        <p className="text-xs text-slate-500" data-testid="payback-basis-note">
          {t('paybackBasis')}
        </p>
        <EChart option={payback} height={240} exportName={t('paybackDistribution')} exportLabel="PNG" />
      </div>
      <div className={box}>
        <h3 className="text-sm font-semibold">{t('level2')}</h3>
        <EChart option={level} height={240} exportName={t('level2')} exportLabel="PNG" />
      </div>
    </div>
  );
}
