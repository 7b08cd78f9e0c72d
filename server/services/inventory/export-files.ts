/**
 * The app's spreadsheet files: CSV (UTF-8 with BOM, so Excel opens Chinese correctly) and XLSX (xlsx-write.ts), small
 * ones whole and large ones as a stream of bytes. Text that a spreadsheet would run as a formula is neutralised with
 * a leading apostrophe (which the import removes).
 */
import { neutraliseFormula } from '../../domain/inventory/values';
import { type XlsxCell, xlsxBytes, xlsxStream } from './xlsx-write';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFile = { fileName: string; contentType: string; bytes: Uint8Array };
/** A file written as it is read: `body` is consumed once (by the download, or by `readAll`). */
export type ExportStream = { fileName: string; contentType: string; body: AsyncIterable<Uint8Array> };

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

const neutralised = (r: Cell[]): XlsxCell[] => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v));
const columnWidths = (headers: string[]) => headers.map((h) => Math.max(10, h.length * 2 + 4));

/** A CSV as a stream: the BOM and header first, then each batch of rows as it arrives. */
export async function* csvStream(headers: string[], rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(`\uFEFF${headers.map(csvField).join(',')}\r\n`);
  let batch: string[] = [];
  for await (const r of rows as AsyncIterable<Cell[]>) {
    batch.push(`${r.map(csvField).join(',')}\r\n`);
    if (batch.length >= 1_000) {
      yield encoder.encode(batch.join(''));
      batch = [];
    }
  }
  if (batch.length) yield encoder.encode(batch.join(''));
}

/** One sheet (and an optional second), header row in bold, as a stream. */
export function spreadsheetStream(
  format: ExportFormat,
  headers: string[],
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>,
  sheetName: string,
  extraSheet?: { name: string; rows: string[][] },
): AsyncIterable<Uint8Array> {
  if (format === 'csv') return csvStream(headers, rows);
  async function* withHeader() {
    yield headers;
    for await (const r of rows as AsyncIterable<Cell[]>) yield neutralised(r);
  }
  return xlsxStream([
    { name: sheetName, widths: columnWidths(headers), boldFirstRow: true, rows: withHeader() },
    ...(extraSheet ? [{ name: extraSheet.name, rows: extraSheet.rows }] : []),
  ]);
}

/** A small file whole (templates, error reports, the audit log). */
export async function writeFile(
  format: ExportFormat,
  headers: string[],
  rows: Iterable<Cell[]>,
  extraSheet?: { name: string; rows: string[][] },
  sheetName?: string,
): Promise<Uint8Array> {
  if (format === 'xlsx')
    return xlsxBytes([
      { name: sheetName ?? defaultSheetName(headers), widths: columnWidths(headers), boldFirstRow: true, rows: [headers, ...[...rows].map(neutralised)] },
      ...(extraSheet ? [{ name: extraSheet.name, rows: extraSheet.rows }] : []),
    ]);
  return readAll(csvStream(headers, rows));
}

/** The machine sheet's name in the file's language. */
export function defaultSheetName(headers: string[]): string {
  return headers[0] === '厂区' || headers.includes('企业') ? '设备清单' : 'Machines';
}

export async function readAll(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of body) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}
