import { getTranslations } from 'next-intl/server';
import { ClaimsTable } from '@/components/claims/claims-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getServerCaller } from '@/server/trpc/server';

export default async function ClaimsPage() {
  const api = await getServerCaller();
  const claims = await api.claims.list({});
  const t = await getTranslations('claims');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <Card>
        <ClaimsTable rows={claims} />
      </Card>
    </>
  );
}
