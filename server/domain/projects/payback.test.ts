import { describe, expect, it } from 'vitest';
import { cumulativeCashFlow, simplePayback, trackPayback } from './payback';
import { monthlySavings, savingsLine } from './savings';

describe('savings, each line explained', () => {
  it.each([
    [{ kind: 'LABOUR' as const, operatorsFreed: 2, monthlyWageFen: 600_000n, shifts: 2 }, 2_400_000n],
    [{ kind: 'LABOUR' as const, operatorsFreed: 0.5, monthlyWageFen: 600_000n, shifts: 3 }, 900_000n],
    [{ kind: 'SCRAP' as const, rateReductionBp: 150, monthlyScrapCostFen: 4_000_000n }, 60_000n],
    [{ kind: 'SCRAP' as const, rateReductionBp: 1, monthlyScrapCostFen: 5_000n }, 1n], // half a fen rounds up once
    [{ kind: 'ENERGY' as const, monthlyFen: 123_456n }, 123_456n],
  ])('%# saving line → %s fen a month', (input, fen) => expect(savingsLine(input).monthlyFen).toBe(fen));

  it('refuses impossible inputs', () => {
    expect(() => savingsLine({ kind: 'SCRAP', rateReductionBp: 20_000, monthlyScrapCostFen: 1n })).toThrow(RangeError);
    expect(() => savingsLine({ kind: 'LABOUR', operatorsFreed: -1, monthlyWageFen: 1n, shifts: 1 })).toThrow(RangeError);
  });

  it('the sources: three to four operators paid back ¥230,000 within a year', () => {
    const s = monthlySavings([{ kind: 'LABOUR', operatorsFreed: 3.5, monthlyWageFen: 550_000n, shifts: 1 }]);
    expect(s.totalFen).toBe(1_925_000n); // ¥19,250 a month
    expect(simplePayback(23_000_000n, 0n, s.totalFen)).toEqual({ kind: 'months', netFen: 23_000_000n, months: 12 });
  });
});

describe('simple payback', () => {
  it.each([
    [23_000_000n, 0n, 1_920_000n, { kind: 'months', netFen: 23_000_000n, months: 12 }],
    [23_000_000n, 1_160_000n, 1_920_000n, { kind: 'months', netFen: 21_840_000n, months: 11.4 }],
    [100n, 0n, 3n, { kind: 'months', netFen: 100n, months: 33.4 }], // rounds up, never optimistic
    [23_000_000n, 23_000_000n, 0n, { kind: 'paidBackAtOnce', netFen: 0n }],
    [1_000_000n, 2_000_000n, 0n, { kind: 'paidBackAtOnce', netFen: -1_000_000n }],
    [23_000_000n, 0n, 0n, { kind: 'neverPaysBack', netFen: 23_000_000n }],
    [23_000_000n, 0n, -5n, { kind: 'neverPaysBack', netFen: 23_000_000n }],
  ] as const)('cost %s, subsidy %s, savings %s → case %#', (cost, subsidy, savings, verdict) => {
    expect(simplePayback(cost, subsidy, savings)).toEqual(verdict);
  });
});

describe('cash flow and tracking', () => {
  it('accumulates 36 months from the net investment', () => {
    const flow = cumulativeCashFlow(1_000n, () => 100n);
    expect(flow).toHaveLength(37);
    expect(flow[0]).toBe(-1_000n);
    expect(flow[10]).toBe(0n);
    expect(flow[36]).toBe(2_600n);
  });

  it.each([
    [1_000n, [], { kind: 'noData' }],
    [1_000n, [1_000n, 1_020n], { kind: 'onTrack', measuredFen: 2_020n, expectedFen: 2_000n, differenceFen: 20n, months: 2 }],
    [1_000n, [1_200n, 1_300n], { kind: 'ahead', measuredFen: 2_500n, expectedFen: 2_000n, differenceFen: 500n, months: 2 }],
    [1_000n, [600n, 700n], { kind: 'behind', measuredFen: 1_300n, expectedFen: 2_000n, differenceFen: -700n, months: 2 }],
  ] as const)('expected %s a month, tracking case %#', (expected, measured, verdict) => {
    expect(trackPayback(expected, measured)).toEqual(verdict);
  });
});
