/**
 * An uploaded XLSX's zip, checked before any XML is parsed: every part is inflated once through a counting stream
 * that stops at the part's limit (its declared sizes are not trusted). The reader (xlsx-read.ts) then takes the parts
 * by name from the central directory, whatever order they are stored in, so it never has to hold a sheet while it
 * waits for the strings (the path that took +800 MB for a 65 KB file with a streaming reader that read in zip order).
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../domain/errors/app-error';

/** Uncompressed limits per part, in bytes. A 50,000-row sheet of 20 columns is about 40 MB of XML. */
export const xlsxPartLimits = { worksheet: 64 * 1024 * 1024, sharedStrings: 32 * 1024 * 1024, other: 8 * 1024 * 1024, total: 160 * 1024 * 1024 } as const;

export type CheckedEntry = { name: string; method: number; data: Uint8Array; size: number };

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);
const limitOf = (name: string) =>
  isWorksheet(name) ? xlsxPartLimits.worksheet : name === 'xl/sharedStrings.xml' ? xlsxPartLimits.sharedStrings : xlsxPartLimits.other;

const damaged = () => new AppError('BAD_REQUEST', 'import.badXlsx');
const partTooLarge = (name: string, limit: number) =>
  new AppError('BAD_REQUEST', 'import.xlsxPartTooLarge', { part: name.slice(0, 80), maxMb: Math.round(limit / 1024 / 1024) });

/** The zip's entries from its central directory (no ZIP64, no encryption: neither is needed by a 20 MB workbook). */
function entriesOf(bytes: Uint8Array): CheckedEntry[] {
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
  const out: CheckedEntry[] = [];
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
    out.push({ name, method, data: bytes.subarray(start, start + compSize), size: 0 });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed size of a part, counted while inflating; stops (and throws) as soon as it passes `limit`. */
async function inflatedSize(e: CheckedEntry, limit: number): Promise<number> {
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

/** The zip's parts, each checked against its limit (and all of them against the total) and its size known. */
export async function checkedEntries(bytes: Uint8Array): Promise<CheckedEntry[]> {
  const entries = entriesOf(bytes);
  let total = 0;
  for (const e of entries) {
    e.size = await inflatedSize(e, limitOf(e.name));
    total += e.size;
    if (total > xlsxPartLimits.total) throw partTooLarge('*', xlsxPartLimits.total);
  }
  return entries;
}
