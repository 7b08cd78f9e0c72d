import { readBoundedForm } from '@/server/http/bounded-body';
import { maxFileBytes } from '@/server/services/files/files';
import { signedInCallerForUpload, uploadErrorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** POST multipart/form-data: file, smeClientId → { id, fileName, size, contentType }. Signed in first, body bounded, checked by content. */
export async function POST(req: Request) {
  const { ctx, caller, refused } = await signedInCallerForUpload(req);
  if (refused) return refused;
  try {
    const { form, file } = await readBoundedForm(req, maxFileBytes);
    const stored = await caller.assessments.uploadFile({
      smeClientId: String(form.get('smeClientId') ?? ''),
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(stored, { headers: { 'x-request-id': ctx.requestId } });
  } catch (e) {
    return uploadErrorResponse(e, ctx);
  }
}
