/**
 * The one way a request body is read (uploads here, the JSON API through body-limit.ts): chunk by chunk with a byte limit enforced while reading (a chunked body
 * without Content-Length included). At the limit the stream is cancelled, so nothing past it is held in memory,
 * and the caller answers 413 at once.
 */
import { AppError } from '../domain/errors/app-error';

export function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', 'fileTooLarge', { maxMb: Math.round(maxBytes / 1024 / 1024) });
}

/** The whole body as bytes, or PAYLOAD_TOO_LARGE as soon as more than `maxBytes` arrived (or were announced). */
export async function readBoundedBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_REQUEST', 'uploadInterrupted');
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Room for a multipart envelope's boundaries and small fields around the file. */
export const formOverheadBytes = 64 * 1024;

/**
 * A multipart form read through readBoundedBody: the file may be at most `maxFileBytes`, the envelope a little more.
 * The form is parsed only once the whole (bounded) body is in.
 */
export async function readBoundedForm(req: Request, maxFileBytes: number): Promise<{ form: FormData; file: File }> {
  const limit = maxFileBytes + formOverheadBytes;
  const bytes = await readBoundedBody(req, limit).catch((e) => {
    throw e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE' ? tooLarge(maxFileBytes) : e;
  });
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new AppError('BAD_REQUEST', 'import.noFile');
  const form = await new Response(bytes as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => null);
  const file = form?.get('file');
  if (!form || !(file instanceof File)) throw new AppError('BAD_REQUEST', 'import.noFile');
  if (file.size > maxFileBytes) throw tooLarge(maxFileBytes);
  return { form, file };
}
