/**
 * A cap on request bodies for the JSON API (file uploads have their own routes and limits). A declared
 * Content-Length over the cap is refused before reading; a body without one is read up to the cap and no further,
 * by the one bounded reader (bounded-body.ts).
 */
import { AppError } from '../domain/errors/app-error';
import { readBoundedBody } from './bounded-body';

export const API_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The request to go on with (re-made when its body had to be read), or null when the body is over the limit. */
export async function withinBodyLimit(req: Request, limit = API_BODY_LIMIT_BYTES): Promise<Request | null> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return req;
  const declared = req.headers.get('content-length');
  // a declared length is what the server's HTTP parser will deliver, no more
  if (declared !== null && /^\d+$/.test(declared)) return Number(declared) > limit ? null : req;
  try {
    const body = await readBoundedBody(req, limit);
    return new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit });
  } catch (e) {
    if (e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE') return null;
    throw e;
  }
}
