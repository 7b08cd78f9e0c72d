import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ClientTable } from '@/components/clients/client-table';
import { FundSummary } from '@/components/funds/fund-summary';
import { StaffSection } from '@/components/staff/staff-section';
import { getTodos } from '@/components/todos/get-todos';
import { TodoInbox } from '@/components/todos/todo-inbox';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Empty } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

export default async function IntegratorHome() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const api = await getServerCaller();
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const isAdmin = user.scope.role === 'INTEGRATOR_ADMIN';
  const [me, summary, clusters, clients, funds, todos] = await Promise.all([
    api.me.get(),
    api.clients.summary(),
    api.clusters.list(),
    api.clients.list({ page: 1, pageSize: 100 }),
    api.funds.list(),
    getTodos(),
  ]);
  const orgName = me.organisation ? localName(locale, me.organisation.name, me.organisation.nameEn) : '';
  return (
    <>
      <PageHeader title={t('home.integratorTitle', { name: orgName })} intro={t('home.integratorIntro')} />
      <div className="mb-6">
        <TodoInbox groups={todos} />
      </div>
      <StatGrid>
        <Stat label={t('home.statClients')} value={format.number(summary.clients)} />
        <Stat label={t('home.statMachines')} value={format.number(summary.machines)} />
        <Stat label={t('home.statInService')} value={format.number(summary.inService)} />
        <Stat
          label={t('home.statAvgMachines')}
          value={summary.clients ? format.number(summary.machines / summary.clients, { maximumFractionDigits: 0 }) : '—'}
        />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6">
        <div id="clusters">
          <Card title={t('home.clusters')}>
            {clusters.length ? (
              <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {clusters.map((c) => (
                  <li key={c.id} className="rounded-lg border border-slate-200 p-4 hover:border-teal-300" data-testid="cluster-card">
                    <Link href={`/clusters/${c.id}`} className="font-medium text-teal-800 hover:underline">
                      {localName(locale, c.name, c.nameEn)}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1.5 text-xs text-slate-600">
                      <Badge>{t(`enums.sector.${c.sector}` as 'enums.sector.OTHER')}</Badge>
                      <Badge>{c.county}</Badge>
                    </div>
                    <div className="mt-3 flex gap-6 text-sm">
                      <span>
                        <span className="font-semibold tabular-nums">{c.clients}</span> <span className="text-slate-500">{t('clusters.clients')}</span>
                      </span>
                      <span>
                        <span className="font-semibold tabular-nums">{format.number(c.machines ?? 0)}</span>{' '}
                        <span className="text-slate-500">{t('clusters.machines')}</span>
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('home.noClusters')}</Empty>
            )}
          </Card>
        </div>
        <div id="clients">
          <Card title={t('home.clients')} action={<span className="text-xs text-slate-500 tabular-nums">{clients.total}</span>}>
            <ClientTable rows={clients.items} />
          </Card>
        </div>
        <div id="funds">
          <Card title={t('home.funds')}>
            {funds.length ? (
              <div className="grid grid-cols-1 gap-4">
                {funds.map((f) => (
                  <FundSummary key={f.id} fund={f} />
                ))}
              </div>
            ) : (
              <Empty>{t('home.noFunds')}</Empty>
            )}
          </Card>
        </div>
        {isAdmin ? <StaffSection kind="integrator" meId={me.id} /> : null}
      </div>
    </>
  );
}
