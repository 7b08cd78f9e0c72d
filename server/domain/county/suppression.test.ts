import { describe, expect, it } from 'vitest';
import { bands, K_MIN, publish, publishByGroup, quartiles } from './suppression';

describe('publish: a figure only from at least 5 firms', () => {
  it.each([
    [[], false],
    [['a'], false],
    [['a', 'b', 'c', 'd'], false],
    // many rows of four firms are still four firms
    [['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'a', 'b'], false],
    [['a', 'b', 'c', 'd', 'e'], true],
    [['a', 'b', 'c', 'd', 'e', 'f'], true],
  ] as const)('%j → published %s', (firms, published) => {
    const r = publish(firms, () => 42);
    expect(r.published).toBe(published);
    expect(r.firms).toBe(new Set(firms).size);
    if (r.published) expect(r.value).toBe(42);
    else expect(r).not.toHaveProperty('value');
  });
  it('does not even compute a figure it will not publish', () => {
    let ran = false;
    publish(['a', 'b'], () => {
      ran = true;
      return 1;
    });
    expect(ran).toBe(false);
    expect(K_MIN).toBe(5);
  });

  it('a county with 4 firms in one sector: that sector is suppressed, the sector of 6 is published', () => {
    const rows = [
      ...['b1', 'b2', 'b3', 'b4'].map((firmId, i) => ({ firmId, sector: 'BALL_BEARINGS', u: 0.5 + i / 10 })),
      ...['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].map((firmId, i) => ({ firmId, sector: 'GEARS', u: 0.6 + i / 100 })),
    ];
    const out = publishByGroup(
      rows,
      (r) => r.sector,
      (list) => quartiles(list.map((r) => r.u))?.median,
    );
    expect(out).toEqual([
      { group: 'BALL_BEARINGS', figure: { published: false, firms: 4 } },
      { group: 'GEARS', figure: { published: true, firms: 6, value: 0.62 } },
    ]);
  });
});

describe('quartiles and bands', () => {
  it.each([
    [[], null],
    [[5], { min: 5, p25: 5, median: 5, p75: 5, max: 5 }],
    [[4, 1, 3, 2], { min: 1, p25: 1, median: 2, p75: 3, max: 4 }],
    [[10, 20, 30, 40, 50], { min: 10, p25: 20, median: 30, p75: 40, max: 50 }],
  ] as const)('%j → %j', (values, q) => {
    expect(quartiles(values)).toEqual(q);
  });
  it('counts values per band, the last band open-ended', () => {
    expect(bands([0.1, 0.64, 0.65, 0.85, 0.9, 1], [0.65, 0.85])).toEqual([2, 1, 3]);
    expect(bands([], [6, 12])).toEqual([0, 0, 0]);
  });
});
