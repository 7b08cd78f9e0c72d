import { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/config';
import { withinBodyLimit } from '@/server/http/body-limit';
import { errorMessage } from '@/server/i18n/messages';
import { resolveRequestLocale } from '@/server/i18n/request';

/** A sign-in or sign-out form is a few hundred bytes: anything over this is refused before Auth.js reads it. */
const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

export const { GET } = handlers;

export async function POST(req: NextRequest) {
  const bounded = await withinBodyLimit(req, AUTH_BODY_LIMIT_BYTES);
  if (!bounded) {
    const message = errorMessage(await resolveRequestLocale(), 'payloadTooLarge', { maxMb: 0.0625 });
    return Response.json({ error: { message, messageKey: 'payloadTooLarge' } }, { status: 413, headers: { connection: 'close' } });
  }
  return handlers.POST(bounded === req ? req : new NextRequest(bounded));
}
