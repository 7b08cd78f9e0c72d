import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ImportWizard } from '@/components/inventory/import-wizard';
import { LinkButton } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { importLimits } from '@/server/services/inventory/spreadsheet';

export default async function AssessmentImportPage() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t('assessments.importTitle')} intro={t('assessments.importIntro')}>
        <LinkButton href="/clients">{t('nav.clients')}</LinkButton>
      </PageHeader>
      <ImportWizard
        endpoint="/api/v1/assessments/import"
        fields={{}}
        templateBase="/api/v1/assessments/template"
        doneHref="/clusters"
        doneLabel={t('nav.clusters')}
        maxMb={importLimits.maxBytes / 1024 / 1024}
        maxRows={importLimits.maxRows}
        counter="assessments"
      />
    </>
  );
}
