import { describe, expect, it } from 'vitest';
import { parseBatch } from './batch';
import {
  BATCH_MAX_BYTES,
  BATCH_MAX_MESSAGES,
  checkTime,
  kwhToWh,
  MESSAGE_MAX_BYTES,
  parseIsoTimestamp,
  parsePayload,
  stateCodes,
  stateName,
  validatePayload,
} from './payload';

const base = { seq: 7, ts: '2026-05-04T08:00:00+08:00', state: 'running' };
const json = (o: unknown) => JSON.stringify(o);

describe('a valid payload becomes a Sample', () => {
  it('reads the documented example exactly', () => {
    const r = parsePayload(
      json({
        seq: 1042,
        ts: '2026-05-04T08:15:30.250+08:00',
        state: 'alarm',
        alarm: 'E-301',
        count: 15230,
        good: 15188,
        kwh: '12345.678',
        extra: { spindleRpm: 8000, program: 'O1001' },
      }),
    );
    expect(r).toEqual({
      ok: true,
      sample: {
        seq: 1042n,
        at: new Date('2026-05-04T00:15:30.250Z'),
        state: stateCodes.alarm,
        alarm: 'E-301',
        count: 15230,
        good: 15188,
        wh: 12_345_678n,
        extra: { spindleRpm: 8000, program: 'O1001' },
      },
    });
  });
  it.each([
    ['2026-05-04T08:00:00+08:00', '2026-05-04T00:00:00.000Z'],
    ['2026-05-04T08:00+0800', '2026-05-04T00:00:00.000Z'],
    ['2026-05-04T00:00:00Z', '2026-05-04T00:00:00.000Z'],
    ['2026-05-03T20:00:00.123456-04:00', '2026-05-04T00:00:00.123Z'],
    [1777852800000, '2026-05-04T00:00:00.000Z'],
  ])('timestamp %s is %s', (ts, iso) => {
    const r = parsePayload(json({ ...base, ts }));
    expect(r.ok && r.sample.at.toISOString()).toBe(iso);
  });
  it.each([
    ['0', 0n],
    [0, 0n],
    ['0.001', 1n],
    [0.1, 100n],
    ['12.34', 12_340n],
    [12345.678, 12_345_678n],
    ['999999999999.999', 999_999_999_999_999n],
  ])('kwh %s is %s Wh, exactly', (kwh, wh) => {
    const r = parsePayload(json({ ...base, kwh }));
    expect(r.ok && r.sample.wh).toBe(wh);
    expect(kwhToWh(kwh)).toBe(wh);
  });
  it('a seq above 2^53 may come as digits', () => {
    const r = parsePayload(json({ ...base, seq: '9223372036854775807' }));
    expect(r.ok && r.sample.seq).toBe(9_223_372_036_854_775_807n);
  });
  it('every state has a small code, and codes read back', () => {
    for (const name of ['running', 'idle', 'stopped', 'alarm', 'setup'] as const) {
      const r = parsePayload(json({ ...base, state: name }));
      expect(r.ok && stateName(r.sample.state)).toBe(name);
    }
    expect(stateName(0)).toBe('unknown');
    expect(stateName(99)).toBe('unknown');
  });
  it('alarm state without a code is allowed; a leading BOM is ignored; Buffer input works', () => {
    expect(parsePayload(json({ ...base, state: 'alarm' })).ok).toBe(true);
    expect(parsePayload(`\uFEFF${json(base)}`).ok).toBe(true);
    expect(parsePayload(Buffer.from(json(base))).ok).toBe(true);
  });
});

describe('malformed payloads are refused with a reason, never a throw', () => {
  it.each<[string, unknown, string]>([
    ['seq missing', { ts: base.ts, state: 'idle' }, 'seq'],
    ['seq negative', { ...base, seq: -1 }, 'seq must not be negative'],
    ['seq fractional', { ...base, seq: 1.5 }, 'seq must be a whole number'],
    ['seq above 2^53 as a number', { ...base, seq: 2 ** 53 }, 'seq too large'],
    ['seq above bigint', { ...base, seq: '9223372036854775808' }, 'seq too large'],
    ['seq as text with a sign', { ...base, seq: '-4' }, 'seq must be a whole number'],
    ['ts missing', { seq: 1, state: 'idle' }, 'ts'],
    ['ts without offset', { ...base, ts: '2026-05-04T08:00:00' }, 'ts must be ISO 8601'],
    ['ts a date only', { ...base, ts: '2026-05-04' }, 'ts must be ISO 8601'],
    ['ts impossible day', { ...base, ts: '2026-02-30T08:00:00Z' }, 'ts must be ISO 8601'],
    ['ts hour 24', { ...base, ts: '2026-02-03T24:00:00Z' }, 'ts must be ISO 8601'],
    ['ts offset beyond 14 h', { ...base, ts: '2026-02-03T08:00:00+15:00' }, 'ts must be ISO 8601'],
    ['ts epoch seconds', { ...base, ts: 1777852800 }, 'not seconds'],
    ['ts fractional ms', { ...base, ts: 1777852800000.5 }, 'whole number'],
    ['ts boolean', { ...base, ts: true }, 'ts'],
    ['state unknown word', { ...base, state: 'broken' }, 'state must be one of'],
    ['state unknown (server only)', { ...base, state: 'unknown' }, 'state must be one of'],
    ['state as code', { ...base, state: 1 }, 'state must be one of'],
    ['alarm with running', { ...base, alarm: 'E1' }, 'alarm is only allowed with state alarm'],
    ['alarm too long', { ...base, state: 'alarm', alarm: 'E'.repeat(33) }, 'alarm at most 32'],
    ['alarm empty', { ...base, state: 'alarm', alarm: '' }, 'alarm must not be empty'],
    ['alarm control char', { ...base, state: 'alarm', alarm: 'E\u0000' }, 'control characters'],
    ['count negative', { ...base, count: -3 }, 'count must not be negative'],
    ['count fractional', { ...base, count: 2.5 }, 'count must be a whole number'],
    ['count 2^53', { ...base, count: 2 ** 53 }, 'count must be below 2^53'],
    ['count text', { ...base, count: '12' }, 'count must be a number'],
    ['good negative', { ...base, good: -1 }, 'good must not be negative'],
    ['kwh 4 decimals', { ...base, kwh: '1.2345' }, 'kwh must be'],
    ['kwh negative', { ...base, kwh: -1 }, 'kwh must be'],
    ['kwh exponent', { ...base, kwh: '1e3' }, 'kwh must be'],
    ['kwh huge number', { ...base, kwh: 1e21 }, 'kwh must be'],
    ['kwh with comma', { ...base, kwh: '1,5' }, 'kwh must be'],
    ['extra array', { ...base, extra: [1] }, 'extra must be an object'],
    ['extra nested', { ...base, extra: { a: { b: 1 } } }, 'extra: values must be numbers or text'],
    ['extra boolean', { ...base, extra: { a: true } }, 'extra: values must be numbers or text'],
    ['extra bad name', { ...base, extra: { '1a': 1 } }, 'extra: names'],
    ['extra long name', { ...base, extra: { ['a'.repeat(33)]: 1 } }, 'extra: names'],
    ['extra __proto__', JSON.parse('{"seq":1,"ts":1777852800000,"state":"idle","extra":{"__proto__":{"x":1}}}'), 'extra: names'],
    ['extra 17 signals', { ...base, extra: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`s${i}`, i])) }, 'at most 16'],
    ['extra long text', { ...base, extra: { a: 'x'.repeat(65) } }, 'at most 64'],
    ['unknown field', { ...base, temp: 40 }, 'unknown field temp'],
    ['terminal field from a terminal', { ...base, terminal: 'T1' }, 'unknown field terminal'],
    ['array', [base], 'payload must be a JSON object'],
    ['null', null, 'payload must be a JSON object'],
    ['number', 42, 'payload must be a JSON object'],
    ['string', 'running', 'payload must be a JSON object'],
  ])('%s', (_name, value, detail) => {
    const r = parsePayload(json(value));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('invalid');
      expect(r.detail).toContain(detail);
      expect(r.detail.length).toBeLessThanOrEqual(200);
    }
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"seq":1,"ts":'],
    ['trailing garbage', `${json(base)}x`],
    ['single quotes', "{'seq':1}"],
    ['deep nesting', '['.repeat(4000)],
    ['NaN', '{"seq":NaN}'],
  ])('%s is not JSON', (_name, text) => expect(parsePayload(text)).toMatchObject({ ok: false, reason: 'not_json' }));

  it('invalid UTF-8 is not JSON', () => expect(parsePayload(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({ ok: false, reason: 'not_json' }));

  it('the byte limit is checked before parsing (4 KiB per message, counted in UTF-8 bytes)', () => {
    const pad = (n: number) => json({ ...base, extra: { a: 'x' } }).replace('"x"', `"${'x'.repeat(n)}"`);
    const exact = pad(MESSAGE_MAX_BYTES - pad(0).length);
    expect(Buffer.byteLength(exact)).toBe(MESSAGE_MAX_BYTES);
    expect(parsePayload(exact).ok).toBe(false); // within the byte limit, refused by the 64-character rule
    expect(parsePayload(exact)).toMatchObject({ reason: 'invalid' });
    expect(parsePayload(`${exact} `)).toMatchObject({ ok: false, reason: 'too_large', detail: `${MESSAGE_MAX_BYTES + 1} bytes, limit ${MESSAGE_MAX_BYTES}` });
    const chinese = `{"x":"${'机'.repeat(1400)}"}`; // 1,400 characters, 4,208 bytes
    expect(parsePayload(chinese)).toMatchObject({ reason: 'too_large' });
    expect(parsePayload('x'.repeat(10_000_000))).toMatchObject({ reason: 'too_large' });
    expect(parsePayload(json(base), { maxBytes: 10 })).toMatchObject({ reason: 'too_large' });
  });

  it('random bytes and mutated payloads never throw', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const good = json({ seq: 1, ts: '2026-05-04T08:00:00+08:00', state: 'alarm', alarm: 'E1', count: 3, good: 2, kwh: '1.5', extra: { a: 1 } });
    for (let i = 0; i < 3000; i++) {
      const bytes = Buffer.from(good);
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      const r = parsePayload(bytes);
      expect(typeof r.ok).toBe('boolean');
      const random = Buffer.from(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)));
      expect(parsePayload(random).ok).toBe(false);
    }
    expect(validatePayload(undefined)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('timestamps in time', () => {
  const received = new Date('2026-05-04T00:00:00Z');
  it.each([
    ['exactly now', '2026-05-04T00:00:00Z', 'ok'],
    ['5 minutes ahead (clock drift allowed)', '2026-05-04T00:05:00Z', 'ok'],
    ['5 minutes and 1 ms ahead', '2026-05-04T00:05:00.001Z', 'future'],
    ['a year ahead', '2027-05-04T00:00:00Z', 'future'],
    ['89 days old (buffer back-filled)', '2026-02-04T00:00:00Z', 'ok'],
    ['exactly 90 days old', '2026-02-03T00:00:00Z', 'ok'],
    ['90 days and 1 ms old', '2026-02-02T23:59:59.999Z', 'too_old'],
  ])('%s → %s', (_name, ts, expected) => expect(checkTime(new Date(ts), received, 90)).toBe(expected));
  it('parses offsets without a colon and refuses minute offsets above 59', () => {
    expect(parseIsoTimestamp('2026-05-04T08:00:00+0800')?.toISOString()).toBe('2026-05-04T00:00:00.000Z');
    expect(parseIsoTimestamp('2026-05-04T08:00:00+08:60')).toBeNull();
  });
});

describe('HTTPS batches', () => {
  it('reads every element on its own: one bad message does not lose the others', () => {
    const r = parseBatch(json([base, { ...base, seq: 8, state: 'nope' }, { ...base, seq: 9 }]), { gateway: false });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.items.map((i) => i.result.ok)).toEqual([true, false, true]);
  });
  it('a gateway names the terminal of each element', () => {
    const r = parseBatch(json([{ terminal: 'T-1', ...base }, { ...base }, { terminal: 'bad id!', ...base }, { terminal: 'T-2', ...base, state: 'idle' }]), {
      gateway: true,
    });
    expect(r.ok && r.items.map((i) => [i.terminal, i.result.ok])).toEqual([
      ['T-1', true],
      [null, false],
      [null, false],
      ['T-2', true],
    ]);
  });
  it.each<[string, string, string]>([
    ['not an array', json(base), 'invalid'],
    ['empty', '[]', 'invalid'],
    ['not JSON', '[{', 'not_json'],
    ['too many messages', json(Array.from({ length: BATCH_MAX_MESSAGES + 1 }, (_, i) => ({ seq: i }))), 'too_large'],
    ['too many bytes', `[${' '.repeat(BATCH_MAX_BYTES)}]`, 'too_large'],
  ])('a batch %s is refused whole', (_name, body, reason) => expect(parseBatch(body, { gateway: false })).toMatchObject({ ok: false, reason }));
  it('1,000 messages are accepted; an element over 4 KiB is refused on its own', () => {
    const many = parseBatch(json(Array.from({ length: BATCH_MAX_MESSAGES }, (_, i) => ({ ...base, seq: i }))), { gateway: false });
    expect(many.ok && many.items.every((i) => i.result.ok)).toBe(true);
    const big = parseBatch(json([base, { ...base, extra: { a: 'x'.repeat(5000) } }]), { gateway: false });
    expect(big.ok && big.items.map((i) => (i.result.ok ? 'ok' : i.result.reason))).toEqual(['ok', 'too_large']);
  });
});
