/**
 * Reads CSV and XLSX files row by row: CSV through csv-parse in one synchronous pass, XLSX through the import's own
 * reader (xlsx-read.ts), which streams the chosen sheet without holding it in memory. The header row is found: when the visitor
 * scores rows, the first of the opening rows that names two columns (title rows, notes and merged title cells above it
 * are skipped), else the widest of them; without a score, the first non-blank row.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../domain/errors/app-error';
import { type ChosenEncoding, decodeCsv, sniffFileKind, type TextEncodingName } from '../../domain/inventory/file-kind';
import { isBlank, type RawCell } from '../../domain/inventory/values';
import { log } from '../../log';
import { readXlsx } from './xlsx-read';

export const importLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 50_000 } as const;
/** Rows read beyond the data rows that a full file may still have: its header and a few blank lines. */
const readSlack = 100;
/** Non-blank rows looked at for the header before the widest of them is taken. */
const headerSearchRows = 30;

export type SheetVisitor = {
  /** How many cells of a row name a known column; a row scoring 2 or more is the header. */
  headerScore?(cells: string[]): number;
  /** Called once with the header row; throw to stop. */
  header(cells: string[], rowNumber: number): void;
  /** Called for each row after the header (blank rows included: the visitor skips them). */
  row(rowNumber: number, cells: RawCell[]): void;
};

export type ScanResult = {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  /** False when the CSV's encoding was guessed (the UI shows the sample and lets the user choose). */
  encodingCertain: boolean;
  /** The first lines of a CSV as decoded, for the user to judge the encoding. */
  sample: string[];
  sheets: string[];
  sheet: string | null;
  /** The row taken as the header, numbered as the spreadsheet shows it. */
  headerRow: number | null;
  dataRows: number;
};

/**
 * Reads an uploaded file, judged by its content, calling the visitor row by row. Every row read counts toward the
 * limit, blank ones included (a file of 600,000 blank rows stops at the limit, not after the last one).
 */
export async function scanSpreadsheet(
  bytes: Uint8Array,
  opts: { sheet?: string | null; encoding?: ChosenEncoding | null },
  visitor: SheetVisitor,
): Promise<ScanResult> {
  if (bytes.byteLength > importLimits.maxBytes) throw new AppError('BAD_REQUEST', 'import.fileTooLarge', { maxMb: importLimits.maxBytes / 1024 / 1024 });
  if (bytes.byteLength === 0) throw new AppError('BAD_REQUEST', 'import.emptyFile');
  const kind = sniffFileKind(bytes);
  if (kind === 'xls') throw new AppError('BAD_REQUEST', 'import.oldExcel');
  if (kind === 'unknown') throw new AppError('BAD_REQUEST', 'import.unknownFormat');
  const state = { header: false, headerRow: null as number | null, dataRows: 0, read: 0 };
  const texts = (cells: RawCell[]) => cells.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)));
  const pending: { rowNumber: number; cells: RawCell[]; score: number; width: number }[] = [];
  const takeHeader = (rowNumber: number, cells: RawCell[]) => {
    state.header = true;
    state.headerRow = rowNumber;
    visitor.header(texts(cells), rowNumber);
  };
  const data = (rowNumber: number, cells: RawCell[]) => {
    if (cells.every(isBlank)) return visitor.row(rowNumber, cells);
    state.dataRows++;
    visitor.row(rowNumber, cells);
  };
  // none of the opening rows names two columns: the best-scoring, then widest, is the header; the rows below it are data
  const settle = () => {
    const best = pending.reduce((b, r) => (r.score > b.score || (r.score === b.score && r.width > b.width) ? r : b), pending[0] as (typeof pending)[number]);
    takeHeader(best.rowNumber, best.cells);
    for (const r of pending.splice(0)) if (r.rowNumber > best.rowNumber) data(r.rowNumber, r.cells);
  };
  const tooMany = () => new AppError('BAD_REQUEST', 'import.tooManyRows', { max: importLimits.maxRows });
  const feed = (rowNumber: number, cells: RawCell[]) => {
    if (++state.read > importLimits.maxRows + readSlack) throw tooMany();
    if (state.header) return data(rowNumber, cells);
    if (cells.every(isBlank)) return;
    if (!visitor.headerScore) return takeHeader(rowNumber, cells);
    const score = visitor.headerScore(texts(cells));
    if (score >= 2) {
      pending.length = 0;
      return takeHeader(rowNumber, cells);
    }
    pending.push({ rowNumber, cells, score, width: cells.filter((c) => !isBlank(c)).length });
    if (pending.length >= headerSearchRows) settle();
  };
  const finish = (r: Omit<ScanResult, 'dataRows' | 'encodingCertain' | 'sample' | 'headerRow'> & Partial<ScanResult>): ScanResult => {
    if (!state.header && pending.length) settle();
    if (!state.header) throw new AppError('BAD_REQUEST', 'import.emptyFile');
    return { encodingCertain: true, sample: [], ...r, headerRow: state.headerRow, dataRows: state.dataRows };
  };

  if (kind === 'csv') {
    const { text, encoding, certain } = decodeCsv(bytes, opts.encoding);
    const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const delimiter = [',', '\t', ';'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
    // every usual line ending, even mixed in one file (a CRLF header over LF rows must not merge rows). Parsed in one
    // synchronous pass, each record handed on as it is read (an async iteration costs more than the parse).
    // Empty lines are skipped by the parser but counted (info.empty_lines): a row's number and the rows read include
    // them. (Passing them through costs csv-parse an error object per line: 60 µs each, seconds for a file of them.)
    let n = 0;
    try {
      const lf = Buffer.from(text.replace(/\r\n?/g, '\n'));
      let consumed = 0;
      parseCsv(lf, {
        delimiter,
        record_delimiter: '\n',
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        on_record(record: string[], info: { records: number; empty_lines: number; bytes: number }) {
          n = info.records + info.empty_lines;
          consumed = info.bytes;
          state.read = n - 1;
          feed(n, record);
          return null;
        },
      });
      // the empty lines after the last record count too
      let trailing = 0;
      for (let i = lf.indexOf(10, consumed); i !== -1; i = lf.indexOf(10, i + 1)) trailing++;
      if (n + trailing > importLimits.maxRows + readSlack) throw tooMany();
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('BAD_REQUEST', 'import.badCsv', { row: n + 1 });
    }
    // the sample is for the user to judge a guess or their own choice; a certain detection needs none
    const sample = certain && !opts.encoding ? [] : sampleLines(text);
    return finish({ format: 'csv', encoding, encodingCertain: certain, sample, sheets: [], sheet: null });
  }

  let read: { sheets: string[]; sheet: string | null };
  try {
    read = await readXlsx(bytes, {
      choose: (names) => (opts.sheet ? (names.includes(opts.sheet) ? opts.sheet : null) : (names[0] ?? null)),
      row: (rowNumber, cells) => feed(rowNumber, cells),
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    log.warn({ err: e }, 'xlsx could not be read');
    throw new AppError('BAD_REQUEST', 'import.badXlsx');
  }
  if (opts.sheet && read.sheet === null) throw new AppError('BAD_REQUEST', 'import.sheetNotFound', { sheet: opts.sheet });
  return finish({ format: 'xlsx', encoding: null, sheets: read.sheets, sheet: read.sheet });
}

/** The first lines of a decoded CSV (each cut at 200 characters), for the user to judge the encoding. */
function sampleLines(text: string): string[] {
  return text
    .slice(0, 20_000)
    .split(/\r\n?|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 6)
    .map((l) => l.slice(0, 200));
}
