/**
 * Evidence files: checked by their content (PDF, PNG, JPEG, WebP, Word/Excel/PowerPoint), stored outside the web
 * root under .data/files (or FILES_DIR) by id, and served only as attachments.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ScopedDb } from '../../db/scoped';
import type { IntegratorScope, Scope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';

export const maxFileBytes = 10 * 1024 * 1024;

export function filesDir(): string {
  return process.env.FILES_DIR?.trim() || path.join(process.cwd(), '.data', 'files');
}

const officeTypes = [
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
] as const;

/** The kinds of evidence a claim or an assessment needs, and the types they are served with. */
export const evidenceTypes = new Set<string>(['application/pdf', 'image/png', 'image/jpeg', 'image/webp', ...officeTypes.map(([, t]) => t)]);

/**
 * The content type a file's bytes prove, or null when it is none of the kinds we keep. Judged by content only:
 * HTML, SVG, scripts and plain text are refused whatever their name (they could run in a browser or pose as a page);
 * a zip must be an Office document (its central directory names the main part and [Content_Types].xml).
 */
export function sniffContentType(b: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    // the central directory sits at the end: its names tell a Word, Excel or PowerPoint file from any other zip
    const tail = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', Math.max(0, b.byteLength - 256 * 1024));
    if (!tail.includes('[Content_Types].xml')) return null;
    return officeTypes.find(([part]) => tail.includes(part))?.[1] ?? null;
  }
  return null;
}

/** The type a stored file is served with: one of the evidence types, else a download of unknown bytes. */
export function servedContentType(stored: string): string {
  return evidenceTypes.has(stored) ? stored : 'application/octet-stream';
}

export async function storeFile(db: ScopedDb, scope: IntegratorScope, actorId: string, input: { smeClientId: string; fileName: string; bytes: Uint8Array }) {
  const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  if (input.bytes.byteLength === 0) throw new AppError('BAD_REQUEST', 'fileEmpty');
  if (input.bytes.byteLength > maxFileBytes) throw new AppError('BAD_REQUEST', 'fileTooLarge', { maxMb: maxFileBytes / 1024 / 1024 });
  const contentType = sniffContentType(input.bytes);
  if (!contentType) throw new AppError('BAD_REQUEST', 'fileType');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const row = await db.storedFile.create({
    data: {
      integratorId: scope.integratorId,
      smeClientId: sme.id,
      fileName: path.basename(input.fileName).slice(0, 200) || 'file',
      contentType,
      size: input.bytes.byteLength,
      sha256,
      uploadedById: actorId,
    },
    select: { id: true, fileName: true, size: true, contentType: true },
  });
  fs.mkdirSync(filesDir(), { recursive: true });
  fs.writeFileSync(path.join(filesDir(), row.id), input.bytes);
  return row;
}

export async function readFile(db: ScopedDb, scope: Scope, id: string) {
  if (scope.kind === 'county') {
    // an official reads only the evidence attached to claims filed against the county's funds
    const e = await db.claimEvidence.findFirst({ where: { fileId: id, claim: { status: { not: 'DRAFT' } } }, select: { fileId: true, fileName: true } });
    const p = e ? path.join(filesDir(), e.fileId) : null;
    if (!e || !p || !fs.existsSync(p)) throw new AppError('NOT_FOUND');
    return { fileName: e.fileName, contentType: 'application/octet-stream', bytes: new Uint8Array(fs.readFileSync(p)) };
  }
  // an SME owner sees only evidence of signed-off assessments (drafts are the integrator's work in progress)
  const f = await db.storedFile.findFirst({
    where: { id, ...(scope.kind === 'sme' ? { evidence: { some: { assessment: { status: 'SIGNED_OFF' } } } } : {}) },
    select: { id: true, fileName: true, contentType: true },
  });
  if (!f) throw new AppError('NOT_FOUND');
  const p = path.join(filesDir(), f.id);
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND');
  return { fileName: f.fileName, contentType: servedContentType(f.contentType), bytes: new Uint8Array(fs.readFileSync(p)) };
}
