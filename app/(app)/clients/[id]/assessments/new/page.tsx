import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssessmentForm } from '@/components/maturity/assessment-form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function NewAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const t = await getTranslations('assessments');
  const locale = await getLocale();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // the date in Asia/Shanghai
  return (
    <>
      <PageHeader title={`${t('new')} · ${localName(locale, client.legalName, client.legalNameEn)}`} intro={t('intro')} />
      <AssessmentForm
        smeClientId={id}
        initial={{
          assessedOn: today,
          kind: 'INTEGRATOR',
          assessorName: user.name,
          evidence: [],
          overrides: [],
          nationalLevel: null,
          nationalScore: null,
          notes: null,
        }}
      />
    </>
  );
}
