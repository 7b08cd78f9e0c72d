import { describe, expect, it } from 'vitest';
import { type CodeProblem, codeEquals, compareCodes, formatCode, type Level, levelOf, type MaturityCode, meetsTarget, parseCode, withLevel } from './code';
import { maturityCodeSchema } from './schemas';

const c = (d: Level, n: Level, i: Level = 0): MaturityCode => ({ d, n, i });

describe('formatCode (as the paper writes it)', () => {
  it.each([
    [c(0, 0), 'D0N0'],
    [c(1, 1), 'D1N1'],
    [c(2, 2, 1), 'D2N2I1'],
    [c(2, 0), 'D2N0'],
    [c(0, 2), 'D0N2'],
    [c(1, 0, 2), 'D1N0I2'],
    [c(2, 2, 2), 'D2N2I2'],
  ])('%o → %s', (code, text) => {
    expect(formatCode(code)).toBe(text);
  });
});

describe('parseCode: accepted', () => {
  it.each([
    ['D1N1', c(1, 1)],
    ['d2n2i1', c(2, 2, 1)],
    [' D0N1 ', c(0, 1)],
    ['D2N2I0', c(2, 2, 0)],
    ['D0N0', c(0, 0)],
    ['D2N2I2', c(2, 2, 2)],
    ['\tD1n0I1\n', c(1, 0, 1)],
    ['d0N2', c(0, 2)],
  ])('%j → %o', (text, code) => {
    expect(parseCode(text)).toEqual({ ok: true, code });
  });

  it.each([['D0N0'], ['D1N1'], ['D2N2I1'], ['D1N0I2']])('round-trips %s', (text) => {
    const parsed = parseCode(text);
    expect(parsed.ok && formatCode(parsed.code)).toBe(text);
  });
});

describe('parseCode: rejected', () => {
  it.each<[string, CodeProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['D3N1', 'level'],
    ['D1N3', 'level'],
    ['D2N2I3', 'level'],
    ['D9N9I9', 'level'],
    ['N1D1', 'format'],
    ['D1', 'format'],
    ['N1', 'format'],
    ['D1N1I1I1', 'format'],
    ['D1N1N1', 'format'],
    ['X1N1', 'format'],
    ['D1 N1', 'format'],
    ['D-1N1', 'format'],
    ['D10N1', 'format'],
    ['D1N1I', 'format'],
    ['DN', 'format'],
    ['D1N1x', 'format'],
    ['I1D1N1', 'format'],
    ['Ｄ1Ｎ1', 'format'],
  ])('%j → %s', (text, problem) => {
    expect(parseCode(text)).toEqual({ ok: false, problem });
  });
});

describe('compareCodes and codeEquals', () => {
  it.each([
    [c(0, 0), c(0, 0), 0],
    [c(1, 0), c(0, 2), 1],
    [c(0, 2), c(1, 0), -1],
    [c(1, 1), c(1, 2), -1],
    [c(2, 2, 1), c(2, 2), 1],
    [c(2, 2, 1), c(2, 2, 2), -1],
  ])('%o vs %o → sign %s', (a, b, sign) => {
    expect(Math.sign(compareCodes(a, b))).toBe(sign);
    expect(codeEquals(a, b)).toBe(sign === 0);
  });

  it('sorts a list by D, then N, then I', () => {
    const list = [c(2, 0), c(0, 2), c(1, 1, 1), c(1, 1), c(0, 0)];
    expect([...list].sort(compareCodes).map(formatCode)).toEqual(['D0N0', 'D0N2', 'D1N1', 'D1N1I1', 'D2N0']);
  });
});

describe('meetsTarget', () => {
  it.each([
    [c(1, 1), c(1, 1), true],
    [c(2, 1), c(1, 1), true],
    [c(2, 2, 1), c(1, 1), true],
    [c(1, 0), c(1, 1), false],
    [c(0, 2), c(1, 1), false],
    [c(2, 2), c(2, 2, 1), false],
  ])('%o reaches %o → %s', (code, target, expected) => {
    expect(meetsTarget(code, target)).toBe(expected);
  });
});

describe('component access', () => {
  it('reads and replaces one component', () => {
    const code = c(1, 2, 0);
    expect([levelOf(code, 'D'), levelOf(code, 'N'), levelOf(code, 'I')]).toEqual([1, 2, 0]);
    expect(withLevel(code, 'I', 1)).toEqual(c(1, 2, 1));
    expect(code).toEqual(c(1, 2, 0));
  });
});

describe('maturityCodeSchema', () => {
  it.each([
    [{ d: 1, n: 1, i: 0 }, true],
    [{ d: 2, n: 2, i: 2 }, true],
    [{ d: 3, n: 1, i: 0 }, false],
    [{ d: 1, n: 1 }, false],
    [{ d: 1.5, n: 1, i: 0 }, false],
    [{ d: '1', n: 1, i: 0 }, false],
  ])('%o valid → %s', (value, valid) => {
    expect(maturityCodeSchema.safeParse(value).success).toBe(valid);
  });
});
