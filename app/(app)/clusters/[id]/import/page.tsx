import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImportWizard } from '@/components/inventory/import-wizard';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

/** Import into the SMEs of a cluster at once: each row names its SME (as a cluster export does). */
export default async function ClusterImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const cluster = await orNotFound(() => api.clusters.get({ id }));
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={`${t('inventoryImport.title')} · ${localName(locale, cluster.name, cluster.nameEn)}`} intro={t('inventoryImport.clusterIntro')}>
        <LinkButton href={`/clusters/${id}`}>{t('actions.back')}</LinkButton>
      </PageHeader>
      <ImportWizard
        endpoint="/api/v1/inventory/import"
        fields={{ clusterId: id }}
        templateBase="/api/v1/inventory/template"
        doneHref={`/clusters/${id}`}
        doneLabel={t('nav.clusters')}
        maxMb={importLimits.maxBytes / 1024 / 1024}
        maxRows={importLimits.maxRows}
      />
    </>
  );
}
