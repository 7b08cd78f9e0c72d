import { z } from 'zod';
import { localeCookie, locales } from '../../i18n/locales';
import { changeMyPassword, getMe, setMyLocale } from '../../services/me/me';
import { authedProcedure, router, scopedProcedure } from '../init';

export const meRouter = router({
  get: scopedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.user)),
  setLocale: authedProcedure.input(z.object({ locale: z.enum(locales) })).mutation(async ({ ctx, input }) => {
    const result = await setMyLocale(await ctx.getDb(), ctx.user.id, input.locale);
    ctx.resHeaders?.append('Set-Cookie', `${localeCookie}=${input.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return result;
  }),
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) }))
    .mutation(async ({ ctx, input }) => changeMyPassword(await ctx.getDb(), ctx.user.id, input)),
});
