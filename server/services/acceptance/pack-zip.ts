/**
 * The acceptance pack as one ZIP: the document (PDF) and the attachments under attachments/. Bounded: a pack whose
 * attachments are larger than PACK_MAX_ATTACHMENT_BYTES (or more than PACK_MAX_ATTACHMENTS) is refused before a byte
 * is read (the checklist names it first); the attachments are read from disk as streams and the ZIP is streamed out
 * as it is built (stored, not compressed: PDFs and photos do not shrink), so a pack never sits whole in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import JSZip from 'jszip';
import { AppError } from '../../domain/errors/app-error';
import { filesDir } from '../files/files';
import { PACK_MAX_ATTACHMENT_BYTES, PACK_MAX_ATTACHMENTS, type PackData } from './pack-data';

/** A name safe inside a ZIP on any system: no path separators, reserved characters or control characters. */
const safeName = (s: string) =>
  [...s]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .slice(0, 120) || 'file';

export function packFileName(pack: PackData, lang: string): string {
  return `${safeName(pack.project.number)}-${lang === 'en' ? 'acceptance-pack' : '验收材料'}`;
}

export function checkPackSize(pack: PackData) {
  if (pack.attachmentBytes > PACK_MAX_ATTACHMENT_BYTES || pack.attachments.length > PACK_MAX_ATTACHMENTS)
    throw new AppError('PAYLOAD_TOO_LARGE', 'acceptance.tooLarge', { maxMb: Math.round(PACK_MAX_ATTACHMENT_BYTES / 1024 / 1024), count: PACK_MAX_ATTACHMENTS });
}

/** The ZIP as a stream of bytes: `<number>-验收材料.pdf` and attachments/NN-<name>. A file missing on disk is skipped. */
export function packZip(pack: PackData, pdf: Uint8Array, lang: string): { fileName: string; body: AsyncIterable<Uint8Array> } {
  checkPackSize(pack);
  const zip = new JSZip();
  const base = packFileName(pack, lang);
  zip.file(`${base}.pdf`, pdf);
  pack.attachments.forEach((a, i) => {
    const p = path.join(filesDir(), path.basename(a.fileId));
    if (!fs.existsSync(p)) return;
    zip.file(`attachments/${String(i + 1).padStart(2, '0')}-${safeName(a.fileName)}`, fs.createReadStream(p));
  });
  // JSZip's stream is an old-style one (not async-iterable): piped through a modern stream, errors carried over
  const out = new PassThrough();
  const zipStream = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' }) as unknown as Readable;
  zipStream.on('error', (e) => out.destroy(e));
  zipStream.pipe(out);
  return { fileName: `${base}.zip`, body: out };
}
