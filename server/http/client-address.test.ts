import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedHttps, normaliseAddress, PEER_HEADER, parseTrustedProxies } from './client-address';

const req = (peer: string | null, xff?: string, proto?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (xff) h.set('x-forwarded-for', xff);
  if (proto) h.set('x-forwarded-proto', proto);
  return h;
};

describe('client address', () => {
  it('by default trusts no proxy: the socket address, whatever X-Forwarded-For says', () => {
    const none = parseTrustedProxies(undefined);
    expect(clientAddress(req('203.0.113.5', '1.2.3.4'), none, true)).toBe('203.0.113.5');
    expect(clientAddress(req('::ffff:127.0.0.1', '1.2.3.4'), none, true)).toBe('127.0.0.1');
  });

  it('from a trusted proxy, takes the right-most hop that is not a proxy (forged hops on the left are ignored)', () => {
    const rule = parseTrustedProxies('loopback, 10.0.0.0/8');
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 198.51.100.9'), rule, true)).toBe('198.51.100.9');
    expect(clientAddress(req('::1', '6.6.6.6, 198.51.100.9, 10.1.2.3'), rule, true)).toBe('198.51.100.9');
    expect(clientAddress(req('127.0.0.1'), rule, true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', 'garbage, 198.51.100.9'), rule, true)).toBe('198.51.100.9');
    expect(clientAddress(req('127.0.0.1', 'garbage'), rule, true)).toBe('127.0.0.1');
  });

  it('from an untrusted peer, ignores X-Forwarded-For', () => {
    const rule = parseTrustedProxies('10.0.0.1');
    expect(clientAddress(req('203.0.113.5', '10.0.0.1, 1.2.3.4'), rule, true)).toBe('203.0.113.5');
  });

  it('without the peer hook the address is unknown, never a header a client wrote', () => {
    expect(clientAddress(req('127.0.0.1', '1.2.3.4'), parseTrustedProxies('loopback'), false)).toBeNull();
    expect(clientAddress(req(null, '1.2.3.4'), parseTrustedProxies('loopback'), true)).toBeNull();
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(forwardedHttps(req('127.0.0.1', undefined, 'https'), parseTrustedProxies('loopback'), true)).toBe(true);
    expect(forwardedHttps(req('203.0.113.5', undefined, 'https'), parseTrustedProxies('loopback'), true)).toBe(false);
    expect(forwardedHttps(req('127.0.0.1', undefined, 'http'), parseTrustedProxies('loopback'), true)).toBe(false);
  });

  it('refuses a setting it cannot read', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('proxy.example.com')).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies('private, 2001:db8::/32')('2001:db8::7')).toBe(true);
  });

  it.each([
    ['[::1]', '::1'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['not an ip', null],
  ])('normalises %s', (raw, want) => expect(normaliseAddress(raw)).toBe(want));
});
