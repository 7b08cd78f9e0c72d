import { isLocale } from '@/server/i18n/locales';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** GET ?format=csv|xlsx&lang=zh-CN|en: the import template with headers in that language. */
export async function GET(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const q = new URL(req.url).searchParams;
    const lang = q.get('lang');
    const file = await caller.inventory.template({ format: q.get('format') === 'xlsx' ? 'xlsx' : 'csv', locale: isLocale(lang) ? lang : ctx.locale });
    return fileResponse(file, ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
