import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { UnknownKinds } from '@/components/machines/unknown-kinds';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { FilterPanel } from '@/components/ui/filter-panel';
import { DownloadButton, inputClass, LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { controlTypes, machineStatuses } from '@/server/domain/inventory/catalogue';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

type Search = { q?: string; line?: string; kind?: string; control?: string; status?: string; net?: string; sort?: string; dir?: string; page?: string };
const sorts = ['assetTag', 'kind', 'year', 'controlType', 'status', 'updatedAt'] as const;
const statusTone = { IN_SERVICE: 'teal', IDLE: 'amber', RETIRED: 'slate' } as const;

export default async function MachinesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const sp = await searchParams;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const user = await getSessionUser();
  const canEdit = Boolean(user && can(user.scope.role, 'inventory.write')) && !client.archivedAt;
  const t = await getTranslations();
  const tm = await getTranslations('machines');
  const locale = await getLocale();
  const page = pageFrom(sp.page);
  const pageSize = 50;
  const sort = (sorts as readonly string[]).includes(sp.sort ?? '') ? (sp.sort as (typeof sorts)[number]) : 'assetTag';
  const [level, locationId] = (sp.line ?? '').split(':'); // s:<site>, w:<workshop> or l:<line>
  const [list, hierarchy, unknownKinds] = await Promise.all([
    api.inventory.machines.list({
      smeClientId: id,
      q: sp.q || undefined,
      lineId: level === 'l' ? locationId : undefined,
      workshopId: level === 'w' ? locationId : undefined,
      siteId: level === 's' ? locationId : undefined,
      kind: sp.kind || undefined,
      controlType: (controlTypes as readonly string[]).includes(sp.control ?? '') ? (sp.control as 'PLC') : undefined,
      status: (machineStatuses as readonly string[]).includes(sp.status ?? '') ? (sp.status as 'IDLE') : undefined,
      networked: sp.net === '1' ? true : sp.net === '0' ? false : undefined,
      sort,
      dir: sp.dir === 'desc' ? 'desc' : 'asc',
      page,
      pageSize,
    }),
    api.inventory.hierarchy({ smeClientId: id }),
    api.inventory.unknownKinds({ smeClientId: id }),
  ]);
  return (
    <>
      <PageHeader title={`${tm('title')} · ${localName(locale, client.legalName, client.legalNameEn)}`} intro={canEdit ? tm('intro') : tm('readOnly')}>
        <div className="flex flex-wrap gap-2">
          {canEdit ? (
            <>
              <LinkButton tone="primary" href={`/clients/${id}/machines/new`}>
                {tm('new')}
              </LinkButton>
              <LinkButton href={`/clients/${id}/import`}>{tm('importSpreadsheet')}</LinkButton>
            </>
          ) : null}
          <DownloadButton href={`/api/v1/inventory/export?smeClientId=${id}&format=xlsx`}>{tm('exportXlsx')}</DownloadButton>
          <DownloadButton href={`/api/v1/inventory/export?smeClientId=${id}&format=csv`}>{tm('exportCsv')}</DownloadButton>
          <LinkButton href={`/clients/${id}`}>{t('actions.back')}</LinkButton>
        </div>
      </PageHeader>
      <UnknownKinds smeClientId={id} kinds={unknownKinds} canEdit={canEdit} />
      <Card>
        <FilterPanel active={[sp.q, sp.line, sp.kind, sp.control, sp.status, sp.net].filter(Boolean).length}>
          <form method="get" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <input name="q" defaultValue={sp.q} placeholder={tm('searchPlaceholder')} aria-label={t('actions.search')} className={inputClass} />
            <select name="line" defaultValue={sp.line ?? ''} aria-label={tm('location')} className={inputClass}>
              <option value="">{tm('allSites')}</option>
              {hierarchy.map((s) => (
                <optgroup key={s.id} label={s.name}>
                  <option value={`s:${s.id}`}>{s.name}</option>
                  {s.workshops.map((w) => [
                    <option key={w.id} value={`w:${w.id}`}>
                      {s.name} / {w.name}
                    </option>,
                    ...w.lines.map((l) => (
                      <option key={l.id} value={`l:${l.id}`}>
                        {s.name} / {w.name} / {l.name}
                      </option>
                    )),
                  ])}
                </optgroup>
              ))}
            </select>
            <select name="kind" defaultValue={sp.kind ?? ''} aria-label={tm('kind')} className={inputClass}>
              <option value="">{tm('allKinds')}</option>
              {client.byKind.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {kindLabel(t as never, k.kind)} ({k.count})
                </option>
              ))}
            </select>
            <select name="control" defaultValue={sp.control ?? ''} aria-label={tm('controlType')} className={inputClass}>
              <option value="">{tm('allControlTypes')}</option>
              {controlTypes.map((c) => (
                <option key={c} value={c}>
                  {t(`enums.controlType.${c}`)}
                </option>
              ))}
            </select>
            <select name="status" defaultValue={sp.status ?? ''} aria-label={tm('status')} className={inputClass}>
              <option value="">{tm('allStatuses')}</option>
              {machineStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.machineStatus.${s}`)}
                </option>
              ))}
            </select>
            <select name="net" defaultValue={sp.net ?? ''} aria-label={tm('networked')} className={inputClass}>
              <option value="">{tm('anyNetworked')}</option>
              <option value="1">
                {tm('networked')}: {tm('yes')}
              </option>
              <option value="0">
                {tm('networked')}: {tm('no')}
              </option>
            </select>
            <div className="flex gap-2">
              <select name="sort" defaultValue={sort} aria-label={t('clientList.sort')} className={inputClass}>
                {sorts.map((s) => (
                  <option key={s} value={s}>
                    {tm(s)}
                  </option>
                ))}
              </select>
              <select name="dir" defaultValue={sp.dir ?? 'asc'} aria-label={t('clientList.sort')} className={inputClass}>
                <option value="asc">{t('clientList.asc')}</option>
                <option value="desc">{t('clientList.desc')}</option>
              </select>
            </div>
            <div className="flex gap-2">
              <button type="submit" className="rounded-lg bg-teal-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-teal-800">
                {t('actions.search')}
              </button>
              <Link href={`/clients/${id}/machines`} className="rounded-lg border border-slate-300 px-3.5 py-2 text-sm text-slate-700 hover:bg-slate-50">
                {t('actions.reset')}
              </Link>
            </div>
          </form>
        </FilterPanel>
        {list.items.length ? (
          <Table
            head={[tm('assetTag'), tm('kind'), `${tm('maker')} / ${tm('model')}`, tm('year'), tm('controlType'), tm('networked'), tm('location'), tm('status')]}
          >
            {list.items.map((m) => (
              <tr key={m.id} className="hover:bg-slate-50" data-testid="machine-row">
                <Td className="font-mono font-medium">
                  <Link href={`/machines/${m.id}`} className="text-teal-800 hover:underline">
                    {m.assetTag}
                  </Link>
                </Td>
                <Td>{kindLabel(t as never, m.kind)}</Td>
                <Td className="max-w-[14rem] whitespace-normal" title={[m.maker, m.model].filter(Boolean).join(' ') || undefined}>
                  {[m.maker, m.model].filter(Boolean).join(' ') || '—'}
                </Td>
                <Td numeric>{m.year ?? '—'}</Td>
                <Td>{t(`enums.controlType.${m.controlType}`)}</Td>
                <Td>{m.networked ? tm('yes') : tm('no')}</Td>
                <Td
                  className="max-w-[16rem] truncate text-slate-600"
                  title={m.line ? `${m.line.workshop.site.name} / ${m.line.workshop.name} / ${m.line.name}` : undefined}
                >
                  {m.line ? `${m.line.workshop.site.name} / ${m.line.workshop.name} / ${m.line.name}` : tm('unassigned')}
                </Td>
                <Td pin>
                  <Badge tone={statusTone[m.status]}>{t(`enums.machineStatus.${m.status}`)}</Badge>
                </Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{tm('none')}</Empty>
        )}
        <Pagination
          basePath={`/clients/${id}/machines`}
          params={{ q: sp.q, line: sp.line, kind: sp.kind, control: sp.control, status: sp.status, net: sp.net, sort: sp.sort, dir: sp.dir }}
          page={page}
          pageSize={pageSize}
          total={list.total}
        />
      </Card>
    </>
  );
}
