/**
 * Export of machines as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or XLSX, in the
 * same columns the import reads, so that an export re-imports unchanged. Text that a spreadsheet
 * would run as a formula is neutralised with a leading apostrophe (which the import removes).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { type ColumnKey, exportColumns, templateHeaders } from '../../domain/inventory/columns';
import { neutraliseFormula } from '../../domain/inventory/values';
import { shanghaiToday } from '../../domain/time';
import type { AppLocale } from '../../i18n/locales';
import { messagesFor } from '../../i18n/messages';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFile = { fileName: string; contentType: string; bytes: Uint8Array };

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

type Cell = string | number | null;

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeFile(
  format: ExportFormat,
  headers: string[],
  rows: Iterable<Cell[]>,
  extraSheet?: { name: string; rows: string[][] },
  sheetName?: string,
): Promise<Uint8Array> {
  if (format === 'csv') {
    const lines = [headers.map(csvField).join(',')];
    for (const r of rows) lines.push(r.map(csvField).join(','));
    return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  // inline strings: a streaming reader then never waits for a shared-strings part written after the sheets
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(sheetName ?? (headers[0] === templateHeaders['zh-CN'].site || headers.includes('企业') ? '设备清单' : 'Machines'));
  ws.columns = headers.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))).commit();
  ws.commit();
  if (extraSheet) {
    const info = wb.addWorksheet(extraSheet.name);
    for (const r of extraSheet.rows) info.addRow(r).commit();
    info.commit();
  }
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

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

/** Machines of one SME, or of every SME in a cluster (then with an SME column first). */
export async function exportMachines(
  db: ScopedDb,
  input: { smeClientId?: string; clusterId?: string; format: ExportFormat; locale: AppLocale },
): Promise<ExportFile> {
  let where: { smeClientId: string } | { smeClient: { memberships: { some: { clusterId: string } } } };
  let name: string;
  if (input.smeClientId) {
    const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { legalName: true } });
    if (!sme) throw new AppError('NOT_FOUND');
    where = { smeClientId: input.smeClientId };
    name = sme.legalName;
  } else if (input.clusterId) {
    const cluster = await db.cluster.findUnique({ where: { id: input.clusterId }, select: { name: true } });
    if (!cluster) throw new AppError('NOT_FOUND');
    where = { smeClient: { memberships: { some: { clusterId: input.clusterId } } } };
    name = cluster.name;
  } else throw new AppError('BAD_REQUEST');

  const machines = await db.machine.findMany({
    where,
    orderBy: [{ smeClientId: 'asc' }, { assetTag: 'asc' }],
    select: {
      assetTag: true,
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
      smeClient: { select: { legalName: true } },
      line: { select: { name: true, workshop: { select: { name: true, site: { select: { name: true } } } } } },
    },
  });
  const l = labels(input.locale);
  const cols: ColumnKey[] = input.clusterId ? ['sme', ...exportColumns] : [...exportColumns];
  const headers = cols.map((k) => templateHeaders[input.locale][k]);
  const rows = machines.map((m) => {
    const byKey: Record<ColumnKey, Cell> = {
      sme: m.smeClient.legalName,
      site: m.line?.workshop.site.name ?? null,
      workshop: m.line?.workshop.name ?? null,
      line: m.line?.name ?? null,
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
    return cols.map((k) => byKey[k]);
  });
  const bytes = await writeFile(input.format, headers, rows);
  return {
    fileName: `${name}-${input.locale === 'zh-CN' ? '设备清单' : 'machines'}-${stamp()}.${input.format}`,
    contentType: contentTypes[input.format],
    bytes,
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
