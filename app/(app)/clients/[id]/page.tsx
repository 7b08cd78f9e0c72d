import { getLocale, getTranslations } from 'next-intl/server';
import { ClientActions } from '@/components/clients/client-actions';
import { ClientDetail } from '@/components/clients/client-detail';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const user = await getSessionUser();
  const locale = await getLocale();
  const t = await getTranslations('clientList');
  const tt = await getTranslations('telemetry');
  return (
    <>
      <PageHeader
        title={
          <>
            {localName(locale, client.legalName, client.legalNameEn)}
            {client.archivedAt ? (
              <span className="ml-3 align-middle">
                <Badge tone="amber">{t('archived')}</Badge>
              </span>
            ) : null}
          </>
        }
      >
        <div className="flex flex-wrap gap-2">
          <LinkButton href={`/clients/${client.id}/floor`}>{tt('floor.linkFromClient')}</LinkButton>
          <ClientActions id={client.id} canEdit={Boolean(user && can(user.scope.role, 'clients.write'))} archived={Boolean(client.archivedAt)} />
        </div>
      </PageHeader>
      <ClientDetail client={client} />
    </>
  );
}
