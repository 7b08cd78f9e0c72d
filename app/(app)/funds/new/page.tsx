import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FundForm } from '@/components/funds/fund-form';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { shanghaiToday } from '@/server/domain/time';

export default async function NewFundPage() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'county') notFound();
  const t = await getTranslations('fundAdmin');
  const today = shanghaiToday();
  return (
    <>
      <PageHeader title={t('new')} />
      <FundForm
        initial={{
          name: '',
          nameEn: '',
          budget: '1000000',
          periodStart: today,
          periodEnd: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          sectors: [],
          evidence: ['CONTRACT', 'INVOICES'],
          rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }],
          batches: [],
        }}
      />
    </>
  );
}
