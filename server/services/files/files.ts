/**
 * Evidence files: checked by their content (PDF, PNG, JPEG, WebP, XLSX/DOCX, plain text), stored outside the web
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

/** The content type a file's first bytes prove, or null when it is none of the kinds we keep. */
export function sniffContentType(b: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip'; // xlsx, docx, pptx are zip containers
  const head = b.subarray(0, 4096);
  if (head.length && head.every((x) => x !== 0)) {
    try {
      // stream: a character cut at the 4 KiB boundary is not an error
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: b.length > head.length });
      return 'text/plain; charset=utf-8';
    } catch {
      return null;
    }
  }
  return null;
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
  return { fileName: f.fileName, contentType: f.contentType, bytes: new Uint8Array(fs.readFileSync(p)) };
}
