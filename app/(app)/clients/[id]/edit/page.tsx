import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientForm } from '@/components/clients/client-form';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const c = await orNotFound(() => api.clients.getForEdit({ id }));
  const clusters = await api.clusters.list({ withCounts: false });
  const t = await getTranslations('clientForm');
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={`${t('editTitle')} · ${localName(locale, c.legalName, c.legalNameEn)}`} />
      <Card>
        <ClientForm
          id={c.id}
          clusters={clusters.map((k) => ({ id: k.id, label: localName(locale, k.name, k.nameEn) }))}
          initial={{
            legalName: c.legalName,
            legalNameEn: c.legalNameEn ?? '',
            creditCode: c.creditCode ?? '',
            county: c.county,
            sector: c.sector as 'OTHER',
            headcount: c.headcount,
            clusterIds: c.clusterIds,
            contacts: c.contacts.map((k) => ({ name: k.name, phone: k.phone ?? '', role: k.role ?? '' })),
          }}
        />
      </Card>
    </>
  );
}
