import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MachineForm } from '@/components/machines/machine-form';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function NewMachinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const hierarchy = await api.inventory.hierarchy({ smeClientId: id });
  const t = await getTranslations('machines');
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={`${t('newTitle')} · ${localName(locale, client.legalName, client.legalNameEn)}`} />
      <Card>
        <MachineForm smeClientId={id} hierarchy={hierarchy} />
      </Card>
    </>
  );
}
