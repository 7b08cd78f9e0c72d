import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClusterForm } from '@/components/clients/cluster-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function EditClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const c = await orNotFound(() => api.clusters.get({ id }));
  const t = await getTranslations('clusterForm');
  return (
    <>
      <PageHeader title={`${t('editTitle')} · ${c.name}`} />
      <Card>
        <ClusterForm id={c.id} initial={{ name: c.name, nameEn: c.nameEn ?? '', county: c.county, sector: c.sector as 'OTHER' }} />
      </Card>
    </>
  );
}
