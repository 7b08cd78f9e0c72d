/**
 * What an acceptance pack still lacks, listed before the download so that the provider — not the county — finds the
 * gaps. Pure: the facts are read by the service (server/services/acceptance/pack-data.ts).
 */
export type PackFacts = {
  /** The claim the pack is filed with (its fund gives the rules and the window); null: no claim yet. */
  claim: { number: string; status: string } | null;
  contract: { number: string } | null;
  costLines: number;
  invoices: number;
  payments: number;
  /** Contract, invoices, payments outside the fund's window (or undated). */
  outsideWindow: number;
  measuredMonths: number;
  assessmentBefore: { kind: string } | null;
  assessmentAfter: { kind: string; nationalLevel: number | null } | null;
  satisfaction: boolean;
  /** Kinds of evidence the fund requires (CONTRACT, COST_LIST, INVOICES, PHOTOS, ASSESSMENTS) and those attached. */
  evidenceRequired: readonly string[];
  evidenceAttached: readonly string[];
  /** The attachments together are larger than a pack may carry. */
  attachmentsTooLarge: boolean;
};

export type ChecklistStatus = 'ok' | 'missing' | 'problem';
export type ChecklistItem = { key: string; status: ChecklistStatus; params: Record<string, string | number> };

export function packChecklist(f: PackFacts): { items: ChecklistItem[]; ready: boolean; missing: number } {
  const items: ChecklistItem[] = [];
  const add = (key: string, ok: boolean, params: Record<string, string | number> = {}, bad: ChecklistStatus = 'missing') =>
    items.push({ key, status: ok ? 'ok' : bad, params });
  add('applicationForm', f.claim !== null, f.claim ? { claim: f.claim.number } : {});
  add('contract', f.contract !== null, f.contract ? { number: f.contract.number } : {});
  add('costList', f.contract !== null && f.costLines > 0, { lines: f.costLines });
  add('invoices', f.invoices > 0, { count: f.invoices });
  add('payments', f.payments > 0, { count: f.payments });
  if (f.claim) add('datesInWindow', f.outsideWindow === 0, { count: f.outsideWindow }, 'problem');
  add('measuredResults', f.measuredMonths > 0, { months: f.measuredMonths });
  add('assessmentBefore', f.assessmentBefore !== null);
  add('assessmentAfter', f.assessmentAfter !== null, f.assessmentAfter?.nationalLevel ? { level: f.assessmentAfter.nationalLevel } : {});
  if (f.evidenceRequired.includes('ASSESSMENTS') && f.assessmentAfter)
    add('thirdPartyAfter', f.assessmentAfter.kind === 'THIRD_PARTY', { kind: f.assessmentAfter.kind }, 'problem');
  add('satisfaction', f.satisfaction);
  for (const kind of f.evidenceRequired) add(`evidence.${kind}`, f.evidenceAttached.includes(kind), { kind });
  if (f.attachmentsTooLarge) add('attachmentsSize', false, {}, 'problem');
  const missing = items.filter((i) => i.status !== 'ok').length;
  return { items, ready: missing === 0, missing };
}
