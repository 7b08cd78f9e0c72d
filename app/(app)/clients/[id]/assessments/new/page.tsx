import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssessmentForm } from '@/components/maturity/assessment-form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { shanghaiToday } from '@/server/domain/time';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function NewAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const t = await getTranslations('assessments');
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={`${t('new')} · ${localName(locale, client.legalName, client.legalNameEn)}`} intro={t('intro')} />
      <AssessmentForm
        smeClientId={id}
        today={shanghaiToday()}
        initial={{
          assessedOn: shanghaiToday(),
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
