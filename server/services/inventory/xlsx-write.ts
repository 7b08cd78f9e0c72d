/**
 * A streaming XLSX writer for the app's exports: rows are turned into sheet XML in batches, each batch deflated and
 * handed on as soon as it is ready, so memory stays flat with the row count and the first bytes leave before the last
 * row is read. What it writes is what the exports need and every spreadsheet reads: inline strings (a streaming
 * reader never waits for a shared-strings part), numbers, a bold header row, column widths. The zip's parts carry
 * data descriptors (their sizes are known only once written) and a central directory at the end.
 */
import zlib from 'node:zlib';

export type XlsxCell = string | number | null;
export type XlsxSheet = {
  name: string;
  /** Column widths in characters. */
  widths?: number[];
  boldFirstRow?: boolean;
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>;
};

/** Rows per deflated batch: ~100 KB of sheet XML. */
const BATCH_ROWS = 500;
const DEFLATE_LEVEL = 6;

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Text as XML character data: markup escaped, characters XML cannot hold written as Excel's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is what this does
  if (!/[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/.test(s)) return s;
  return (
    s
      // a literal _x0041_ in the text must not read back as an escape: its underscore is escaped itself
      .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is what this does
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
  );
}

function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function rowXml(r: number, cells: XlsxCell[], cols: string[], style: string): string {
  let out = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined || v === '') continue;
    const ref = `${cols[i] ?? columnName(i)}${r}`;
    if (typeof v === 'number') {
      out += Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
      continue;
    }
    const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
    out += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
  }
  return `${out}</row>`;
}

async function* sheetXml(sheet: XlsxSheet): AsyncGenerator<string> {
  const widths = sheet.widths ?? [];
  const cols = Array.from({ length: Math.max(widths.length, 26) }, (_, i) => columnName(i));
  let head = `${xmlHead}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`;
  if (widths.length)
    head += `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('')}</cols>`;
  yield `${head}<sheetData>`;
  let r = 0;
  let batch: string[] = [];
  for await (const cells of sheet.rows as AsyncIterable<XlsxCell[]>) {
    r++;
    batch.push(rowXml(r, cells, cols, r === 1 && sheet.boldFirstRow ? ' s="1"' : ''));
    if (batch.length >= BATCH_ROWS) {
      yield batch.join('');
      batch = [];
    }
  }
  yield `${batch.join('')}</sheetData></worksheet>`;
}

type Written = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

/** The zip framing around parts whose content arrives in pieces. */
class ZipStream {
  private offset = 0;
  private readonly written: Written[] = [];

  /** Local header, deflated pieces, data descriptor: yielded as they are made. */
  async *part(name: string, pieces: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Uint8Array> {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 name
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry: Written = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset };
    yield this.count(Buffer.concat([header, nameBytes]));
    let pending: Buffer | null = null;
    const deflate = (buf: Buffer, last: boolean) => {
      entry.crc = zlib.crc32(buf, entry.crc);
      entry.size += buf.length;
      const out = zlib.deflateRawSync(buf, { level: DEFLATE_LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
      entry.compressed += out.length;
      return this.count(out);
    };
    // each piece is deflated on its own and ends with a sync flush, so the pieces join into one deflate stream;
    // the last one finishes it
    for await (const piece of pieces as AsyncIterable<string>) {
      if (pending) yield deflate(pending, false);
      pending = Buffer.from(piece, 'utf8');
    }
    yield deflate(pending ?? Buffer.alloc(0), true);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    yield this.count(descriptor);
    this.written.push(entry);
  }

  /** The central directory and its end record. */
  end(): Uint8Array {
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const e of this.written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0808, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      parts.push(c, e.name);
    }
    const central = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(start, 16);
    return this.count(Buffer.concat([central, end]));
  }

  private count(b: Buffer): Buffer {
    this.offset += b.length;
    return b;
  }
}

/** The workbook as a stream of bytes, rows read from each sheet's iterable as the stream is consumed. */
export async function* xlsxStream(sheets: XlsxSheet[]): AsyncGenerator<Uint8Array> {
  const zip = new ZipStream();
  const n = sheets.length;
  const ids = sheets.map((_, i) => i + 1);
  const contentTypes =
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    ids
      .map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('') +
    '</Types>';
  const rootRels = `${xmlHead}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${xmlHead}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${xmlText(s.name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const workbookRels =
    `${xmlHead}<Relationships xmlns="${PKG_REL_NS}">` +
    ids.map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
  const styles =
    `${xmlHead}<styleSheet xmlns="${NS}">` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  yield* zip.part('[Content_Types].xml', [contentTypes]);
  yield* zip.part('_rels/.rels', [rootRels]);
  yield* zip.part('xl/workbook.xml', [workbook]);
  yield* zip.part('xl/_rels/workbook.xml.rels', [workbookRels]);
  yield* zip.part('xl/styles.xml', [styles]);
  for (const [i, sheet] of sheets.entries()) yield* zip.part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet));
  yield zip.end();
}

/** The whole workbook in memory (small files: templates, error reports). */
export async function xlsxBytes(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of xlsxStream(sheets)) chunks.push(c);
  return new Uint8Array(Buffer.concat(chunks));
}
