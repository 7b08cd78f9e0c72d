import { describe, expect, it } from 'vitest';
import { clusterMaturity, latestOnOrBefore, yearBefore } from './cluster';

const now = new Date('2026-11-24T00:00:00Z');
const c = (d: 0 | 1 | 2, n: 0 | 1 | 2, i: 0 | 1 | 2 = 0) => ({ d, n, i });
const at = (s: string) => new Date(`${s}T00:00:00Z`);

describe('clusterMaturity', () => {
  const smes = [
    {
      smeClientId: 'a',
      name: 'A',
      assessments: [
        { date: at('2025-01-10'), code: c(0, 0), nationalLevel: 1 },
        { date: at('2026-06-01'), code: c(1, 1), nationalLevel: 2 },
      ],
    },
    { smeClientId: 'b', name: 'B', assessments: [{ date: at('2025-03-01'), code: c(1, 0), nationalLevel: null }] },
    { smeClientId: 'c', name: 'C', assessments: [] },
    { smeClientId: 'd', name: 'D', assessments: [{ date: at('2026-02-01'), code: c(1, 1), nationalLevel: 3 }] },
  ];
  const r = clusterMaturity(smes, now);

  it('places each SME by its latest assessment now and a year ago', () => {
    expect(r.gridNow).toEqual([
      [0, 1, 0],
      [0, 2, 0],
      [0, 0, 0],
    ]);
    expect(r.gridBefore).toEqual([
      [1, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(r.assessedNow).toBe(3);
    expect(r.assessedBefore).toBe(2);
  });

  it('counts who moved and where', () => {
    expect(r.moved).toBe(1);
    expect(r.moves).toEqual([{ from: 'D0N0', to: 'D1N1', count: 1 }]);
  });

  it('gives the share at national level 2 or more among SMEs whose level is known', () => {
    expect(r.nationalLevel2).toEqual({ now: 100, before: 0, knownNow: 2, knownBefore: 1 });
  });

  it('lists SMEs with no assessment in the last twelve months', () => {
    expect(r.stale.map((s) => s.smeClientId)).toEqual(['b', 'c']);
  });

  it('handles an empty cluster', () => {
    const e = clusterMaturity([], now);
    expect(e.assessedNow).toBe(0);
    expect(e.nationalLevel2.now).toBeNull();
  });
});

describe('helpers', () => {
  it('takes the latest item on or before a date', () => {
    const items = [{ date: at('2020-01-01') }, { date: at('2022-01-01') }, { date: at('2021-01-01') }];
    expect(latestOnOrBefore(items, at('2021-06-01'))?.date).toEqual(at('2021-01-01'));
    expect(latestOnOrBefore(items, at('2019-06-01'))).toBeNull();
  });
  it('steps back one year (29 February → 1 March)', () => {
    expect(yearBefore(at('2024-02-29')).toISOString().slice(0, 10)).toBe('2023-03-01');
  });
});
