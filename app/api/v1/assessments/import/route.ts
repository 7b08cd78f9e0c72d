import { AppError } from '@/server/domain/errors/app-error';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** POST multipart/form-data: file, mode=preview|commit, sheet (optional): past assessments of the integrator's SMEs. */
export async function POST(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!form || !(file instanceof File)) throw new AppError('BAD_REQUEST', 'import.noFile');
    if (file.size > importLimits.maxBytes) throw new AppError('BAD_REQUEST', 'import.fileTooLarge', { maxMb: importLimits.maxBytes / 1024 / 1024 });
    const input = { fileName: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()), sheet: (form.get('sheet') as string | null) || null };
    const mode = form.get('mode');
    const result = mode === 'commit' ? await caller.assessments.commitImport(input) : await caller.assessments.previewImport(input);
    return Response.json({ mode: mode === 'commit' ? 'commit' : 'preview', ...result }, { headers: { 'x-request-id': ctx.requestId } });
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
