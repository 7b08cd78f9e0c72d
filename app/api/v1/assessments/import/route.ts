import { readBoundedForm } from '@/server/http/bounded-body';
import { importLimits } from '@/server/services/inventory/spreadsheet';
import { importFormFields } from '@/server/trpc/import-form';
import { signedInCallerForUpload, uploadErrorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** POST multipart/form-data: file, mode=preview|commit, sheet, encoding (optional): past assessments of the integrator's SMEs. */
export async function POST(req: Request) {
  const { ctx, caller, refused } = await signedInCallerForUpload(req);
  if (refused) return refused;
  try {
    const { form, file } = await readBoundedForm(req, importLimits.maxBytes);
    const input = await importFormFields(form, file);
    const mode = form.get('mode');
    const result = mode === 'commit' ? await caller.assessments.commitImport(input) : await caller.assessments.previewImport(input);
    return Response.json({ mode: mode === 'commit' ? 'commit' : 'preview', ...result }, { headers: { 'x-request-id': ctx.requestId } });
  } catch (e) {
    return uploadErrorResponse(e, ctx);
  }
}
