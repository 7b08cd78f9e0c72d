import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportWizard } from '@/components/inventory/import-wizard';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function TerminalImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={`${t('terminals.importTitle')} · ${localName(locale, client.legalName, client.legalNameEn)}`} intro={t('terminals.importIntro')}>
        <LinkButton href={`/clients/${id}/terminals`}>{t('terminals.pageTitle')}</LinkButton>
      </PageHeader>
      <ImportWizard
        endpoint="/api/v1/terminals/import"
        fields={{ smeClientId: id }}
        templateBase="/api/v1/terminals/template"
        doneHref={`/clients/${id}/terminals`}
        doneLabel={t('terminals.viewTerminals')}
        maxMb={importLimits.maxBytes / 1024 / 1024}
        maxRows={importLimits.maxRows}
        counter="terminals"
      />
    </>
  );
}
