import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientForm } from '@/components/clients/client-form';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

export default async function NewClientPage({ searchParams }: { searchParams: Promise<{ cluster?: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { cluster } = await searchParams;
  const api = await getServerCaller();
  const t = await getTranslations('clientForm');
  const locale = await getLocale();
  const clusters = await api.clusters.list({ withCounts: false });
  return (
    <>
      <PageHeader title={t('newTitle')} />
      <Card>
        <ClientForm
          clusters={clusters.map((c) => ({ id: c.id, label: localName(locale, c.name, c.nameEn) }))}
          initial={{
            legalName: '',
            legalNameEn: '',
            creditCode: '',
            county: '',
            sector: 'BALL_BEARINGS',
            headcount: null,
            clusterIds: cluster ? [cluster] : [],
            contacts: [],
          }}
        />
      </Card>
    </>
  );
}
