import { readBoundedForm } from '@/server/http/bounded-body';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { importFormFields } from '@/server/trpc/import-form';
import { signedInCallerForUpload, uploadErrorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/**
 * POST multipart/form-data: file, smeClientId, mode=preview|commit, sheet and encoding (optional): bulk registration of
 * terminals. The commit's answer carries the new credentials once (never stored: only their hashes are).
 */
export async function POST(req: Request) {
  const { ctx, caller, refused } = await signedInCallerForUpload(req);
  if (refused) return refused;
  try {
    const { form, file } = await readBoundedForm(req, importLimits.maxBytes);
    const { mapping: _ignored, ...fields } = await importFormFields(form, file);
    const input = { smeClientId: String(form.get('smeClientId') ?? ''), ...fields };
    const mode = form.get('mode');
    const result = mode === 'commit' ? await caller.terminals.commitImport(input) : await caller.terminals.previewImport(input);
    return Response.json(
      { mode: mode === 'commit' ? 'commit' : 'preview', ...result },
      { headers: { 'x-request-id': ctx.requestId, 'cache-control': 'no-store' } },
    );
  } catch (e) {
    return uploadErrorResponse(e, ctx);
  }
}
