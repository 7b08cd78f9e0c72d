import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClientActions } from '@/components/clients/client-actions';
import { ClientDetail } from '@/components/clients/client-detail';
import { OwnerProjects } from '@/components/projects/owner-projects';
import { getTodos } from '@/components/todos/get-todos';
import { TodoInbox } from '@/components/todos/todo-inbox';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { screenMoneyUnit } from '@/server/domain/money/money';
import { getServerCaller } from '@/server/trpc/server';

export default async function SmeHome() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'sme') notFound();
  const api = await getServerCaller();
  const t = await getTranslations('home');
  const locale = await getLocale();
  const [client, todos, projects] = await Promise.all([
    api.clients.get({ id: user.scope.smeClientId }),
    getTodos(),
    api.projects.list({ page: 1, pageSize: 6 }),
  ]);
  // one unit for every amount on the owner's home (never ¥9,000.00 in one card and 1.40 万元 in the next)
  const moneyUnit = screenMoneyUnit(locale, [...todos.flatMap((g) => g.items.map((i) => i.amountFen)), ...projects.items.map((p) => p.priceFen)]);
  return (
    <>
      <PageHeader title={t('smeTitle', { name: localName(locale, client.legalName, client.legalNameEn) })} intro={t('smeIntro')}>
        <ClientActions id={client.id} canEdit={false} archived={Boolean(client.archivedAt)} />
      </PageHeader>
      <div className="mb-6">
        <TodoInbox groups={todos} moneyUnit={moneyUnit} />
      </div>
      <div className="mb-6">
        <OwnerProjects items={projects.items} total={projects.total} moneyUnit={moneyUnit} />
      </div>
      <ClientDetail client={client} />
    </>
  );
}
