import { AppError } from '@/server/domain/errors/app-error';
import { maxFileBytes } from '@/server/services/files/files';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** POST multipart/form-data: file, smeClientId → { id, fileName, size, contentType }. Checked by content. */
export async function POST(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!form || !(file instanceof File)) throw new AppError('BAD_REQUEST', 'import.noFile');
    if (file.size > maxFileBytes) throw new AppError('BAD_REQUEST', 'fileTooLarge', { maxMb: maxFileBytes / 1024 / 1024 });
    const stored = await caller.assessments.uploadFile({
      smeClientId: String(form.get('smeClientId') ?? ''),
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(stored, { headers: { 'x-request-id': ctx.requestId } });
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
