import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

export default async function ClustersPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { archived } = await searchParams;
  const api = await getServerCaller();
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const clusters = await api.clusters.list({ includeArchived: archived === '1' });
  return (
    <>
      <PageHeader title={t('clusterList.title')} intro={t('clusterList.intro')}>
        <div className="flex gap-2">
          <LinkButton href={archived === '1' ? '/clusters' : '/clusters?archived=1'}>{t('clientList.showArchived')}</LinkButton>
          <LinkButton tone="primary" href="/clusters/new">
            {t('clusterList.new')}
          </LinkButton>
        </div>
      </PageHeader>
      <Card>
        {clusters.length ? (
          <Table head={[t('clusters.name'), t('clusters.sector'), t('clusters.county'), t('clusters.clients'), t('clusters.machines')]}>
            {clusters.map((c) => (
              <tr key={c.id} data-testid="cluster-row">
                <Td className="font-medium">
                  <Link href={`/clusters/${c.id}`} className="text-teal-800 hover:underline">
                    {localName(locale, c.name, c.nameEn)}
                  </Link>
                  {c.archivedAt ? (
                    <span className="ml-2">
                      <Badge tone="amber">{t('clusterList.archived')}</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td>{t(`enums.sector.${c.sector}` as 'enums.sector.OTHER')}</Td>
                <Td>{c.county}</Td>
                <Td numeric>{c.clients}</Td>
                <Td numeric>{format.number(c.machines ?? 0)}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{t('clusterList.none')}</Empty>
        )}
      </Card>
    </>
  );
}
