import { isLocale } from '@/server/i18n/locales';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** GET ?smeClientId=… or ?clusterId=…, &format=csv|xlsx, &lang=zh-CN|en (default: the user's). */
export async function GET(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const q = new URL(req.url).searchParams;
    const lang = q.get('lang');
    const locale = isLocale(lang) ? lang : ctx.locale;
    const format = q.get('format') === 'xlsx' ? 'xlsx' : 'csv';
    const clusterId = q.get('clusterId');
    const file = await caller.inventory.exportMachines(clusterId ? { clusterId, format, locale } : { smeClientId: q.get('smeClientId') ?? '', format, locale });
    return fileResponse(file, ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
