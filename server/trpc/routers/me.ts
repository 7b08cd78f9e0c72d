import { z } from 'zod';
import { localeCookie, locales } from '../../i18n/locales';
import { getMe, setMyLocale } from '../../services/me/me';
import { authedProcedure, router, scopedProcedure } from '../init';

export const meRouter = router({
  get: scopedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.user)),
  setLocale: authedProcedure.input(z.object({ locale: z.enum(locales) })).mutation(async ({ ctx, input }) => {
    const result = await setMyLocale(await ctx.getDb(), ctx.user.id, input.locale);
    ctx.resHeaders?.append('Set-Cookie', `${localeCookie}=${input.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return result;
  }),
});
