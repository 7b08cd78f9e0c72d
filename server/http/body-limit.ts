/**
 * A cap on request bodies for the JSON API (file uploads have their own routes and limits). A declared
 * Content-Length over the cap is refused before reading; a body without one is read up to the cap and no further.
 */
export const API_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The request to go on with (re-made when its body had to be read), or null when the body is over the limit. */
export async function withinBodyLimit(req: Request, limit = API_BODY_LIMIT_BYTES): Promise<Request | null> {
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return req;
  const declared = req.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared)) return Number(declared) > limit ? null : req;
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.byteLength;
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}
