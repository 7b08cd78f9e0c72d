/** The display text of a machine kind: the catalogue label of a known kind, else the firm's own name for it. */
export function kindLabel(t: { has: (k: string) => boolean; (k: string): string }, kind: string): string {
  const key = `enums.machineKind.${kind}`;
  return t.has(key) ? t(key) : kind;
}
