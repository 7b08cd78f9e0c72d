/**
 * An uploaded XLSX's zip, checked before any XML is parsed: every part is inflated once through a counting stream
 * that stops at the part's limit (its declared sizes are not trusted), and the parts are laid out again so that the
 * workbook, its relations, styles and shared strings come before the worksheets. The streaming reader then never has
 * to hold a sheet while it waits for the strings (the path that took +800 MB for a 65 KB file).
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../domain/errors/app-error';

/** Uncompressed limits per part, in bytes. A 50,000-row sheet of 20 columns is about 40 MB of XML. */
export const xlsxPartLimits = { worksheet: 64 * 1024 * 1024, sharedStrings: 32 * 1024 * 1024, other: 8 * 1024 * 1024, total: 160 * 1024 * 1024 } as const;

type Entry = { name: string; method: number; flags: number; time: number; date: number; crc: number; data: Uint8Array; size: number };

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);
const limitOf = (name: string) =>
  isWorksheet(name) ? xlsxPartLimits.worksheet : name === 'xl/sharedStrings.xml' ? xlsxPartLimits.sharedStrings : xlsxPartLimits.other;

const damaged = () => new AppError('BAD_REQUEST', 'import.badXlsx');
const partTooLarge = (name: string, limit: number) =>
  new AppError('BAD_REQUEST', 'import.xlsxPartTooLarge', { part: name.slice(0, 80), maxMb: Math.round(limit / 1024 / 1024) });

/** The zip's entries from its central directory (no ZIP64, no encryption: neither is needed by a 20 MB workbook). */
function entriesOf(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > 10_000) throw damaged();
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged();
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compSize = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (flags & 1 || (method !== 0 && method !== 8) || compSize === 0xffffffff) throw damaged();
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compSize > bytes.length) throw damaged();
    out.push({
      name,
      method,
      flags: flags & ~0x8,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      data: bytes.subarray(start, start + compSize),
      size: 0,
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed size of a part, counted while inflating; stops (and throws) as soon as it passes `limit`. */
async function inflatedSize(e: Entry, limit: number): Promise<number> {
  if (e.method === 0) {
    if (e.data.byteLength > limit) throw partTooLarge(e.name, limit);
    return e.data.byteLength;
  }
  let size = 0;
  const over = new Error('over');
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      size += chunk.byteLength;
      done(size > limit ? over : null);
    },
  });
  try {
    await pipeline(Readable.from([Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength)]), zlib.createInflateRaw({ chunkSize: 64 * 1024 }), counter);
  } catch (err) {
    if (err === over) throw partTooLarge(e.name, limit);
    throw damaged();
  }
  return size;
}

/** Checks every part against its limit and returns the same workbook with the worksheets stored last. */
export async function guardedXlsx(bytes: Uint8Array): Promise<Uint8Array> {
  const entries = entriesOf(bytes);
  let total = 0;
  for (const e of entries) {
    e.size = await inflatedSize(e, limitOf(e.name));
    total += e.size;
    if (total > xlsxPartLimits.total) throw partTooLarge('*', xlsxPartLimits.total);
  }
  const ordered = [...entries.filter((e) => !isWorksheet(e.name)), ...entries.filter((e) => isWorksheet(e.name))];
  return writeZip(ordered);
}

/** A plain zip of the entries as given (sizes and CRCs in the local headers, no data descriptors). */
function writeZip(entries: Entry[]): Uint8Array {
  const names = entries.map((e) => new TextEncoder().encode(e.name));
  const localSize = entries.reduce((s, e, i) => s + 30 + (names[i] as Uint8Array).length + e.data.byteLength, 0);
  const centralSize = names.reduce((s, n) => s + 46 + n.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i] as Uint8Array;
    offsets.push(at);
    v.setUint32(at, 0x04034b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, e.flags, true);
    v.setUint16(at + 8, e.method, true);
    v.setUint16(at + 10, e.time, true);
    v.setUint16(at + 12, e.date, true);
    v.setUint32(at + 14, e.crc, true);
    v.setUint32(at + 18, e.data.byteLength, true);
    v.setUint32(at + 22, e.size, true);
    v.setUint16(at + 26, name.length, true);
    v.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    out.set(e.data, at + 30 + name.length);
    at += 30 + name.length + e.data.byteLength;
  });
  const central = at;
  entries.forEach((e, i) => {
    const name = names[i] as Uint8Array;
    v.setUint32(at, 0x02014b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, 20, true);
    v.setUint16(at + 8, e.flags, true);
    v.setUint16(at + 10, e.method, true);
    v.setUint16(at + 12, e.time, true);
    v.setUint16(at + 14, e.date, true);
    v.setUint32(at + 16, e.crc, true);
    v.setUint32(at + 20, e.data.byteLength, true);
    v.setUint32(at + 24, e.size, true);
    v.setUint16(at + 28, name.length, true);
    v.setUint32(at + 42, offsets[i] as number, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, entries.length, true);
  v.setUint16(at + 10, entries.length, true);
  v.setUint32(at + 12, at - central, true);
  v.setUint32(at + 16, central, true);
  return out;
}
