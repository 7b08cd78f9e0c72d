import { describe, expect, it } from 'vitest';
import { counterDelta, meterDeltaWh } from './counters';

describe('part counters never give negative output', () => {
  it.each([
    ['counts up', 100, 150, 50],
    ['stands still', 150, 150, 0],
    ['reset to zero and counted a few', 1_200, 15, 15],
    ['reset to exactly zero', 1_200, 0, 0],
    ['16-bit rollover', 65_530, 4, 10],
    ['16-bit rollover from the last value', 65_535, 0, 1],
    ['16-bit: 60,000 → 5 is a reset, not a wrap (too far from the top)', 60_000, 5, 5],
    ['16-bit: near the top but the new value is large: a reset', 65_000, 3_000, 3_000],
    ['32-bit rollover', 4_294_967_290, 10, 16],
    ['32-bit: far from the top: a reset', 3_000_000_000, 10, 10],
    ['above 32 bits going down: a reset', 5_000_000_000, 7, 7],
  ])('%s: %d → %d = %d parts', (_name, prev, cur, parts) => {
    const delta = counterDelta(prev, cur);
    expect(delta).toBe(parts);
    expect(delta).toBeGreaterThanOrEqual(0);
  });
});

describe('energy meters never give negative energy', () => {
  it.each([
    ['counts up', 5_000n, 7_250n, 2_250n],
    ['reset to zero', 7_250n, 100n, 100n],
    ['rolls over at 99,999.999 kWh', 99_999_990n, 20n, 30n],
    ['rolls over at 999,999.999 kWh', 999_999_000n, 500n, 1_500n],
    ['far from any width: a reset', 50_000_000n, 20n, 20n],
  ])('%s: %d → %d Wh = %d Wh', (_name, prev, cur, wh) => expect(meterDeltaWh(prev, cur)).toBe(wh));
});
