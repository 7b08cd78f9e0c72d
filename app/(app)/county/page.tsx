import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { FundSummary } from '@/components/funds/fund-summary';
import { StaffSection } from '@/components/staff/staff-section';
import { getTodos } from '@/components/todos/get-todos';
import { TodoInbox } from '@/components/todos/todo-inbox';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Empty } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

export default async function CountyHome() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'county') notFound();
  const api = await getServerCaller();
  const t = await getTranslations('home');
  const tAdmin = await getTranslations('fundAdmin');
  const locale = await getLocale();
  const [me, funds, todos] = await Promise.all([api.me.get(), api.funds.list(), getTodos()]);
  const name = me.organisation ? localName(locale, me.organisation.name, me.organisation.nameEn) : '';
  return (
    <>
      <PageHeader title={t('countyTitle', { name })} intro={t('countyIntro')}>
        <LinkButton tone="primary" href="/funds/new">
          {tAdmin('new')}
        </LinkButton>
      </PageHeader>
      <div className="mb-6">
        <TodoInbox groups={todos} />
      </div>
      <div id="funds" className="grid grid-cols-1 gap-4">
        {funds.length ? funds.map((f) => <FundSummary key={f.id} fund={f} />) : <Empty>{t('noFunds')}</Empty>}
      </div>
      {user.scope.admin ? (
        <div className="mt-6">
          <StaffSection kind="county" meId={me.id} />
        </div>
      ) : null}
    </>
  );
}
