import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** GET ?format=csv|xlsx: the audit log of the caller's tenant (admins and county officials). */
export async function GET(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const format = new URL(req.url).searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
    return fileResponse(await caller.audit.export({ format }), ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
