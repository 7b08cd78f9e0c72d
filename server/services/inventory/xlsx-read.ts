/**
 * The import's XLSX reader: the workbook, its relations, styles and shared strings are read whole (each already
 * checked against its part limit by xlsx-zip.ts), then the one sheet imported is inflated as a stream and its rows
 * are cut out of the XML as they arrive — no workbook model, no object per cell, and only the sheet's current chunk in
 * memory. What real files hold is read as Excel shows it: shared and inline strings (rich text runs joined, phonetic
 * runs left out), numbers, booleans, errors, formula results, and numbers in a date style (or `t="d"`) as dates, in
 * the 1900 or the 1904 date system. Tags may carry a namespace prefix (`<x:row>`), as some generators write them.
 */
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { RawCell } from '../../domain/inventory/values';
import { type CheckedEntry, checkedEntries } from './xlsx-zip';

/** Cells to the right of this column are not read (a ledger has a few dozen; XFD1048576 would be an array bomb). */
export const maxColumns = 1_024;

export type XlsxVisitor = {
  /** Chooses the sheet to read among the workbook's worksheets (in the workbook's order); null reads none. */
  choose(names: string[]): string | null;
  /** Each row of the chosen sheet as stored (rows the file leaves out are not called), 1-based number. */
  row(rowNumber: number, cells: RawCell[]): void;
};

const EXCEL_1900_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1);

/** Reads the workbook's structure, then streams the chosen sheet's rows to the visitor. */
export async function readXlsx(bytes: Uint8Array, visitor: XlsxVisitor): Promise<{ sheets: string[]; sheet: string | null }> {
  const entries = await checkedEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const part = (name: string) => byName.get(name.replace(/^\//, '').toLowerCase());
  const text = (name: string) => {
    const e = part(name);
    return e ? new TextDecoder().decode(e.method === 0 ? e.data : zlib.inflateRawSync(e.data)) : null;
  };

  const rootRels = relations(text('_rels/.rels'), '');
  const workbookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const dir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const workbookXml = text(workbookPath) ?? '';
  const rels = relations(text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`), dir);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);

  const sheets: { name: string; path: string }[] = [];
  for (const tag of startTags(workbookXml, 'sheet')) {
    const a = attributes(tag);
    const rel = relById.get(a['r:id'] ?? a.id ?? '');
    if (a.name !== undefined && rel?.type.endsWith('/worksheet') && part(rel.target)) sheets.push({ name: decode(a.name), path: rel.target });
  }
  if (!sheets.length) {
    // no usable workbook part: the worksheets as stored
    for (const e of entries) if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) sheets.push({ name: `Sheet${sheets.length + 1}`, path: e.name });
  }
  const names = sheets.map((s) => s.name);
  const chosen = visitor.choose(names);
  const sheet = sheets.find((s) => s.name === chosen);
  if (!sheet) return { sheets: names, sheet: null };

  const relTarget = (suffix: string, fallback: string) => rels.find((r) => r.type.endsWith(suffix))?.target ?? fallback;
  const strings = sharedStrings(text(relTarget('/sharedStrings', `${dir}sharedStrings.xml`)));
  const dateStyles = dateStyleIndexes(text(relTarget('/styles', `${dir}styles.xml`)));
  const epoch = date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_1900_EPOCH_MS;
  const cell = (type: string | undefined, style: number, inner: string, p: string): RawCell => {
    if (type === 'inlineStr') return richText(inner, p);
    const v = cellValueText(inner, p);
    if (v === null) return null;
    switch (type) {
      case 's':
        return strings[Number(v)] ?? null;
      case 'str':
      case 'e':
        return decode(v);
      case 'b':
        return v === '1' || v === 'true';
      case 'd': {
        const d = new Date(v);
        return Number.isNaN(d.getTime()) ? decode(v) : d;
      }
      default: {
        const n = Number(v);
        if (v.trim() === '' || Number.isNaN(n)) return decode(v);
        return dateStyles.has(style) ? new Date(epoch + Math.round(n * 86_400_000)) : n;
      }
    }
  };
  await streamRows(part(sheet.path) as CheckedEntry, (rowNumber, row, p) => visitor.row(rowNumber, rowCells(row, p, cell)));
  return { sheets: names, sheet: sheet.name };
}

/** Inflates a worksheet chunk by chunk and hands on each complete `<row>` of its sheetData. */
async function streamRows(entry: CheckedEntry, onRow: (rowNumber: number, inner: string, prefix: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let prefix: string | null = null;
  let inData = false;
  let done = false;
  let lastRow = 0;
  const consume = (final: boolean) => {
    let pos = 0;
    if (prefix === null) {
      const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(buf);
      if (!root) {
        if (final) done = true;
        return;
      }
      prefix = root[1] ?? '';
    }
    const p = prefix;
    if (!inData) {
      const open = new RegExp(`<${p}sheetData(\\s[^>]*)?(/?)>`).exec(buf);
      if (!open) {
        buf = buf.slice(Math.max(0, buf.length - 200));
        if (final) done = true;
        return;
      }
      if (open[2] === '/') {
        done = true;
        return;
      }
      inData = true;
      pos = open.index + open[0].length;
    }
    const rowOpen = `<${p}row`;
    const rowClose = `</${p}row>`;
    const dataClose = `</${p}sheetData>`;
    const end = buf.indexOf(dataClose, pos);
    for (;;) {
      const start = buf.indexOf(rowOpen, pos);
      if (end !== -1 && (start === -1 || end < start)) {
        done = true;
        return;
      }
      if (start === -1) break;
      if (start + rowOpen.length >= buf.length) {
        // the chunk ends inside the tag's name: wait for the next one
        pos = start;
        break;
      }
      const after = buf.charCodeAt(start + rowOpen.length);
      if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
        pos = start + 1;
        continue;
      }
      const tagEnd = buf.indexOf('>', start);
      if (tagEnd === -1) {
        pos = start;
        break;
      }
      const number = /\br\s*=\s*["'](\d+)["']/.exec(buf.slice(start, tagEnd));
      if (buf.charCodeAt(tagEnd - 1) === 47) {
        lastRow = number ? Number(number[1]) : lastRow + 1;
        onRow(lastRow, '', p);
        pos = tagEnd + 1;
        continue;
      }
      const close = buf.indexOf(rowClose, tagEnd);
      if (close === -1) {
        pos = start;
        break;
      }
      lastRow = number ? Number(number[1]) : lastRow + 1;
      onRow(lastRow, buf.slice(tagEnd + 1, close), p);
      pos = close + rowClose.length;
    }
    buf = buf.slice(pos);
    if (final) done = true;
  };
  if (entry.method === 0) {
    buf = decoder.write(Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength)) + decoder.end();
    consume(true);
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength));
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    buf += decoder.write(chunk);
    consume(false);
    if (done) {
      inflater.destroy();
      return;
    }
  }
  buf += decoder.end();
  consume(true);
}

/** The cells of one row's XML, by column (holes are null; a cell without a reference follows the one before it). */
function rowCells(row: string, p: string, cell: (type: string | undefined, style: number, inner: string, p: string) => RawCell): RawCell[] {
  const cells: RawCell[] = [];
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let pos = 0;
  let col = -1;
  for (;;) {
    const start = row.indexOf(open, pos);
    if (start === -1) break;
    const after = row.charCodeAt(start + open.length);
    if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
      pos = start + 1;
      continue;
    }
    const tagEnd = row.indexOf('>', start);
    if (tagEnd === -1) break;
    const tag = row.slice(start + open.length, tagEnd);
    let inner = '';
    if (row.charCodeAt(tagEnd - 1) === 47) pos = tagEnd + 1;
    else {
      const end = row.indexOf(close, tagEnd);
      if (end === -1) break;
      inner = row.slice(tagEnd + 1, end);
      pos = end + close.length;
    }
    const ref = attribute(tag, 'r');
    const type = attribute(tag, 't');
    const style = Number(attribute(tag, 's') ?? 0) || 0;
    col = ref ? columnIndex(ref) : col + 1;
    if (col < 0 || col >= maxColumns) continue;
    const value = cell(type, style, inner, p);
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }
  return cells;
}

/** One attribute of a short start tag (`name="…"` or `name='…'`, after a blank), without a regular expression. */
function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at === -1) return undefined;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    if (!(before === 32 || before === 9 || before === 10 || before === 13)) continue;
    let i = from;
    while (tag.charCodeAt(i) === 32) i++;
    if (tag.charCodeAt(i) !== 61) continue;
    i++;
    while (tag.charCodeAt(i) === 32) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + 1);
    return end === -1 ? undefined : tag.slice(i + 1, end);
  }
}

/** "AB12" → 27 (0-based); -1 when the reference has no column letters. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
    if (n > 16_384) return -1;
  }
  return i === 0 ? -1 : n - 1;
}

/** The text of a cell's `<v>`, or null when it has none. */
function cellValueText(inner: string, p: string): string | null {
  const start = inner.indexOf(`<${p}v`);
  if (start === -1) return null;
  const tagEnd = inner.indexOf('>', start);
  if (tagEnd === -1 || inner.charCodeAt(tagEnd - 1) === 47) return null;
  const end = inner.indexOf(`</${p}v>`, tagEnd);
  return end === -1 ? null : inner.slice(tagEnd + 1, end);
}

/** The text of a string item or inline string: its `<t>` elements joined, phonetic runs (`<rPh>`) left out. */
function richText(xml: string, p: string): string {
  let s = xml;
  const ph = `<${p}rPh`;
  const phClose = `</${p}rPh>`;
  for (let i = s.indexOf(ph); i !== -1; i = s.indexOf(ph, i)) {
    const end = s.indexOf(phClose, i);
    s = end === -1 ? s.slice(0, i) : s.slice(0, i) + s.slice(end + phClose.length);
  }
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = '';
  let pos = 0;
  for (;;) {
    const start = s.indexOf(open, pos);
    if (start === -1) break;
    const after = s.charCodeAt(start + open.length);
    const tagEnd = s.indexOf('>', start);
    if (tagEnd === -1) break;
    if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13) || s.charCodeAt(tagEnd - 1) === 47) {
      pos = tagEnd + 1;
      continue;
    }
    const end = s.indexOf(close, tagEnd);
    if (end === -1) break;
    out += s.slice(tagEnd + 1, end);
    pos = end + close.length;
  }
  return decode(out);
}

/** The shared strings, in order. */
function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const root = /<([A-Za-z_][\w.-]*:)?sst[\s>/]/.exec(xml);
  const p = root?.[1] ?? '';
  const out: string[] = [];
  const open = `<${p}si`;
  const close = `</${p}si>`;
  let pos = 0;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start === -1) break;
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd === -1) break;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push('');
      pos = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end === -1) break;
    out.push(richText(xml.slice(tagEnd + 1, end), p));
    pos = end + close.length;
  }
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, and the CJK ones). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format code shows a date or time when, outside quoted text, escapes and [brackets], it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '');
  return /[dmyhs]/i.test(bare.split(';')[0] ?? '');
}

/** The indexes of cell formats (cellXfs) whose number format is a date. */
function dateStyleIndexes(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt')) {
    const a = attributes(tag);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), decode(a.formatCode));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  startTags(xfs, 'xf').forEach((tag, i) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : builtInDateFormats.has(id)) out.add(i);
  });
  return out;
}

type Relation = { id: string; type: string; target: string };

/** A relations part: each target resolved against the folder of the part it belongs to. */
function relations(xml: string | null, dir: string): Relation[] {
  if (!xml) return [];
  return startTags(xml, 'Relationship').map((tag) => {
    const a = attributes(tag);
    const raw = decode(a.Target ?? '');
    const target = raw.startsWith('/') ? raw.slice(1) : normalisePath(dir + raw);
    return { id: a.Id ?? '', type: a.Type ?? '', target };
  });
}

function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The start tags `<name …>` (any prefix) of an XML text, without the angle brackets' content after the name. */
function startTags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(\\s[^>]*)?/?>`, 'g'))].map((m) => m[1] ?? '');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1] as string] = m[2] ?? m[3] ?? '';
  return out;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and character references, then Excel's own escapes (_x000D_ for a carriage return, _x005F_ for _). */
export function decode(s: string): string {
  let out = s;
  if (out.includes('&'))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
      if (e[0] !== '#') return entities[e] ?? m;
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    });
  if (out.includes('_x')) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return out;
}
