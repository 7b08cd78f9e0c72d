import { getTranslations } from 'next-intl/server';
import { ArchiveButton } from '@/components/ui/archive-button';
import { DownloadButton, LinkButton } from '@/components/ui/form';

/** What can be done with a client: staff edit and import; everyone who sees it may list and export its machines. */
export async function ClientActions({ id, canEdit, archived }: { id: string; canEdit: boolean; archived: boolean }) {
  const t = await getTranslations();
  return (
    <div className="flex flex-wrap gap-2" data-testid="client-actions">
      <LinkButton tone="primary" href={`/clients/${id}/machines`}>
        {t('nav.machines')}
      </LinkButton>
      <LinkButton href={`/clients/${id}/assessments`}>{t('nav.assessments')}</LinkButton>
      <LinkButton href={`/clients/${id}/terminals`} data-testid="client-terminals-link">
        {t('terminals.link')}
      </LinkButton>
      {canEdit && !archived ? <LinkButton href={`/clients/${id}/projects/new`}>{t('projects.new')}</LinkButton> : null}
      {canEdit && !archived ? <LinkButton href={`/clients/${id}/import`}>{t('machines.importSpreadsheet')}</LinkButton> : null}
      <DownloadButton href={`/api/v1/inventory/export?smeClientId=${id}&format=xlsx`}>{t('machines.exportXlsx')}</DownloadButton>
      <DownloadButton href={`/api/v1/inventory/export?smeClientId=${id}&format=csv`}>{t('machines.exportCsv')}</DownloadButton>
      {canEdit && !archived ? <LinkButton href={`/clients/${id}/edit`}>{t('actions.edit')}</LinkButton> : null}
      {canEdit ? <ArchiveButton kind="client" id={id} archived={archived} /> : null}
    </div>
  );
}
