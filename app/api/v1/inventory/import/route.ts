import { readBoundedForm } from '@/server/http/bounded-body';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { importFormFields } from '@/server/trpc/import-form';
import { signedInCallerForUpload, uploadErrorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/**
 * POST multipart/form-data: file, smeClientId (or clusterId: rows name their SME), mode=preview|commit, sheet and
 * encoding (optional). Signed in first, body bounded; the file is checked by its content; the work is done by the
 * inventory procedures (same gate).
 */
export async function POST(req: Request) {
  const { ctx, caller, refused } = await signedInCallerForUpload(req);
  if (refused) return refused;
  try {
    const { form, file } = await readBoundedForm(req, importLimits.maxBytes);
    const input = {
      ...(form.get('clusterId') ? { clusterId: String(form.get('clusterId')) } : { smeClientId: String(form.get('smeClientId') ?? '') }),
      ...(await importFormFields(form, file)),
    };
    const mode = form.get('mode');
    const result = mode === 'commit' ? await caller.inventory.commitImport(input) : await caller.inventory.previewImport(input);
    return Response.json({ mode: mode === 'commit' ? 'commit' : 'preview', ...result }, { headers: { 'x-request-id': ctx.requestId } });
  } catch (e) {
    return uploadErrorResponse(e, ctx);
  }
}
