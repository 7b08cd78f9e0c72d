import { getLocale } from 'next-intl/server';
import { ClientDetail } from '@/components/clients/client-detail';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={localName(locale, client.legalName, client.legalNameEn)} />
      <ClientDetail client={client} />
    </>
  );
}
