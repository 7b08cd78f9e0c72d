type T = { has: (k: string) => boolean; (k: string, v?: Record<string, string | number>): string };

/** A cost line's name: the price-book item's label, else its hand-written description. */
export function lineLabel(t: T, line: { itemCode: string | null; description: string | null }): string {
  if (line.description) return line.description;
  const key = `projects.items.${line.itemCode}`;
  return line.itemCode && t.has(key) ? t(key) : (line.itemCode ?? '—');
}
