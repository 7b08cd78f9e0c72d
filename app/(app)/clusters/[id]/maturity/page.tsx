import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ClusterHeatmap } from '@/components/maturity/cluster-heatmap';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function ClusterMaturityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const m = await orNotFound(() => api.assessments.clusterMaturity({ clusterId: id }));
  const t = await getTranslations('assessments.cluster');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const max = Math.max(...m.gridNow.flat(), ...m.gridBefore.flat());
  const share = (v: number | null, known: number) => (v === null ? t('shareNone') : t('shareValue', { value: v, known }));
  return (
    <>
      <PageHeader title={`${t('title')} · ${localName(locale, m.cluster.name, m.cluster.nameEn)}`} intro={t('intro')}>
        <LinkButton href={`/clusters/${id}`}>{tAll('actions.back')}</LinkButton>
      </PageHeader>
      <StatGrid>
        <Stat label={t('now', { date: day(m.now) })} value={t('assessed', { count: m.assessedNow, total: m.smes })} />
        <Stat label={t('before', { date: day(m.before) })} value={t('assessed', { count: m.assessedBefore, total: m.smes })} />
        <Stat
          label={t('share')}
          value={share(m.nationalLevel2.now, m.nationalLevel2.knownNow)}
          hint={`${t('before', { date: day(m.before) })}: ${share(m.nationalLevel2.before, m.nationalLevel2.knownBefore)}`}
        />
        <Stat label={t('moves')} value={m.moved} />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6">
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <ClusterHeatmap grid={m.gridBefore} max={max} title={t('before', { date: day(m.before) })} />
          </Card>
          <Card>
            <ClusterHeatmap grid={m.gridNow} max={max} title={t('now', { date: day(m.now) })} />
          </Card>
        </div>
        <Card title={t('moved', { count: m.moved })}>
          {m.moves.length ? (
            <ul className="flex flex-wrap gap-2" data-testid="cluster-moves">
              {m.moves.map((x) => (
                <li key={`${x.from}-${x.to}`} className="rounded-lg border border-slate-200 px-3 py-1.5 font-mono text-sm">
                  {x.from} → {x.to} <span className="font-sans text-slate-500">× {x.count}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('noMoves')}</Empty>
          )}
        </Card>
        <Card title={t('stale')}>
          {m.stale.length ? (
            <Table head={[tAll('clients.legalName'), t('lastAssessed')]}>
              {m.stale.map((s) => (
                <tr key={s.smeClientId} data-testid="stale-row">
                  <Td>
                    <Link href={`/clients/${s.smeClientId}/assessments`} className="text-teal-800 hover:underline">
                      {localName(locale, s.name, s.nameEn)}
                    </Link>
                  </Td>
                  <Td>{s.lastAssessedOn ? format.dateTime(s.lastAssessedOn, { dateStyle: 'medium', timeZone: 'UTC' }) : t('never')}</Td>
                </tr>
              ))}
            </Table>
          ) : (
            <Empty>{t('noStale')}</Empty>
          )}
        </Card>
      </div>
    </>
  );
}
