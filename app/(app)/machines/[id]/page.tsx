import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { LiveStatus } from '@/components/telemetry/live-status';
import { MachineTerminalSection } from '@/components/terminals/machine-terminal';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function MachinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const m = await orNotFound(() => api.inventory.machines.get({ id }));
  const user = await getSessionUser();
  const t = await getTranslations();
  const tm = await getTranslations('machines');
  const locale = await getLocale();
  const format = await getFormatter();
  const canEdit = Boolean(user && can(user.scope.role, 'inventory.write'));
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (field === 'kind') return kindLabel(t as never, String(v));
    if (field === 'controlType') return t(`enums.controlType.${v}` as 'enums.controlType.PLC');
    if (field === 'status') return t(`enums.machineStatus.${v}` as 'enums.machineStatus.IDLE');
    if (field === 'networked') return v ? tm('yes') : tm('no');
    if (field === 'lineId') return m.lineNames[String(v)] ?? '—';
    return String(v);
  };
  const fieldLabel = (f: string) =>
    f === 'lineId' ? tm('location') : f === 'idealCycleS' ? t('machineIdealCycle.label') : t.has(`machines.${f}`) ? tm(f as 'kind') : f;
  return (
    <>
      <PageHeader title={`${m.assetTag} · ${kindLabel(t as never, m.kind)}`} intro={localName(locale, m.smeClient.legalName, m.smeClient.legalNameEn)}>
        <div className="flex flex-wrap gap-2">
          {canEdit ? (
            <LinkButton tone="primary" href={`/machines/${m.id}/edit`}>
              {t('actions.edit')}
            </LinkButton>
          ) : null}
          <LinkButton href={`/clients/${m.smeClientId}/machines`}>{t('actions.back')}</LinkButton>
        </div>
      </PageHeader>
      <div className="grid grid-cols-1 gap-6">
        <LiveStatus machineId={m.id} />
        <Card title={tm('detailTitle')}>
          <DefinitionList
            items={[
              [
                tm('assetTag'),
                <span key="a" className="font-mono">
                  {m.assetTag}
                </span>,
              ],
              [tm('kind'), kindLabel(t as never, m.kind)],
              [tm('maker'), m.maker ?? '—'],
              [tm('model'), m.model ?? '—'],
              [tm('year'), m.year ?? '—'],
              [tm('controlType'), t(`enums.controlType.${m.controlType}`)],
              [tm('networked'), m.networked ? tm('yes') : tm('no')],
              [tm('operatorsPerShift'), m.operatorsPerShift],
              [tm('shiftsPerDay'), m.shiftsPerDay],
              [t('machineIdealCycle.label'), m.idealCycleS === null ? t('machineIdealCycle.none') : format.number(m.idealCycleS, { maximumFractionDigits: 3 })],
              [tm('status'), <Badge key="s">{t(`enums.machineStatus.${m.status}`)}</Badge>],
              [tm('location'), m.line ? `${m.line.workshop.site.name} / ${m.line.workshop.name} / ${m.line.name}` : tm('unassigned')],
              [tm('notes'), m.notes ?? '—'],
            ]}
          />
        </Card>
        <MachineTerminalSection api={api} machineId={m.id} canManage={canEdit && user?.scope.kind === 'integrator'} />
        <Card title={tm('history')}>
          {m.history.length ? (
            <Table head={[tm('at'), tm('by'), tm('what')]}>
              {m.history.map((h) => (
                <tr key={h.id} data-testid="history-row" className="align-top">
                  <Td>{format.dateTime(h.at, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                  <Td>
                    {h.actorName ?? tm('unknownActor')}
                    <span className="block text-xs text-slate-500">
                      {h.kind === 'CREATE' ? tm('changeCreate') : tm('changeUpdate')} · {tm(`source${h.source}` as 'sourceFORM')}
                    </span>
                  </Td>
                  <Td className="whitespace-normal">
                    <ul className="space-y-0.5">
                      {Object.entries(h.changes).map(([field, [from, to]]) => (
                        <li key={field}>
                          <span className="text-slate-500">{fieldLabel(field)}:</span>{' '}
                          {h.kind === 'CREATE' ? value(field, to) : `${value(field, from)} → ${value(field, to)}`}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </Table>
          ) : (
            <Empty>{tm('noHistory')}</Empty>
          )}
        </Card>
      </div>
    </>
  );
}
