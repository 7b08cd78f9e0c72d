import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { kindLabel } from '@/components/machines/labels';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getServerCaller, orNotFound } from '@/server/trpc/server';
import { OFFLINE_MINUTES } from './labels';
import { StatusBadge } from './status-badge';
import { UtilizationValue } from './utilization';

type Floor = Awaited<ReturnType<Awaited<ReturnType<typeof getServerCaller>>['telemetry']['floor']>>;
type Item = Floor['unassigned'][number];

async function MachineTiles({ machines }: { machines: Item[] }) {
  const t = await getTranslations();
  const tt = await getTranslations('telemetry');
  const connected = machines.filter((m) => m.status !== 'noTerminal');
  const bare = machines.filter((m) => m.status === 'noTerminal');
  return (
    <>
      {connected.length ? (
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {connected.map((m) => (
            <li key={m.id} className="min-w-0 rounded-lg border border-slate-200 px-3 py-2" data-testid="floor-machine" data-status={m.status}>
              <div className="flex items-center justify-between gap-2">
                <Link href={`/machines/${m.id}`} className="truncate font-mono text-sm font-medium text-teal-800 hover:underline">
                  {m.assetTag}
                </Link>
                <StatusBadge status={m.status} label={tt(`status.${m.status}`, { minutes: OFFLINE_MINUTES })} />
              </div>
              <div className="mt-0.5 truncate text-xs text-slate-500">
                {kindLabel(t as never, m.kind)}
                {m.alarm ? <span className="ml-1 text-red-800">{m.alarm}</span> : null}
              </div>
              <dl className="mt-1.5 grid grid-cols-[auto_1fr] items-baseline gap-x-2 gap-y-1 text-xs">
                <dt className="text-slate-500">{tt('floor.machineToday')}</dt>
                <dd>
                  <UtilizationValue value={m.today.utilization} coverage={m.today.coverage} lowCoverage={m.today.lowCoverage} />
                </dd>
                <dt className="text-slate-500">{tt('floor.machineWeek')}</dt>
                <dd>
                  <UtilizationValue value={m.week.utilization} coverage={m.week.coverage} lowCoverage={m.week.lowCoverage} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      {bare.length ? (
        <p className="mt-2 text-xs text-slate-500">
          {tt('status.noTerminal')}:{' '}
          {bare.map((m, i) => (
            <span key={m.id}>
              {i ? '、' : ''}
              <Link href={`/machines/${m.id}`} className="font-mono hover:underline">
                {m.assetTag}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

/** The plant floor of one SME (staff reach it from the client, SME owners from their menu). */
export async function PlantFloor({ smeClientId, children }: { smeClientId: string; children?: ReactNode }) {
  const api = await getServerCaller();
  const floor = await orNotFound(() => api.telemetry.floor({ smeClientId }));
  const t = await getTranslations('telemetry');
  const locale = await getLocale();
  const format = await getFormatter();
  const attention = floor.counts.alarm + floor.counts.offline;
  const connected = floor.connected;
  return (
    <>
      <PageHeader title={t('floor.title')} intro={`${localName(locale, floor.sme.legalName, floor.sme.legalNameEn)} · ${t('floor.intro')}`}>
        {children}
      </PageHeader>
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="floor-summary">
        <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <div className="text-xs font-medium text-slate-500">{t('floor.today')}</div>
          <div className="mt-1">
            <UtilizationValue
              size="lg"
              value={floor.today.utilization}
              coverage={floor.today.coverage}
              lowCoverage={floor.today.lowCoverage}
              defaultCalendar={floor.defaultCalendar}
              testId="floor-today"
            />
          </div>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <div className="text-xs font-medium text-slate-500">{t('floor.week')}</div>
          <div className="mt-1">
            <UtilizationValue
              size="lg"
              value={floor.week.utilization}
              coverage={floor.week.coverage}
              lowCoverage={floor.week.lowCoverage}
              defaultCalendar={floor.defaultCalendar}
              testId="floor-week"
            />
          </div>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <div className="text-xs font-medium text-slate-500">{t('floor.running')}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="floor-running">
            {floor.counts.running} <span className="text-sm font-normal text-slate-500">/ {t('floor.connectedCount', { count: connected })}</span>
          </div>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <div className="text-xs font-medium text-slate-500">{t('floor.attention', { minutes: OFFLINE_MINUTES })}</div>
          <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{attention}</div>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-6">
        <Card title={t('floor.silentTitle', { hours: Math.round(floor.silentAfterSeconds / 3600) })}>
          {floor.silent.length ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="floor-silent">
              {floor.silent.map((m) => (
                <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                  <Link href={`/machines/${m.id}`} className="font-mono font-medium text-teal-800 hover:underline">
                    {m.assetTag}
                  </Link>
                  <span className="text-xs text-slate-600">
                    {m.lastHeardAt
                      ? t('floor.silentSince', {
                          at: `${format.dateTime(m.lastHeardAt, { dateStyle: 'short', timeStyle: 'short' })} (${format.relativeTime(m.lastHeardAt)})`,
                        })
                      : t('floor.silentNever')}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t('floor.noneSilent')}</p>
          )}
        </Card>
        {floor.groups.map((g) => (
          <Card key={g.workshopId} title={`${g.site} / ${g.workshop}`}>
            <div className="space-y-5">
              {g.lines.map((l) => (
                <section key={l.lineId} aria-label={l.name} data-testid="floor-line">
                  <h3 className="mb-2 text-sm font-semibold text-slate-700">{l.name}</h3>
                  <MachineTiles machines={l.machines} />
                </section>
              ))}
            </div>
          </Card>
        ))}
        {floor.unassigned.length ? (
          <Card title={t('floor.unassigned')}>
            <MachineTiles machines={floor.unassigned} />
          </Card>
        ) : null}
        <p className="text-xs text-slate-500">
          {t('bandsHint')} {floor.defaultCalendar ? `* ${t('defaultCalendar')}` : ''}
        </p>
      </div>
    </>
  );
}
