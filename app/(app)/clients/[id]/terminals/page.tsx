import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ShiftCalendarEditor } from '@/components/terminals/shift-calendar';
import { SmeTerminals } from '@/components/terminals/sme-terminals';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

/** An SME's terminals and gateways, the bulk registration, and its shift calendar. */
export default async function ClientTerminalsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const calendar = await api.shiftCalendar.get({ smeClientId: id });
  const user = await getSessionUser();
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const canManage = Boolean(user && user.scope.kind === 'integrator' && can(user.scope.role, 'inventory.write')) && !client.archivedAt;
  return (
    <>
      <PageHeader title={`${t('terminals.pageTitle')} · ${localName(locale, client.legalName, client.legalNameEn)}`} intro={t('terminals.pageIntro')}>
        <div className="flex flex-wrap gap-2">
          {canManage ? (
            <LinkButton tone="primary" href={`/clients/${id}/terminals/import`} data-testid="terminals-import-link">
              {t('terminals.import')}
            </LinkButton>
          ) : null}
          <LinkButton href={`/clients/${id}`}>{t('actions.back')}</LinkButton>
        </div>
      </PageHeader>
      <div className="grid grid-cols-1 gap-6">
        <SmeTerminals api={api} smeClientId={id} canManage={canManage} />
        <Card title={t('shiftCalendar.title')}>
          <p className="mb-3 text-sm text-slate-600">{t('shiftCalendar.intro')}</p>
          {calendar.updatedAt && !calendar.usesDefault ? (
            <p className="mb-3 text-xs text-slate-500">
              {t('shiftCalendar.updated', {
                time: format.dateTime(calendar.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                name: calendar.updatedByName ?? '—',
              })}
            </p>
          ) : null}
          <ShiftCalendarEditor
            smeClientId={id}
            calendar={calendar.calendar}
            usesDefault={calendar.usesDefault}
            replanning={calendar.replanning}
            canEdit={canManage}
          />
        </Card>
      </div>
    </>
  );
}
