import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { getServerCaller } from '@/server/trpc/server';
import { OFFLINE_MINUTES } from './labels';
import { MachineDayCharts } from './machine-day-charts';
import { StatusBadge } from './status-badge';
import { TimelineStrips } from './timeline-strip';
import { UtilizationValue } from './utilization';

/** The machine page's "Live status" section: status now, today's timeline per shift, the last 30 days. */
export async function LiveStatus({ machineId }: { machineId: string }) {
  const api = await getServerCaller();
  const t = await getTranslations('telemetry');
  const format = await getFormatter();
  const status = await api.telemetry.machineStatus({ machineId });
  if (status.status === 'noTerminal') {
    return (
      <Card title={t('live.title')}>
        <p className="text-sm text-slate-600" data-testid="live-no-terminal">
          {t('live.noTerminal')}
        </p>
      </Card>
    );
  }
  const [timeline, days] = await Promise.all([api.telemetry.machineTimeline({ machineId }), api.telemetry.machineDays({ machineId, days: 30 })]);
  const withData = days.days.filter((d) => d.reported && d.coverage !== null && d.coverage > 0);
  const output = days.days.reduce((n, d) => n + d.output, 0);
  const wh = days.days.reduce((n, d) => n + (d.energyWh ?? 0n), 0n);
  return (
    <Card title={t('live.title')}>
      <div className="space-y-6" data-testid="live-status">
        <DefinitionList
          items={[
            [
              t('live.statusNow'),
              <span key="s" className="inline-flex flex-wrap items-center gap-2">
                <StatusBadge status={status.status} label={t(`status.${status.status}`, { minutes: OFFLINE_MINUTES })} testId="live-status-badge" />
                {status.alarm ? <span className="text-xs text-red-800">{t('live.alarmCode', { code: status.alarm })}</span> : null}
              </span>,
            ],
            [
              t('live.lastHeard'),
              status.lastHeardAt ? (
                <span key="h" className="tabular-nums">
                  {format.dateTime(status.lastHeardAt, { dateStyle: 'medium', timeStyle: 'medium' })} · {format.relativeTime(status.lastHeardAt)}
                </span>
              ) : (
                t('live.neverHeard')
              ),
            ],
            [
              t('live.week'),
              <UtilizationValue
                key="w"
                value={days.week.utilization}
                coverage={days.week.coverage}
                lowCoverage={days.week.lowCoverage}
                defaultCalendar={days.week.defaultCalendar}
              />,
            ],
            [
              t('live.terminal'),
              <span key="t" className="font-mono text-xs">
                {status.terminal?.serial ?? '—'}
              </span>,
            ],
          ]}
        />
        {status.status === 'offline' ? <p className="text-xs text-slate-600">{t('live.offlineNote')}</p> : null}
        <div>
          <h3 className="mb-3 text-sm font-semibold text-slate-800">{t('live.timelineTitle')}</h3>
          <TimelineStrips strips={timeline.strips} />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">{t('live.daysTitle')}</h3>
          <p className="mb-3 text-xs text-slate-600" data-testid="days-summary">
            {withData.length
              ? t('live.tableSummary', { output: format.number(output), energy: format.number(Number(wh / 1000n)), days: withData.length })
              : t('live.noData')}
          </p>
          <MachineDayCharts
            days={days.days.map((d) => ({
              day: d.day,
              utilization: d.utilization,
              output: d.output,
              energyKwh: d.energyWh === null ? null : Number(d.energyWh) / 1000,
              lowCoverage: d.lowCoverage,
            }))}
          />
          <p className="mt-2 text-xs text-slate-500">
            {t('bandsHint')} {days.defaultCalendar ? `* ${t('defaultCalendar')}` : ''}
          </p>
        </div>
      </div>
    </Card>
  );
}
