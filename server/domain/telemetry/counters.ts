/**
 * Cumulative counters (parts, good parts) and energy meters go down when they are reset or roll over; a naive
 * difference would give negative output. The rule, the same everywhere:
 * - the value went up (or stayed): the difference;
 * - it went down and the previous value was within the top 1/64 of a counter width (16-bit: ≥ 64,512 of 65,536;
 *   32-bit: ≥ 4,227,858,432) while the new value is within the bottom 1/64: a rollover, counted through the wrap
 *   (65,530 → 4 on a 16-bit counter is 10 parts);
 * - otherwise a reset: the new value counts from 0 (1,200 → 15 is 15 parts).
 * Never negative. Energy meters roll over at a decimal display width (99,999.999 kWh → 0), so their widths are
 * 10^4 … 10^9 kWh.
 */

/** Widths at which part counters roll over: 16-bit and 32-bit registers. */
export const COUNTER_WIDTHS: readonly number[] = [2 ** 16, 2 ** 32];
/** Widths at which energy meters roll over, in Wh: 10,000 kWh … 1,000,000,000 kWh. */
export const METER_WIDTHS_WH: readonly bigint[] = [10n ** 7n, 10n ** 8n, 10n ** 9n, 10n ** 10n, 10n ** 11n, 10n ** 12n];

/** Parts counted between two readings of a part counter (both whole numbers ≥ 0). */
export function counterDelta(prev: number, cur: number, widths: readonly number[] = COUNTER_WIDTHS): number {
  if (cur >= prev) return cur - prev;
  for (const w of widths) {
    const margin = w / 64;
    if (prev < w && w - prev <= margin && cur < margin) return w - prev + cur;
  }
  return cur;
}

/** Wh consumed between two readings of an energy meter (whole Wh ≥ 0). */
export function meterDeltaWh(prev: bigint, cur: bigint, widths: readonly bigint[] = METER_WIDTHS_WH): bigint {
  if (cur >= prev) return cur - prev;
  for (const w of widths) {
    const margin = w / 64n;
    if (prev < w && w - prev <= margin && cur < margin) return w - prev + cur;
  }
  return cur;
}
