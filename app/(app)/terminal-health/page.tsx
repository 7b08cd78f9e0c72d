import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/telemetry/status-badge';
import { ProblemText } from '@/components/terminals/problem-text';
import { Card } from '@/components/ui/card';
import { FilterPanel } from '@/components/ui/filter-panel';
import { inputClass } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { healthStates } from '@/server/services/telemetry/reads-health';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

type Search = { sme?: string; state?: string; q?: string; page?: string };

/** How each health state looks: reporting as running, silent as offline, never as never, problems as alarm. */
const badgeOf = { reporting: 'running', silent: 'offline', never: 'never' } as const;

export default async function TerminalHealthPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const sp = await searchParams;
  const state = (healthStates as readonly string[]).includes(sp.state ?? '') ? (sp.state as (typeof healthStates)[number]) : undefined;
  const sme = sp.sme && /^[A-Za-z0-9_-]{1,64}$/.test(sp.sme) ? sp.sme : undefined;
  const q = sp.q?.slice(0, 64) || undefined;
  const page = pageFrom(sp.page);
  const pageSize = 50;
  const api = await getServerCaller();
  const t = await getTranslations('telemetry.health');
  const tt = await getTranslations('telemetry');
  const locale = await getLocale();
  const format = await getFormatter();
  // a client the user cannot see (another tenant's id in the address) is a page not found
  const [data, smes] = await Promise.all([
    orNotFound(() => api.telemetry.terminalHealth({ smeClientId: sme, state, q, page, pageSize })),
    api.telemetry.connectedSmes(),
  ]);
  const when = (d: Date | null) => (d ? `${format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' })} · ${format.relativeTime(d)}` : '—');
  const kpis = ['all', 'reporting', 'silent', 'never', 'problems'] as const;
  const link = (s: string | undefined) => {
    const p = new URLSearchParams();
    if (sme) p.set('sme', sme);
    if (q) p.set('q', q);
    if (s) p.set('state', s);
    const x = p.toString();
    return x ? `/terminal-health?${x}` : '/terminal-health';
  };
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ul className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="health-counts">
        {kpis.map((k) => {
          const active = (k === 'all' && !state) || k === state;
          return (
            <li key={k}>
              <Link
                href={link(k === 'all' ? undefined : k)}
                aria-current={active ? 'page' : undefined}
                className={`block rounded-xl border bg-white px-4 py-3 shadow-sm hover:border-teal-600 ${active ? 'border-teal-700 ring-1 ring-teal-700' : 'border-slate-200'}`}
              >
                <span className="block text-xs font-medium text-slate-500">{t(`kpi.${k}`)}</span>
                <span className="mt-1 block text-2xl font-semibold tabular-nums text-slate-900" data-testid={`health-count-${k}`}>
                  {data.counts[k]}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <Card>
        <FilterPanel active={[sme, state, q].filter(Boolean).length}>
          <form method="get" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <select name="sme" defaultValue={sme ?? ''} aria-label={t('sme')} className={inputClass}>
              <option value="">{t('allSmes')}</option>
              {smes.map((s) => (
                <option key={s.id} value={s.id}>
                  {localName(locale, s.legalName, s.legalNameEn)}
                </option>
              ))}
            </select>
            <select name="state" defaultValue={state ?? ''} aria-label={t('state')} className={inputClass}>
              <option value="">{t('allStates')}</option>
              {healthStates.map((s) => (
                <option key={s} value={s}>
                  {t(`states.${s}`)}
                </option>
              ))}
            </select>
            <input name="q" defaultValue={q} placeholder={t('search')} aria-label={t('serial')} className={inputClass} />
            <button type="submit" className="rounded-lg bg-teal-700 px-3 py-2 text-sm font-medium text-white hover:bg-teal-800">
              {t('filter')}
            </button>
          </form>
        </FilterPanel>
        {data.rows.length ? (
          <Table
            caption={t('title')}
            head={[
              t('columns.serial'),
              t('columns.sme'),
              t('columns.machine'),
              t('columns.state'),
              t('columns.lastSeen'),
              t('columns.accepted'),
              t('columns.refused'),
              t('columns.malformed'),
              t('columns.lastProblem'),
            ]}
          >
            {data.rows.map((r) => (
              <tr key={r.id} data-testid="health-row" data-state={r.state}>
                <Td className="font-mono text-xs">{r.serial}</Td>
                <Td className="min-w-[10rem] whitespace-normal">{localName(locale, r.sme.legalName, r.sme.legalNameEn)}</Td>
                <Td>
                  {r.machine ? (
                    <Link href={`/machines/${r.machine.id}`} className="font-mono text-teal-800 hover:underline">
                      {r.machine.assetTag}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td>
                  <StatusBadge status={badgeOf[r.state]} label={t(`states.${r.state}`)} />
                  {r.state === 'reporting' && r.lastState ? <span className="ml-1 text-xs text-slate-500">{tt(`states.${r.lastState}`)}</span> : null}
                </Td>
                <Td className="text-xs">
                  {/* the terminal's newest sample (what "silent" is judged by); when it was received apart, if later
                      (a terminal sending its buffer of old data is connected, but its data is old) */}
                  <span title={r.lastAt ? format.dateTime(r.lastAt, { dateStyle: 'medium', timeStyle: 'medium' }) : undefined}>
                    {r.lastAt ? format.relativeTime(r.lastAt) : r.lastSeenAt ? format.relativeTime(r.lastSeenAt) : '—'}
                  </span>
                  {r.lastAt && r.lastSeenAt && r.lastSeenAt.getTime() - r.lastAt.getTime() > 5 * 60_000 ? (
                    <span className="block text-slate-600">{t('receivedAt', { time: format.relativeTime(r.lastSeenAt) })}</span>
                  ) : null}
                </Td>
                <Td numeric>{format.number(r.accepted)}</Td>
                <Td numeric className={r.refused ? 'font-semibold text-red-800' : ''}>
                  {format.number(r.refused)}
                </Td>
                <Td numeric className={r.malformed ? 'font-semibold text-red-800' : ''}>
                  {format.number(r.malformed)}
                </Td>
                <Td className="max-w-xs whitespace-normal text-xs">{r.lastProblem ? <ProblemText text={r.lastProblem} at={when(r.lastProblemAt)} /> : '—'}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{t('none')}</Empty>
        )}
        <Pagination basePath="/terminal-health" params={{ sme, state, q }} page={page} pageSize={pageSize} total={data.total} />
      </Card>
      {data.gateways.length ? (
        <div className="mt-6">
          <Card title={t('gateways')}>
            <ul className="divide-y divide-slate-100 text-sm" data-testid="health-gateways">
              {data.gateways.map((g) => (
                <li key={g.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                  <span className="font-mono text-xs">{g.serial}</span>
                  <span className="text-xs text-slate-600">
                    {localName(locale, g.sme.legalName, g.sme.legalNameEn)} · {t('gatewayCarries', { count: g.carried })} ·{' '}
                    {g.lastSeenAt ? t('gatewayLastSeen', { at: when(g.lastSeenAt) }) : t('gatewayNever')}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}
    </>
  );
}
