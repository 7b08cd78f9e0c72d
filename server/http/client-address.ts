/**
 * The client's address, for throttling and logs. Next's route handlers get no socket: `next start` only fills in
 * `X-Forwarded-For` when the client sent none, so the header cannot tell a proxy's word from the client's. The
 * instrumentation hook (server/http/peer-hook.ts) therefore stamps every request with the socket's address in a
 * private header, overwriting whatever a client sent in it, and this module trusts `X-Forwarded-For` only as far as
 * the hops are configured proxies:
 *
 *   TRUSTED_PROXIES=   (default) no proxy: the socket address; X-Forwarded-For is ignored
 *   TRUSTED_PROXIES=loopback,10.0.0.0/8,192.0.2.7   the peer and the hops right of the client that are in these
 *                      ranges are proxies; the client is the right-most hop that is not ('loopback' and 'private'
 *                      name the usual ranges)
 *
 * If the hook is not installed (an unusual runtime), the address is unknown (null): then only the per-account
 * throttle applies, never a header a client could write.
 */
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-retrofit-peer-address';
const HOOK_FLAG = Symbol.for('retrofit.peerHook');

const NAMED: Record<string, [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
};

/** Strips an IPv4-mapped IPv6 prefix and brackets/zone ids; null when it is not an IP address. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let a = (raw ?? '').trim().replace(/^\[|\]$/g, '');
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  a = a.replace(/%.*$/, '');
  return isIP(a) ? a.toLowerCase() : null;
}

export type ProxyRule = (address: string) => boolean;

/** Parses TRUSTED_PROXIES; throws on an entry that is not an address, a CIDR range or a known name. */
export function parseTrustedProxies(value: string | undefined): ProxyRule {
  const list = new BlockList();
  let any = false;
  for (const entry of (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const named = NAMED[entry];
    if (named) {
      for (const [net, prefix, type] of named) list.addSubnet(net, prefix, type);
      any = true;
      continue;
    }
    const [addr, bits] = entry.split('/');
    const ip = normaliseAddress(addr);
    const type = ip && isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const max = type === 'ipv6' ? 128 : 32;
    const prefix = bits === undefined ? max : Number(bits);
    if (!ip || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range, "loopback" or "private"`);
    }
    list.addSubnet(ip, prefix, type);
    any = true;
  }
  if (!any) return () => false;
  return (address) => {
    const ip = normaliseAddress(address);
    return !!ip && list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  };
}

let configured: ProxyRule | undefined;
export function trustedProxies(): ProxyRule {
  configured ??= parseTrustedProxies(process.env.TRUSTED_PROXIES);
  return configured;
}

export function peerHookInstalled(): boolean {
  return Boolean((globalThis as Record<symbol, unknown>)[HOOK_FLAG]);
}
export function markPeerHookInstalled() {
  (globalThis as Record<symbol, unknown>)[HOOK_FLAG] = true;
}

/** The peer (socket) address, if the hook stamped it on this request. */
export function peerAddress(headers: Headers, hooked = peerHookInstalled()): string | null {
  return hooked ? normaliseAddress(headers.get(PEER_HEADER)) : null;
}

/** The client's address: the peer, or — when the peer is a trusted proxy — the right-most untrusted forwarded hop. */
export function clientAddress(headers: Headers, trusted: ProxyRule = trustedProxies(), hooked = peerHookInstalled()): string | null {
  const peer = peerAddress(headers, hooked);
  if (!peer || !trusted(peer)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    if (!hop) break; // garbage in the chain: stop at the last address we could trust
    client = hop;
    if (!trusted(hop)) break;
  }
  return client;
}

/** Whether the request reached the first trusted proxy over HTTPS (its X-Forwarded-Proto), or the socket is TLS. */
export function forwardedHttps(headers: Headers, trusted: ProxyRule = trustedProxies(), hooked = peerHookInstalled()): boolean {
  const peer = peerAddress(headers, hooked);
  if (!peer || !trusted(peer)) return false;
  const proto = (headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
