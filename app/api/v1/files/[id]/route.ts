import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** GET an evidence file, always as an attachment (never rendered inline). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const { id } = await params;
    return fileResponse(await caller.assessments.downloadFile({ id }), ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
