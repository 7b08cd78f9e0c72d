import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FundForm } from '@/components/funds/fund-form';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { fenToDecimal } from '@/server/domain/money/money';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function EditFundPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'county') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const f = await orNotFound(() => api.fundAdmin.getForEdit({ id }));
  const t = await getTranslations('fundAdmin');
  return (
    <>
      <PageHeader title={`${t('edit')} · ${f.name}`} intro={t('rulesVersionNote')} />
      <FundForm
        id={id}
        initial={{
          name: f.name,
          nameEn: f.nameEn ?? '',
          budget: fenToDecimal(f.budgetFen),
          periodStart: day(f.periodStart),
          periodEnd: day(f.periodEnd),
          sectors: f.sectors,
          evidence: f.evidenceRequired,
          rules: f.rules,
          batches: f.batches.map((b) => ({
            name: b.name,
            opensOn: day(b.opensOn),
            closesOn: day(b.closesOn),
            rate: b.rateBp === null ? '' : String(b.rateBp / 100),
          })),
        }}
      />
    </>
  );
}
