import { isLocale } from '@/server/i18n/locales';
import { fileResponse } from '@/server/trpc/file-response';
import { callerForRequest, errorResponse } from '@/server/trpc/request';

export const dynamic = 'force-dynamic';

/** GET ?fundId=…&lang=…: the claims register and dashboard figures as XLSX (county officials). */
export async function GET(req: Request) {
  const { ctx, caller } = await callerForRequest(req);
  try {
    const q = new URL(req.url).searchParams;
    const lang = q.get('lang');
    const file = await caller.fundAdmin.exportRegister({ fundId: q.get('fundId') || undefined, locale: isLocale(lang) ? lang : ctx.locale });
    return fileResponse(file, ctx.requestId);
  } catch (e) {
    return errorResponse(e, ctx);
  }
}
