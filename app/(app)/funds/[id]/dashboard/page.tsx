import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CountyViewSection } from '@/components/funds/county-view';
import { DashboardCharts } from '@/components/funds/dashboard-charts';
import { Card } from '@/components/ui/card';
import { DownloadButton, LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { formatMoney } from '@/server/domain/money/money';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

const yuan = (f: bigint) => Number(f) / 100;

export default async function FundDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'county') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const d = await orNotFound(() => api.fundAdmin.dashboard({ fundId: id }));
  const view = await api.fundAdmin.countyView({ fundId: id });
  const f = d.funds[0];
  if (!f) notFound();
  const t = await getTranslations('fundAdmin');
  const locale = await getLocale();
  const money = (v: bigint) => formatMoney(v, locale);
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return (
    <>
      <PageHeader title={`${t('dashboard')} · ${localName(locale, f.name, f.nameEn)}`}>
        <div className="flex gap-2">
          <DownloadButton href={`/api/v1/funds/register?fundId=${id}`}>{t('exportXlsx')}</DownloadButton>
          <LinkButton href={`/funds/${id}`}>←</LinkButton>
        </div>
      </PageHeader>
      <StatGrid>
        <Stat label={t('committed')} value={money(f.committedFen)} hint={`${t('remaining')}: ${money(f.remainingFen)}`} />
        <Stat label={t('disbursed')} value={money(f.disbursedFen)} />
        <Stat label={t('covered')} value={`${d.coveredSmes} · ${d.coveredMachines}`} hint={`${t('smes')} · ${t('machines')}`} />
        <Stat
          label={t('costPerMachine')}
          value={d.costPerMachineFen === null ? '—' : money(d.costPerMachineFen)}
          hint={`${t('level2')}: ${pct(d.level2.before)} → ${pct(d.level2.after)}`}
        />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6">
        <DashboardCharts
          budget={{ committed: yuan(f.committedFen), disbursed: yuan(f.disbursedFen), remaining: yuan(f.remainingFen) }}
          overTime={d.overTime.map((x) => ({ month: x.month, committed: yuan(x.committedFen), disbursed: yuan(x.disbursedFen) }))}
          byStatus={d.byStatus}
          payback={d.payback}
          level2={d.level2}
        />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <Card title={t('claimAge')}>
            <ul className="space-y-1 text-sm" data-testid="claim-age">
              <li>
                {t('ageUnder7')}: {d.age.under7}
              </li>
              <li>
                {t('age7to30')}: {d.age.days7to30}
              </li>
              <li>
                {t('ageOver30')}: {d.age.over30}
              </li>
            </ul>
          </Card>
          <Card title={t('perIntegrator')}>
            <Table head={['', t('smes'), t('machines')]}>
              {d.perIntegrator.map((x) => (
                <tr key={x.name}>
                  <Td>{x.name}</Td>
                  <Td numeric>{x.smes}</Td>
                  <Td numeric>{x.machines}</Td>
                </tr>
              ))}
            </Table>
          </Card>
          <Card title={t('perCluster')}>
            <Table head={['', t('smes'), t('machines')]}>
              {d.perCluster.map((x) => (
                <tr key={x.name}>
                  <Td>{x.name}</Td>
                  <Td numeric>{x.smes}</Td>
                  <Td numeric>{x.machines}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        </div>
      </div>
      <CountyViewSection view={view} fundId={id} />
    </>
  );
}
