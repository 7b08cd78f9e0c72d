/**
 * Export of machines as CSV or XLSX, in the same columns the import reads, so that an export re-imports unchanged.
 * Streamed: machines are read in pages by (SME, asset tag) and each page is written before the next is read, so
 * memory stays flat with the row count; the factories, workshops and lines are read once beside them.
 */
import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { type ColumnKey, exportColumns, templateHeaders } from '../../domain/inventory/columns';
import { shanghaiToday } from '../../domain/time';
import type { AppLocale } from '../../i18n/locales';
import { messagesFor } from '../../i18n/messages';
import { contentTypes, defaultSheetName, type ExportFile, type ExportFormat, type ExportStream, spreadsheetStream, writeFile } from './export-files';

/** Machines read per query while the file is written. */
export const EXPORT_PAGE = 2_000;

function labels(locale: AppLocale) {
  const m = messagesFor(locale);
  return {
    kind: m.enums.machineKind as Record<string, string>,
    control: m.enums.controlType as Record<string, string>,
    status: m.enums.machineStatus as Record<string, string>,
    yes: locale === 'zh-CN' ? '是' : 'Yes',
    no: locale === 'zh-CN' ? '否' : 'No',
  };
}

const stamp = () => shanghaiToday();

const machineSelect = {
  smeClientId: true,
  assetTag: true,
  lineId: true,
  kind: true,
  maker: true,
  model: true,
  year: true,
  controlType: true,
  networked: true,
  operatorsPerShift: true,
  shiftsPerDay: true,
  status: true,
  notes: true,
} as const;

function machinePage(db: ScopedDb, smeClientId: string, after: string | null) {
  return db.machine.findMany({
    where: { smeClientId, ...(after === null ? {} : { assetTag: { gt: after } }) },
    orderBy: { assetTag: 'asc' },
    take: EXPORT_PAGE,
    select: machineSelect,
  });
}

/** Machines of one SME, or of every SME in a cluster (then with an SME column first), as a stream. */
export async function exportMachines(
  db: ScopedDb,
  /** Where the pages are read while the file streams: a handle that does not end with the request's transaction. */
  pagesDb: ScopedDb,
  input: { smeClientId?: string; clusterId?: string; format: ExportFormat; locale: AppLocale },
): Promise<ExportStream> {
  let smeIds: string[];
  let name: string;
  const smeNames = new Map<string, string>();
  if (input.smeClientId) {
    const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true, legalName: true } });
    if (!sme) throw new AppError('NOT_FOUND');
    smeIds = [sme.id];
    smeNames.set(sme.id, sme.legalName);
    name = sme.legalName;
  } else if (input.clusterId) {
    const cluster = await db.cluster.findUnique({ where: { id: input.clusterId }, select: { name: true } });
    if (!cluster) throw new AppError('NOT_FOUND');
    const smes = await db.smeClient.findMany({ where: { memberships: { some: { clusterId: input.clusterId } } }, select: { id: true, legalName: true } });
    for (const s of smes) smeNames.set(s.id, s.legalName);
    smeIds = smes.map((s) => s.id).sort();
    name = cluster.name;
  } else throw new AppError('BAD_REQUEST');

  const lines = await db.productionLine.findMany({
    where: { smeClientId: { in: smeIds } },
    select: { id: true, name: true, workshop: { select: { name: true, site: { select: { name: true } } } } },
  });
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const l = labels(input.locale);
  const cols: ColumnKey[] = input.clusterId ? ['sme', ...exportColumns] : [...exportColumns];
  const headers = cols.map((k) => templateHeaders[input.locale][k]);

  async function* rows() {
    // SME by SME, each in pages by asset tag (the (smeClientId, assetTag) key serves every page)
    for (const smeClientId of smeIds) {
      let after: string | null = null;
      for (;;) {
        const page = await machinePage(pagesDb, smeClientId, after);
        for (const m of page) {
          const line = m.lineId ? lineById.get(m.lineId) : undefined;
          const byKey: Record<ColumnKey, string | number | null> = {
            sme: smeNames.get(m.smeClientId) ?? null,
            site: line?.workshop.site.name ?? null,
            workshop: line?.workshop.name ?? null,
            line: line?.name ?? null,
            assetTag: m.assetTag,
            kind: l.kind[m.kind] ?? m.kind,
            maker: m.maker,
            model: m.model,
            year: m.year,
            controlType: l.control[m.controlType] ?? m.controlType,
            networked: m.networked ? l.yes : l.no,
            operatorsPerShift: m.operatorsPerShift,
            shiftsPerDay: m.shiftsPerDay,
            status: l.status[m.status] ?? m.status,
            notes: m.notes,
          };
          yield cols.map((k) => byKey[k]);
        }
        if (page.length < EXPORT_PAGE) break;
        after = page[page.length - 1]?.assetTag ?? null;
      }
    }
  }
  return {
    fileName: `${name}-${input.locale === 'zh-CN' ? '设备清单' : 'machines'}-${stamp()}.${input.format}`,
    contentType: contentTypes[input.format],
    body: spreadsheetStream(input.format, headers, rows(), defaultSheetName(headers)),
  };
}

/** An empty template with the headers in one language; the XLSX one explains every column. */
export async function machineTemplate(input: { format: ExportFormat; locale: AppLocale }): Promise<ExportFile> {
  const m = messagesFor(input.locale);
  const headers = exportColumns.map((k) => templateHeaders[input.locale][k]);
  const help = m.inventoryImport.templateHelp as Record<string, string>;
  const extra = {
    name: input.locale === 'zh-CN' ? '填写说明' : 'How to fill in',
    rows: [[m.inventoryImport.templateColumn, m.inventoryImport.templateRule], ...exportColumns.map((k) => [templateHeaders[input.locale][k], help[k] ?? ''])],
  };
  const bytes = await writeFile(input.format, headers, [], input.format === 'xlsx' ? extra : undefined);
  return { fileName: `${input.locale === 'zh-CN' ? '设备清单模板' : 'machine-template'}.${input.format}`, contentType: contentTypes[input.format], bytes };
}
