import { describe, expect, it } from 'vitest';
import { FIRMS_FOR_FULL_MARKS, providerScore, SCORE_WEIGHTS, type ScoreInput } from './provider-score';

const full: ScoreInput = {
  firmsServed: FIRMS_FOR_FULL_MARKS,
  machinesConnected: { count: 40, of: 40 },
  stillUsed90: 1,
  savingsRatio: 1.3,
  satisfactionMean: 5,
  claims: { total: 20, returned: 0, rejected: 0 },
};
const points = (s: ReturnType<typeof providerScore>) => Object.fromEntries(s.parts.map((p) => [p.key, p.points10]));

describe('provider score out of 100', () => {
  it('the weights add up to 100 across the four parts the programmes score', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((s, w) => s + w.max, 0)).toBe(100);
    expect(new Set(Object.values(SCORE_WEIGHTS).map((w) => w.group))).toEqual(new Set(['firmsServed', 'capability', 'results', 'capacity']));
  });

  it.each([
    // [case, input, score in tenths, not scored, parts]
    ['everything full (savings above the promise capped)', full, 1000, 0, {}],
    [
      'a typical provider',
      {
        firmsServed: 9,
        machinesConnected: { count: 18, of: 20 },
        stillUsed90: 16 / 18,
        savingsRatio: 0.85,
        satisfactionMean: 4.2,
        claims: { total: 10, returned: 2, rejected: 1 },
      },
      // 9/20×25 = 11.25 → 11.3; 0.9×15 = 13.5; 0.888…×10 = 8.9; 0.85×20 = 17; (3.2/4)×10 = 8; 7/10×20 = 14
      113 + 135 + 89 + 170 + 80 + 140,
      0,
      { firmsServed: 113, machinesConnected: 135, stillUsed90: 89, savings: 170, satisfaction: 80, cleanClaims: 140 },
    ],
    [
      'figures withheld under the 5-firm rule score nothing and are counted as not scored',
      { ...full, firmsServed: 4, machinesConnected: 'withheld', stillUsed90: 'withheld', savingsRatio: 'withheld', satisfactionMean: 'withheld' },
      50 + 200,
      55,
      { firmsServed: 50, machinesConnected: null, stillUsed90: null, savings: null, satisfaction: null },
    ],
    [
      'nothing yet: no machine, no claim',
      {
        firmsServed: 0,
        machinesConnected: { count: 0, of: 0 },
        stillUsed90: null,
        savingsRatio: null,
        satisfactionMean: null,
        claims: { total: 0, returned: 0, rejected: 0 },
      },
      0,
      75,
      { firmsServed: 0, machinesConnected: null, cleanClaims: null },
    ],
    [
      'satisfaction 1 of 5 scores 0, more firms than needed are capped',
      { ...full, firmsServed: 50, satisfactionMean: 1 },
      900,
      0,
      { firmsServed: 250, satisfaction: 0 },
    ],
    [
      'a returned and later rejected claim never makes the share negative',
      { ...full, claims: { total: 1, returned: 1, rejected: 1 } },
      800,
      0,
      { cleanClaims: 0 },
    ],
    ['a savings ratio that is not a number scores 0, not NaN', { ...full, savingsRatio: Number.NaN }, 800, 0, { savings: 0 }],
  ] as const)('%s', (_name, input, score10, notScored, expected) => {
    const s = providerScore(input as ScoreInput);
    expect(s.score10).toBe(score10);
    expect(s.notScored).toBe(notScored);
    expect(points(s)).toMatchObject(expected);
    expect(s.parts.find((p) => p.key === 'stillUsed90')?.notScored).toBe(
      input.stillUsed90 === 'withheld' ? 'withheld' : input.stillUsed90 === null ? 'nothingYet' : null,
    );
  });
});
