/**
 * The broker asks the app (EMQX 5 "HTTP Server" authentication and authorization, docs/decisions/0019):
 * - POST /api/mqtt/auth  body {"username":"${username}","password":"${password}","clientid":"${clientid}"}
 *   → {"result":"allow"|"deny"|"ignore"}: a terminal or gateway with its valid secret is allowed; a known terminal with
 *   a wrong secret, or revoked, is denied; a username that is no terminal is "ignore" (EMQX goes on down its chain,
 *   e.g. to its built-in database holding the ingestion workers' accounts).
 * - POST /api/mqtt/acl   body {"username":"${username}","topic":"${topic}","action":"${action}"}
 *   → a terminal may publish only to its own data topic, a gateway only to those of its terminals; anything else a
 *   terminal or gateway tries is denied, and a refused publish is counted against it (TerminalHealth.refused).
 *   A username that is no terminal: "ignore" (the workers' subscription is granted by EMQX's own rules).
 * Both need the header `x-rp-hook-secret: <MQTT_HOOK_SECRET>`; without MQTT_HOOK_SECRET set they answer 404.
 * The answers are always 200 with a result (EMQX reads any 4xx/5xx as "ignore").
 */

import { timingSafeEqual } from 'node:crypto';
import { terminalOfTopic } from '../../domain/telemetry-topics';
import { readBoundedBody } from '../../http/bounded-body';
import type { Logger } from '../../log';
import { authorizeReport } from './authorize';
import type { Telemetry } from './runtime';
import { terminalSecretMatches } from './secret';
import { writeBatch } from './store';

type Result = 'allow' | 'deny' | 'ignore';

const answer = (result: Result, status = 200) => Response.json({ result }, { status, headers: { 'cache-control': 'no-store' } });

/** null when the request carries the shared secret, else the response to give. */
const HOOK_BODY_MAX_BYTES = 8192;

export function hookRefusal(req: Request, env: Record<string, string | undefined> = process.env): Response | null {
  const expected = env.MQTT_HOOK_SECRET?.trim();
  if (!expected) return new Response('not found', { status: 404 });
  const given = Buffer.from(req.headers.get('x-rp-hook-secret') ?? '');
  const want = Buffer.from(expected);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return new Response('forbidden', { status: 403 });
  return null;
}

/** The hook's JSON body, read within 8 KiB (a larger or unreadable body is refused). */
async function readJson(req: Request): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readBoundedBody(req, HOOK_BODY_MAX_BYTES));
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function handleAuthHook(req: Request, t: Telemetry, log: Logger): Promise<Response> {
  const refused = hookRefusal(req);
  if (refused) return refused;
  try {
    const body = await readJson(req);
    if (!body) return answer('deny');
    const entry = await t.directory.get(str(body.username));
    if (!entry) return answer('ignore');
    return answer(!entry.revoked && terminalSecretMatches(entry.secretHash, str(body.password)) ? 'allow' : 'deny');
  } catch (e) {
    log.error({ err: e }, 'mqtt auth hook failed');
    return answer('deny');
  }
}

export async function handleAclHook(req: Request, t: Telemetry, log: Logger): Promise<Response> {
  const refused = hookRefusal(req);
  if (refused) return refused;
  try {
    const body = await readJson(req);
    if (!body) return answer('deny');
    const username = str(body.username);
    const pub = await t.directory.get(username);
    if (!pub) return answer('ignore');
    if (str(body.action) !== 'publish') return answer('deny'); // terminals and gateways never subscribe
    const topic = str(body.topic);
    const namedId = terminalOfTopic(topic);
    const named = namedId ? await t.directory.get(namedId) : null;
    const auth = authorizeReport({ kind: pub.kind === 'GATEWAY' ? 'gateway' : 'terminal', id: pub.id }, pub, named, namedId ?? topic);
    if (auth.ok) return answer('allow');
    const against = auth.countAgainst ?? pub;
    await writeBatch(
      t.ctx.sql,
      [],
      [
        {
          terminalId: against.id,
          integratorId: against.integratorId,
          smeClientId: against.smeClientId,
          num: against.num,
          candidates: 0,
          refused: 1,
          malformed: 0,
          problem: `not_allowed: ${auth.why}`,
        },
      ],
      new Date(),
    );
    return answer('deny');
  } catch (e) {
    log.error({ err: e }, 'mqtt acl hook failed');
    return answer('deny');
  }
}
