import { AppError } from '@/server/domain/errors/app-error';
import { quotePdf } from '@/server/services/projects/quote-pdf';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/**
 * GET the quote as an A4 PDF (after the same access check as the page: another tenant's quote answers 404). Rendered
 * once per quote, language and decision and kept; when the renderer's queue is full, 429 with Retry-After.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const { id } = await params;
    const quote = await caller.projects.quote({ id });
    const origin = process.env.AUTH_URL?.replace(/\/$/, '') || new URL(req.url).origin;
    const started = performance.now();
    const { bytes, cached } = await quotePdf(
      { quoteId: quote.id, locale: ctx.locale, decision: quote.decision },
      `${origin}/quotes/${quote.id}?pdf=1`,
      req.headers.get('cookie') ?? '',
    );
    const res = fileResponse({ fileName: `${quote.number}.pdf`, contentType: 'application/pdf', bytes }, ctx.requestId);
    res.headers.set('x-pdf-render', cached ? 'kept' : `rendered ${Math.round(performance.now() - started)} ms`);
    return res;
  } catch (e) {
    const res = errorResponse(e, ctx);
    if (e instanceof AppError && e.code === 'TOO_MANY_REQUESTS') res.headers.set('retry-after', String(e.params.seconds ?? 10));
    return res;
  }
}
