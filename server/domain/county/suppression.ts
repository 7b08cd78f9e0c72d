/**
 * The county publishes figures about firms only when each figure is drawn from at least K_MIN firms, so that no
 * single firm can be picked out (a share, a median or a distribution of four firms lets a neighbour guess each one).
 * Pure; every figure of the county's view goes through `publish`.
 */
export const K_MIN = 5;

export type Published<T> = { published: true; value: T; firms: number } | { published: false; firms: number };

/** The figure when it rests on at least `k` distinct firms, else only how many firms there were. */
export function publish<T>(firmIds: Iterable<string>, compute: () => T, k = K_MIN): Published<T> {
  const firms = new Set(firmIds).size;
  return firms >= k ? { published: true, value: compute(), firms } : { published: false, firms };
}

/** Rows grouped by a key (sector, machine kind), each group's figure published only from k firms. */
export function publishByGroup<R extends { firmId: string }, T>(
  rows: readonly R[],
  groupOf: (r: R) => string,
  compute: (rows: R[]) => T,
  k = K_MIN,
): { group: string; figure: Published<T> }[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const g = groupOf(r);
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => ({
      group,
      figure: publish(
        list.map((r) => r.firmId),
        () => compute(list),
        k,
      ),
    }));
}

/** Quartiles (nearest-rank, on sorted values): what a distribution is published as. Empty input → null. */
export function quartiles(values: readonly number[]): { p25: number; median: number; p75: number; min: number; max: number } | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
  return { min: s[0] as number, p25: at(0.25), median: at(0.5), p75: at(0.75), max: s[s.length - 1] as number };
}

/** Counts of values per band (bands are upper bounds, ascending; the last band takes the rest). */
export function bands(values: readonly number[], upperBounds: readonly number[]): number[] {
  const out = new Array<number>(upperBounds.length + 1).fill(0);
  for (const v of values) {
    const i = upperBounds.findIndex((u) => v < u);
    out[i === -1 ? upperBounds.length : i] = (out[i === -1 ? upperBounds.length : i] as number) + 1;
  }
  return out;
}
