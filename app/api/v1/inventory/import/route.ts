import { AppError } from '@/server/domain/errors/app-error';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/**
 * POST multipart/form-data: file, smeClientId (or clusterId: rows name their SME), mode=preview|commit, sheet (optional).
 * The file is checked by its content; the work is done by the inventory procedures (same gate).
 */
export async function POST(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const length = Number(req.headers.get('content-length') ?? 0);
    if (length > importLimits.maxBytes + 64 * 1024) throw new AppError('BAD_REQUEST', 'import.fileTooLarge', { maxMb: importLimits.maxBytes / 1024 / 1024 });
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!form || !(file instanceof File)) throw new AppError('BAD_REQUEST', 'import.noFile');
    if (file.size > importLimits.maxBytes) throw new AppError('BAD_REQUEST', 'import.fileTooLarge', { maxMb: importLimits.maxBytes / 1024 / 1024 });
    const input = {
      ...(form.get('clusterId') ? { clusterId: String(form.get('clusterId')) } : { smeClientId: String(form.get('smeClientId') ?? '') }),
      fileName: file.name || 'upload',
      bytes: new Uint8Array(await file.arrayBuffer()),
      sheet: (form.get('sheet') as string | null) || null,
    };
    const mode = form.get('mode');
    const result = mode === 'commit' ? await caller.inventory.commitImport(input) : await caller.inventory.previewImport(input);
    return Response.json({ mode: mode === 'commit' ? 'commit' : 'preview', ...result }, { headers: { 'x-request-id': ctx.requestId } });
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
