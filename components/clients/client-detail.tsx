import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { localName } from '@/components/ui/names';
import { Stat, StatGrid } from '@/components/ui/stat';
import type { AppRouter } from '@/server/trpc/root';

type Client = inferRouterOutputs<AppRouter>['clients']['get'];

function Bars({ rows }: { rows: { label: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul className="space-y-2">
      {rows.map((r) => (
        <li key={r.label} className="grid grid-cols-[9.5rem_1fr_3rem] items-center gap-3 text-sm">
          <span className="truncate text-slate-700" title={r.label}>
            {r.label}
          </span>
          <span className="h-2.5 rounded-full bg-slate-100">
            <span className="block h-2.5 rounded-full bg-teal-600" style={{ width: `${(r.count / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums text-slate-700">{r.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** The firm card: identity, inventory make-up, hierarchy and free-retrofit allowance. */
export async function ClientDetail({ client }: { client: Client }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  return (
    <div className="grid grid-cols-1 gap-6" data-testid="client-detail">
      <StatGrid>
        <Stat label={t('clients.machines')} value={format.number(client.machines)} />
        <Stat label={t('clients.inService')} value={format.number(client.inService)} />
        <Stat label={t('clients.headcount')} value={client.headcount ?? '—'} />
        <Stat label={t('clients.factories')} value={client.sites.length} />
      </StatGrid>
      <Card title={t('clients.detailTitle')}>
        <DefinitionList
          items={[
            [
              t('clients.legalName'),
              <span key="n">
                {client.legalName}
                {client.legalNameEn ? <span className="block text-xs text-slate-500">{client.legalNameEn}</span> : null}
              </span>,
            ],
            [
              t('clients.creditCode'),
              <span key="c" className="font-mono">
                {client.creditCode ?? '—'}
              </span>,
            ],
            [t('clients.county'), client.county],
            [t('clients.sector'), t(`enums.sector.${client.sector}` as 'enums.sector.OTHER')],
            [
              t('clients.clusters'),
              <span key="cl" className="flex flex-wrap gap-1">
                {client.clusters.map((c) => (
                  <Badge key={c.id}>{localName(locale, c.name, c.nameEn)}</Badge>
                ))}
              </span>,
            ],
          ]}
        />
      </Card>
      {client.contacts.length ? (
        <Card title={t('clientForm.contacts')}>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="contacts">
            {client.contacts.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                <div className="font-medium text-slate-900">{c.name}</div>
                <div className="text-slate-600">{[c.role, c.phone].filter(Boolean).join(' · ')}</div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {client.allowances.length ? (
        <Card title={t('clients.freeAllowance')}>
          <ul className="space-y-2 text-sm">
            {client.allowances.map((a) => (
              <li key={a.fundId} data-testid="allowance">
                <Link href={`/funds/${a.fundId}`} className="font-medium text-teal-800 hover:underline">
                  {localName(locale, a.fundName, a.fundNameEn)}
                </Link>
                <span className="text-slate-700"> — {t('clients.freeAllowanceValue', { inService: client.inService, allowance: a.allowance })}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card title={t('clients.byControlType')}>
          <Bars rows={client.byControlType.map((g) => ({ label: t(`enums.controlType.${g.controlType}`), count: g.count }))} />
        </Card>
        <Card title={t('clients.byStatus')}>
          <Bars rows={client.byStatus.map((g) => ({ label: t(`enums.machineStatus.${g.status}`), count: g.count }))} />
        </Card>
        <Card title={t('clients.byKind')}>
          <Bars rows={client.byKind.map((g) => ({ label: kindLabel(t as never, g.kind), count: g.count }))} />
        </Card>
      </div>
      <Card title={t('clients.sites')}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {client.sites.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-200 p-4">
              <div className="font-medium text-slate-900">{s.name}</div>
              <ul className="mt-2 space-y-1 text-sm text-slate-600">
                {s.workshops.map((w) => (
                  <li key={w.id}>
                    {w.name} · {t('clients.lines', { count: w._count.lines })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
