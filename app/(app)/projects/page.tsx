import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { statusTone } from '@/components/projects/status-tone';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { formatMoney } from '@/server/domain/money/money';
import { getServerCaller } from '@/server/trpc/server';

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = (await searchParams).page;
  const page = pageFrom(typeof sp === 'string' ? sp : undefined);
  const user = await getSessionUser();
  const api = await getServerCaller();
  const t = await getTranslations('projects');
  const locale = await getLocale();
  const format = await getFormatter();
  const isStaff = user?.scope.kind === 'integrator';
  const [projects, overview] = await Promise.all([api.projects.list({ page, pageSize: 50 }), isStaff ? api.projects.overview() : Promise.resolve(null)]);
  return (
    <>
      <PageHeader title={isStaff ? t('title') : t('mine')} intro={t('intro')} />
      {overview ? (
        <>
          <StatGrid>
            <Stat label={t('contracted')} value={formatMoney(overview.contractedFen, locale)} />
            <Stat
              label={t('invoiced')}
              value={formatMoney(overview.invoicedFen, locale)}
              hint={`${t('received')}: ${formatMoney(overview.receivedFen, locale)}`}
            />
            <Stat
              label={t('perSme')}
              value={overview.perSmeFen === null ? '—' : formatMoney(overview.perSmeFen, locale)}
              hint={t('reference', { value: formatMoney(overview.reference.perSmeFen, locale) })}
            />
            <Stat
              label={t('perMachine')}
              value={overview.perMachineFen === null ? '—' : formatMoney(overview.perMachineFen, locale)}
              hint={t('reference', { value: formatMoney(overview.reference.perMachineFen, locale) })}
            />
          </StatGrid>
          <div className="mb-6 grid grid-cols-1 gap-6 md:grid-cols-2">
            <Card title={t('byStatus')}>
              {overview.byStatus.length ? (
                <ul className="space-y-1.5 text-sm" data-testid="projects-by-status">
                  {overview.byStatus.map((s) => (
                    <li key={s.status} className="flex justify-between gap-3">
                      <Badge tone={statusTone[s.status as keyof typeof statusTone]}>{t(`statuses.${s.status}` as 'statuses.DRAFT')}</Badge>
                      <span className="tabular-nums">
                        {s.count} · {formatMoney(s.valueFen, locale)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty>{t('none')}</Empty>
              )}
            </Card>
            <Card title={t('avgPayback')}>
              <p className="text-2xl font-semibold tabular-nums">
                {overview.averagePaybackMonths === null ? '—' : t('monthsValue', { months: overview.averagePaybackMonths })}
              </p>
            </Card>
          </div>
        </>
      ) : null}
      <Card>
        {projects.items.length ? (
          <Table head={[t('number'), t('name'), t('sme'), t('status'), t('machines'), t('price'), t('target'), t('updated')]}>
            {projects.items.map((p) => (
              <tr key={p.id} data-testid="project-row">
                <Td className="font-mono">
                  <Link href={`/projects/${p.id}`} className="text-teal-800 hover:underline">
                    {p.number}
                  </Link>
                </Td>
                <Td className="max-w-[16rem] whitespace-normal">{p.title}</Td>
                <Td className="max-w-[14rem] whitespace-normal">{localName(locale, p.smeClient.legalName, p.smeClient.legalNameEn)}</Td>
                <Td pin>
                  <Badge tone={statusTone[p.status]}>{t(`statuses.${p.status}`)}</Badge>
                </Td>
                <Td numeric>{p.machines}</Td>
                <Td numeric>{p.priceFen === null ? '—' : formatMoney(p.priceFen, locale)}</Td>
                <Td className="font-mono">{p.target}</Td>
                <Td>{format.dateTime(p.updatedAt, { dateStyle: 'medium' })}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{t('none')}</Empty>
        )}
        {projects.total > projects.pageSize ? (
          <Pagination basePath="/projects" params={{}} page={projects.page} pageSize={projects.pageSize} total={projects.total} />
        ) : null}
      </Card>
    </>
  );
}
