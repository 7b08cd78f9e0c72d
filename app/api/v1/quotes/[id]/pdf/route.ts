import { renderPdf } from '@/server/services/projects/quote-pdf';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** GET the quote as an A4 PDF (after the same access check as the page). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const { id } = await params;
    const quote = await caller.projects.quote({ id });
    const origin = process.env.AUTH_URL?.replace(/\/$/, '') || new URL(req.url).origin;
    const bytes = await renderPdf(`${origin}/quotes/${id}?pdf=1`, req.headers.get('cookie') ?? '');
    return fileResponse({ fileName: `${quote.number}.pdf`, contentType: 'application/pdf', bytes }, ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
