import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClaimDraftForm } from '@/components/claims/claim-draft-form';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function NewClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const p = await orNotFound(() => api.projects.get({ id }));
  const funds = await api.funds.list();
  const locale = await getLocale();
  const t = await getTranslations('claims');
  return (
    <>
      <PageHeader title={`${t('draftTitle')} · ${p.number}`} intro={t('intro')} />
      <Card>
        <ClaimDraftForm
          projectId={p.id}
          funds={funds.map((f) => ({ id: f.id, name: localName(locale, f.name, f.nameEn), batches: f.batches.map((b) => ({ id: b.id, name: b.name })) }))}
        />
      </Card>
    </>
  );
}
