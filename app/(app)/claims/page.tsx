import { getTranslations } from 'next-intl/server';
import { ClaimsTable } from '@/components/claims/claims-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { getServerCaller } from '@/server/trpc/server';

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = (await searchParams).page;
  const api = await getServerCaller();
  const claims = await api.claims.list({ page: pageFrom(typeof sp === 'string' ? sp : undefined), pageSize: 50 });
  const t = await getTranslations('claims');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Card>
        <ClaimsTable rows={claims.items} />
        {claims.total > claims.pageSize ? (
          <Pagination basePath="/claims" params={{}} page={claims.page} pageSize={claims.pageSize} total={claims.total} />
        ) : null}
      </Card>
    </>
  );
}
