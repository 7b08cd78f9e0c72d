import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientTable } from '@/components/clients/client-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function ClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const api = await getServerCaller();
  const cluster = await orNotFound(() => api.clusters.get({ id }));
  const clients = await api.clients.list({ clusterId: id, page: 1, pageSize: 100 });
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={localName(locale, cluster.name, cluster.nameEn)}>
        <div className="flex gap-1.5">
          <Badge>{t(`enums.sector.${cluster.sector}` as 'enums.sector.OTHER')}</Badge>
          <Badge>{cluster.county}</Badge>
        </div>
      </PageHeader>
      <Card title={t('home.clients')} action={<span className="text-xs text-slate-500 tabular-nums">{clients.total}</span>}>
        <ClientTable rows={clients.items} />
      </Card>
    </>
  );
}
