import { describe, expect, it } from 'vitest';
import { divRound, formatIn, formatMoney, formatWan, formatYuan, parseYuan, screenMoneyUnit } from './money';

describe('formatYuan', () => {
  it.each([
    [23_000_000n, '¥230,000.00'],
    [0n, '¥0.00'],
    [1n, '¥0.01'],
    [99n, '¥0.99'],
    [100n, '¥1.00'],
    [123_456_789n, '¥1,234,567.89'],
    [-150n, '-¥1.50'],
    [9_007_199_254_740_993n, '¥90,071,992,547,409.93'], // beyond float precision, still exact
  ])('%s fen → %s', (fen, text) => expect(formatYuan(fen)).toBe(text));
});

describe('formatWan', () => {
  it.each([
    [23_000_000n, '23.00 万元'],
    [500_000_000n, '500.00 万元'],
    [1_234_567_890n, '1,234.57 万元'],
    [5_000n, '0.01 万元'], // ¥50 rounds half up to 0.01 万元
    [4_999n, '0.00 万元'],
    [-23_000_000n, '-23.00 万元'],
    [0n, '0.00 万元'],
  ])('%s fen → %s', (fen, text) => expect(formatWan(fen)).toBe(text));
});

describe('formatMoney', () => {
  it('uses 万元 in Chinese for large amounts and yuan otherwise', () => {
    expect(formatMoney(23_000_000n, 'zh-CN')).toBe('23.00 万元');
    expect(formatMoney(290_000n, 'zh-CN')).toBe('¥2,900.00');
    expect(formatMoney(23_000_000n, 'en')).toBe('¥230,000.00');
  });
});

describe('divRound', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [0n, 7n, 0n],
  ])('%s / %s → %s', (n, d, q) => expect(divRound(n, d)).toBe(q));
  it('refuses division by zero', () => expect(() => divRound(1n, 0n)).toThrow(RangeError));
});

describe('parseYuan', () => {
  it.each([
    ['230000', 23_000_000n],
    ['¥230,000.00', 23_000_000n],
    ['0.5', 50n],
    ['12.34', 1234n],
    ['-1.5', -150n],
    ['1.234', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (text, fen) => expect(parseYuan(text)).toBe(fen));
});

describe('sentenceMoney', () => {
  it('uses one unit for all amounts of a sentence', async () => {
    const { sentenceMoney } = await import('./money');
    const zh = sentenceMoney('zh-CN', [4_500_000n, 750_000n]);
    expect([zh(4_500_000n), zh(750_000n)]).toEqual(['4.50 万元', '0.75 万元']);
    const small = sentenceMoney('zh-CN', [750_000n, 5_000n]);
    expect(small(750_000n)).toBe('¥7,500.00');
    expect(sentenceMoney('en', [4_500_000n])(4_500_000n)).toBe('¥45,000.00');
  });
});

describe('one unit per card or screen', () => {
  it('yuan below 10 万元, 万元 from it in Chinese; always yuan in English', () => {
    expect(screenMoneyUnit('zh-CN', [900_000n, 1_400_000n])).toBe('yuan');
    expect([formatIn('yuan', 900_000n), formatIn('yuan', 1_400_000n)]).toEqual(['¥9,000.00', '¥14,000.00']);
    expect(screenMoneyUnit('zh-CN', [900_000n, 10_000_000n])).toBe('wan');
    expect([formatIn('wan', 900_000n), formatIn('wan', 23_000_000n)]).toEqual(['0.90 万元', '23.00 万元']);
    expect(screenMoneyUnit('zh-CN', [-12_000_000n, null])).toBe('wan');
    expect(screenMoneyUnit('zh-CN', [])).toBe('yuan');
    expect(screenMoneyUnit('en', [23_000_000n])).toBe('yuan');
  });
});
