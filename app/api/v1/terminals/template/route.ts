import { isLocale } from '@/server/i18n/locales';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const q = new URL(req.url).searchParams;
    const lang = q.get('lang');
    const file = await caller.terminals.template({ format: q.get('format') === 'xlsx' ? 'xlsx' : 'csv', locale: isLocale(lang) ? lang : ctx.locale });
    return fileResponse(file, ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
