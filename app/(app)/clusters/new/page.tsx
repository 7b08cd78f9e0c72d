import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ClusterForm } from '@/components/clients/cluster-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';

export default async function NewClusterPage() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const t = await getTranslations('clusterForm');
  return (
    <>
      <PageHeader title={t('newTitle')} />
      <Card>
        <ClusterForm />
      </Card>
    </>
  );
}
