import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientTable } from '@/components/clients/client-table';
import { ArchiveButton } from '@/components/ui/archive-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DownloadButton, LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
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
  const canEdit = can(user.scope.role, 'clients.write');
  return (
    <>
      <PageHeader
        title={
          <>
            {localName(locale, cluster.name, cluster.nameEn)}
            {cluster.archivedAt ? (
              <span className="ml-3 align-middle">
                <Badge tone="amber">{t('clusterList.archived')}</Badge>
              </span>
            ) : null}
          </>
        }
      >
        <div className="flex flex-wrap gap-2">
          {canEdit && !cluster.archivedAt ? (
            <LinkButton tone="primary" href={`/clients/new?cluster=${id}`}>
              {t('clientList.new')}
            </LinkButton>
          ) : null}
          <LinkButton href={`/clusters/${id}/maturity`}>{t('nav.maturity')}</LinkButton>
          {canEdit && !cluster.archivedAt ? <LinkButton href={`/clusters/${id}/import`}>{t('machines.importSpreadsheet')}</LinkButton> : null}
          <DownloadButton href={`/api/v1/inventory/export?clusterId=${id}&format=xlsx`}>{t('machines.exportXlsx')}</DownloadButton>
          <DownloadButton href={`/api/v1/inventory/export?clusterId=${id}&format=csv`}>{t('machines.exportCsv')}</DownloadButton>
          {canEdit ? <LinkButton href={`/clusters/${id}/edit`}>{t('actions.edit')}</LinkButton> : null}
          {canEdit ? <ArchiveButton kind="cluster" id={id} archived={Boolean(cluster.archivedAt)} /> : null}
        </div>
      </PageHeader>
      <div className="mb-4 flex gap-1.5">
        <Badge>{t(`enums.sector.${cluster.sector}` as 'enums.sector.OTHER')}</Badge>
        <Badge>{cluster.county}</Badge>
      </div>
      <Card title={t('home.clients')} action={<span className="text-xs text-slate-500 tabular-nums">{clients.total}</span>}>
        <ClientTable rows={clients.items} />
      </Card>
    </>
  );
}
