import { AppError } from '@/server/domain/errors/app-error';
import { isLocale } from '@/server/i18n/locales';
import { packZip } from '@/server/services/acceptance/pack-zip';
import { pdfRenderer } from '@/server/services/projects/pdf-browser';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/**
 * GET a project's acceptance pack: the document as PDF (?lang=en for English, else Chinese) and the attachments, in
 * one streamed ZIP. The same access check as the pack page (another tenant's project, or a county without a claim
 * filed with it, answers 404); too large a pack answers 413; a full PDF queue 429 with Retry-After.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const { id } = await params;
    const url = new URL(req.url);
    const lang = url.searchParams.get('lang');
    const locale = isLocale(lang) ? lang : 'zh-CN';
    const pack = await caller.acceptance.pack({ projectId: id });
    const origin = process.env.AUTH_URL?.replace(/\/$/, '') || url.origin;
    const pdf = await pdfRenderer().render(`${origin}/packs/${pack.project.id}?pdf=1&lang=${locale}`, req.headers.get('cookie') ?? '');
    const zip = packZip(pack, pdf, locale);
    return fileResponse({ fileName: zip.fileName, contentType: 'application/zip', body: zip.body }, ctx.requestId);
  } catch (e) {
    const res = errorResponse(e, ctx);
    if (e instanceof AppError && e.code === 'TOO_MANY_REQUESTS') res.headers.set('retry-after', String(e.params.seconds ?? 10));
    return res;
  }
}
