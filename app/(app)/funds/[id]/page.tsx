import { getLocale } from 'next-intl/server';
import { FundSummary } from '@/components/funds/fund-summary';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function FundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const fund = await orNotFound(() => api.funds.get({ id }));
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={localName(locale, fund.name, fund.nameEn)} />
      <FundSummary fund={fund} link={false} />
    </>
  );
}
