import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FilterPanel } from '@/components/ui/filter-panel';
import { inputClass, LinkButton } from '@/components/ui/form';
import { listJoin, localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

type Search = { q?: string; cluster?: string; sector?: string; county?: string; archived?: string; sort?: string; dir?: string; page?: string };
const sorts = ['legalName', 'headcount', 'county', 'createdAt'] as const;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const sp = await searchParams;
  const api = await getServerCaller();
  const t = await getTranslations();
  const locale = await getLocale();
  const sort = (sorts as readonly string[]).includes(sp.sort ?? '') ? (sp.sort as (typeof sorts)[number]) : 'legalName';
  const dir = sp.dir === 'desc' ? 'desc' : 'asc';
  const page = pageFrom(sp.page);
  const pageSize = 25;
  const [list, clusters, facets] = await Promise.all([
    api.clients.list({
      q: sp.q,
      clusterId: sp.cluster || undefined,
      sector: sp.sector || undefined,
      county: sp.county || undefined,
      includeArchived: sp.archived === '1',
      sort,
      dir,
      page,
      pageSize,
    }),
    api.clusters.list({ withCounts: false }),
    api.clients.facets(),
  ]);
  return (
    <>
      <PageHeader title={t('clientList.title')} intro={t('clientList.intro')}>
        <div className="flex gap-2">
          <LinkButton href="/assessments/import">{t('assessments.importTitle')}</LinkButton>
          <LinkButton tone="primary" href="/clients/new">
            {t('clientList.new')}
          </LinkButton>
        </div>
      </PageHeader>
      <Card>
        <FilterPanel active={[sp.q, sp.cluster, sp.sector, sp.county, sp.archived].filter(Boolean).length}>
          <form method="get" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-7">
            <input
              name="q"
              defaultValue={sp.q}
              placeholder={t('clientList.searchPlaceholder')}
              aria-label={t('actions.search')}
              className={`${inputClass} lg:col-span-2`}
            />
            <select name="cluster" defaultValue={sp.cluster ?? ''} aria-label={t('clients.clusters')} className={inputClass}>
              <option value="">{t('clientList.allClusters')}</option>
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {localName(locale, c.name, c.nameEn)}
                </option>
              ))}
            </select>
            <select name="sector" defaultValue={sp.sector ?? ''} aria-label={t('clients.sector')} className={inputClass}>
              <option value="">{t('clientList.allSectors')}</option>
              {facets.sectors.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.sector.${s}` as 'enums.sector.OTHER')}
                </option>
              ))}
            </select>
            <select name="county" defaultValue={sp.county ?? ''} aria-label={t('clients.county')} className={inputClass}>
              <option value="">{t('clientList.allCounties')}</option>
              {facets.counties.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <div className="flex gap-2 lg:col-span-2">
              <select name="sort" defaultValue={sort} aria-label={t('clientList.sort')} className={inputClass}>
                {sorts.map((s) => (
                  <option key={s} value={s}>
                    {t(`clientList.sort${s[0]?.toUpperCase()}${s.slice(1)}` as 'clientList.sortLegalName')}
                  </option>
                ))}
              </select>
              <select name="dir" defaultValue={dir} aria-label={t('clientList.sort')} className={inputClass}>
                <option value="asc">{t('clientList.asc')}</option>
                <option value="desc">{t('clientList.desc')}</option>
              </select>
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="archived" value="1" defaultChecked={sp.archived === '1'} className="h-4 w-4 rounded border-slate-300" />
              {t('clientList.showArchived')}
            </label>
            <div className="flex gap-2 lg:col-span-6 lg:justify-end">
              <button type="submit" className="rounded-lg bg-teal-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-teal-800">
                {t('actions.search')}
              </button>
              <Link href="/clients" className="rounded-lg border border-slate-300 px-3.5 py-2 text-sm text-slate-700 hover:bg-slate-50">
                {t('actions.reset')}
              </Link>
            </div>
          </form>
        </FilterPanel>
        {list.items.length ? (
          <Table
            head={[
              t('clients.legalName'),
              t('clients.clusters'),
              t('clients.sector'),
              t('clients.county'),
              t('clients.headcount'),
              t('clients.machines'),
              t('clients.inService'),
            ]}
          >
            {list.items.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50" data-testid="client-row">
                <Td className="max-w-[18rem] whitespace-normal font-medium">
                  <Link href={`/clients/${c.id}`} title={localName(locale, c.legalName, c.legalNameEn)} className="text-teal-800 hover:underline">
                    {localName(locale, c.legalName, c.legalNameEn)}
                  </Link>
                  {c.archivedAt ? (
                    <span className="ml-2">
                      <Badge tone="amber">{t('clientList.archived')}</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td>
                  {listJoin(
                    locale,
                    c.clusters.map((k) => localName(locale, k.name, k.nameEn)),
                  )}
                </Td>
                <Td>{t(`enums.sector.${c.sector}` as 'enums.sector.OTHER')}</Td>
                <Td>{c.county}</Td>
                <Td numeric>{c.headcount ?? '—'}</Td>
                <Td numeric>{c.machines}</Td>
                <Td numeric>{c.inService}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{t('clientList.none')}</Empty>
        )}
        <Pagination
          basePath="/clients"
          params={{ q: sp.q, cluster: sp.cluster, sector: sp.sector, county: sp.county, archived: sp.archived, sort: sp.sort, dir: sp.dir }}
          page={page}
          pageSize={pageSize}
          total={list.total}
        />
      </Card>
    </>
  );
}
