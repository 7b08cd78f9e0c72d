import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';
import { checkPlanTotal, fenSchema, fenStringSchema, idSchema, moneyLimits, percentSchema, quantitySchema } from './bounds';
import { calendarDate, calendarMonth, maxYear, minYear } from './calendar-date';
import { cleanImportedText, optionalSafeText, safeText, searchText } from './safe-text';

const problem = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : (r.error.issues[0]?.message ?? '?');
};

describe('calendarDate', () => {
  it.each([
    ['2026-02-28', null],
    ['2024-02-29', null],
    ['2000-02-29', null],
    ['1950-01-01', null],
    ['2100-12-31', null],
    ['2026-02-31', 'date'],
    ['2026-02-29', 'date'],
    ['1900-02-29', 'date'],
    ['2026-13-45', 'date'],
    ['2026-04-31', 'date'],
    ['0000-00-00', 'date'],
    ['2026-00-10', 'date'],
    ['2026-1-5', 'date'],
    ['2026-01-05T00:00:00Z', 'date'],
    ['', 'date'],
    [' 2026-01-05', 'date'],
    ['0001-01-01', 'dateRange'],
    ['9999-12-31', 'dateRange'],
    ['1949-12-31', 'dateRange'],
    ['2101-01-01', 'dateRange'],
    [20260105, 'date'],
  ])('%s → %s', (v, expected) => {
    expect(problem(calendarDate, v)).toBe(expected);
  });

  it('keeps the day as typed (no roll-over)', () => {
    expect(calendarDate.parse('2026-03-03')).toBe('2026-03-03');
  });

  it('the message names the years the schema accepts', () => {
    expect(en.validation.dateRange).toContain(String(minYear));
    expect(en.validation.dateRange).toContain(String(maxYear));
    expect(zh.validation.dateRange).toContain(String(maxYear));
  });
});

describe('calendarMonth', () => {
  it.each([
    ['2026-05', null],
    ['2026-13', 'month'],
    ['2026-00', 'month'],
    ['0000-01', 'dateRange'],
    ['9999-12', 'dateRange'],
    ['2026-5', 'month'],
  ])('%s → %s', (v, expected) => expect(problem(calendarMonth, v)).toBe(expected));
});

describe('safeText', () => {
  const name = safeText(10);
  it.each([
    ['万丰轴承', null, '万丰轴承'],
    ['  padded  ', null, 'padded'],
    ['a\u0000b', 'badCharacters', null],
    ['a\u0007b', 'badCharacters', null],
    ['line\nbreak', 'badCharacters', null],
    ['tab\there', 'badCharacters', null],
    ['\u0085next', 'badCharacters', null],
    ['lone \uD800 high', 'badCharacters', null],
    ['lone \uDC00 low', 'badCharacters', null],
    ['\uFFFF', 'badCharacters', null],
    ['😀 ok', null, '😀 ok'],
    ['zero\u200Bwidth', null, 'zerowidth'],
    ['\u202Efdp.exe', null, 'fdp.exe'],
    ['a\u2066b\u2069c\uFEFF', null, 'abc'],
    ['e\u0301', null, 'é'],
    ['', 'required', null],
    ['   ', 'required', null],
    ['\u200B\u200B', 'required', null],
    ['12345678901', 'tooLong', null],
    ['一二三四五六七八九十', null, '一二三四五六七八九十'],
    ['😀😀😀😀😀😀😀😀😀😀', null, '😀😀😀😀😀😀😀😀😀😀'],
    [42, 'text', null],
  ])('%j → %s', (v, expected, cleaned) => {
    expect(problem(name, v)).toBe(expected);
    if (cleaned !== null) expect(name.parse(v)).toBe(cleaned);
  });

  it('multi-line text keeps line breaks and tabs but still refuses NUL', () => {
    const notes = safeText(100, { multiLine: true });
    expect(notes.parse('one\ntwo\tthree')).toBe('one\ntwo\tthree');
    expect(problem(notes, 'one\u0000two')).toBe('badCharacters');
  });

  it('optional and search text: blank becomes null / undefined; bad characters are still refused', () => {
    expect(optionalSafeText(10).parse('  ')).toBeNull();
    expect(optionalSafeText(10).parse(undefined)).toBeNull();
    expect(problem(optionalSafeText(10), 'x\u0000')).toBe('badCharacters');
    expect(searchText(10).parse('')).toBeUndefined();
    expect(problem(searchText(10), '\uD800')).toBe('badCharacters');
  });
});

describe('bounds', () => {
  it.each([
    [idSchema, 'ckabc123_-X', null],
    [idSchema, "x' OR 1=1", 'id'],
    [idSchema, 'a\u0000', 'id'],
    [idSchema, 'x'.repeat(65), 'id'],
    [quantitySchema, 100_000, null],
    [quantitySchema, 1_000_000, 'range'],
    [quantitySchema, 1.5, 'number'],
    [quantitySchema, -1, 'range'],
    [percentSchema, 100, null],
    [percentSchema, 101, 'range'],
    [fenSchema(moneyLimits.unitPriceFen), moneyLimits.unitPriceFen, null],
    [fenSchema(moneyLimits.unitPriceFen), 1_000_000_000_000n, 'money'],
    [fenSchema(moneyLimits.unitPriceFen), -1n, 'money'],
    [fenStringSchema(moneyLimits.amountFen), '100', null],
    [fenStringSchema(moneyLimits.amountFen), '1000000000000000', 'money'],
    [fenStringSchema(moneyLimits.amountFen), '-1', 'money'],
  ] as [z.ZodType, unknown, string | null][])('%#: %s → %s', (schema, v, expected) => {
    expect(problem(schema, v)).toBe(expected);
  });

  it('a plan of 10 lines of 1,000,000 × ¥10,000,000,000 is refused before anything else; a real plan passes', () => {
    const plan = z.array(z.object({ quantity: z.number(), unitPriceFen: z.bigint() })).superRefine(checkPlanTotal);
    expect(
      problem(
        plan,
        Array.from({ length: 10 }, () => ({ quantity: 1_000_000, unitPriceFen: 1_000_000_000_000n })),
      ),
    ).toBe('planTotal');
    expect(problem(plan, [{ quantity: 500, unitPriceFen: 290_000n }])).toBeNull();
    expect(
      problem(
        plan,
        Array.from({ length: 21 }, () => ({ quantity: 100_000, unitPriceFen: 100_000n })),
      ),
    ).toBe('planTotal');
  });
});

describe('cleanImportedText (cells of imported files)', () => {
  it.each([
    ['Müller', 'Müller'],
    ['a\u0000b\u0007c', 'abc'],
    ['x\uD800y', 'x\uFFFDy'],
    ['\u202E万丰\u200B', '万丰'],
    ['two\nlines\tok', 'two\nlines\tok'],
    ['😀', '😀'],
  ])('%j → %j', (v, expected) => expect(cleanImportedText(v)).toBe(expected));
});
