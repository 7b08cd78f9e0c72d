/**
 * Reads CSV and XLSX files row by row without holding the whole sheet in memory: CSV through
 * csv-parse's stream, XLSX through ExcelJS's streaming workbook reader. The first non-blank row
 * is the header.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../../domain/errors/app-error';
import { decodeCsv, sniffFileKind, type TextEncodingName } from '../../domain/inventory/file-kind';
import { isBlank, type RawCell } from '../../domain/inventory/values';
import { log } from '../../log';

export const importLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 50_000 } as const;

export type SheetVisitor = {
  /** Called once with the header row; throw to stop. */
  header(cells: string[], rowNumber: number): void;
  /** Called for each row after the header (blank rows included: the visitor skips them). */
  row(rowNumber: number, cells: RawCell[]): void;
};

export type ScanResult = { format: 'csv' | 'xlsx'; encoding: TextEncodingName | null; sheets: string[]; sheet: string | null; dataRows: number };

/** Reads an uploaded file, judged by its content, calling the visitor row by row. */
export async function scanSpreadsheet(bytes: Uint8Array, opts: { sheet?: string | null }, visitor: SheetVisitor): Promise<ScanResult> {
  if (bytes.byteLength > importLimits.maxBytes) throw new AppError('BAD_REQUEST', 'import.fileTooLarge', { maxMb: importLimits.maxBytes / 1024 / 1024 });
  const kind = sniffFileKind(bytes);
  if (kind === 'xls') throw new AppError('BAD_REQUEST', 'import.oldExcel');
  if (kind === 'unknown') throw new AppError('BAD_REQUEST', 'import.unknownFormat');
  const state = { header: false, dataRows: 0 };
  const feed = (rowNumber: number, cells: RawCell[]) => {
    if (!state.header) {
      if (cells.every(isBlank)) return;
      state.header = true;
      visitor.header(
        cells.map((c) => (c === null || c === undefined ? '' : String(c))),
        rowNumber,
      );
      return;
    }
    if (cells.every(isBlank)) return visitor.row(rowNumber, cells);
    state.dataRows++;
    if (state.dataRows > importLimits.maxRows) throw new AppError('BAD_REQUEST', 'import.tooManyRows', { max: importLimits.maxRows });
    visitor.row(rowNumber, cells);
  };
  const finish = (r: Omit<ScanResult, 'dataRows'>): ScanResult => {
    if (!state.header) throw new AppError('BAD_REQUEST', 'import.emptyFile');
    return { ...r, dataRows: state.dataRows };
  };

  if (kind === 'csv') {
    const { text, encoding } = decodeCsv(bytes);
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const delimiter = [',', '\t', ';'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
    // every usual line ending, even mixed in one file (a CRLF header over LF rows must not merge rows)
    const parser = Readable.from([text.replace(/\r\n?/g, '\n')]).pipe(
      parse({ delimiter, record_delimiter: '\n', relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
    );
    let n = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) feed(++n, record);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('BAD_REQUEST', 'import.badCsv', { row: n + 1 });
    }
    return finish({ format: 'csv', encoding, sheets: [], sheet: null });
  }

  const sheets: string[] = [];
  let chosen: string | null = null;
  const visit = (name: string) => {
    sheets.push(name);
    const take = chosen === null && (opts.sheet ? name === opts.sheet : true);
    if (take) chosen = name;
    return take;
  };
  try {
    if (await streamable(bytes)) {
      // the common case: row by row, never the whole sheet in memory
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        worksheets: 'emit',
        entries: 'emit',
      } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
      for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
        const take = visit(ws.name);
        for await (const row of ws) if (take) feed(row.number, (row.values as unknown[]).slice(1).map(cellValue));
      }
    } else {
      // sheets stored before their shared strings: the streaming reader would have to buffer them (and can lose
      // rows doing so), so such files are read whole
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      for (const ws of wb.worksheets) {
        const take = visit(ws.name);
        if (take) ws.eachRow({ includeEmpty: false }, (row) => feed(row.number, (row.values as unknown[]).slice(1).map(cellValue)));
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    log.warn({ err: e }, 'xlsx could not be read');
    throw new AppError('BAD_REQUEST', 'import.badXlsx');
  }
  if (opts.sheet && chosen === null) throw new AppError('BAD_REQUEST', 'import.sheetNotFound', { sheet: opts.sheet });
  return finish({ format: 'xlsx', encoding: null, sheets, sheet: chosen });
}

/** True when the workbook's shared strings and relations come before its worksheets in the zip (streamable). */
async function streamable(bytes: Uint8Array): Promise<boolean> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const firstSheet = names.findIndex((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const strings = names.indexOf('xl/sharedStrings.xml');
  const rels = names.indexOf('xl/_rels/workbook.xml.rels');
  return firstSheet === -1 || ((strings === -1 || strings < firstSheet) && (rels === -1 || rels < firstSheet));
}

/** ExcelJS cell values (rich text, formulas, hyperlinks, errors) as plain values. */
function cellValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}
