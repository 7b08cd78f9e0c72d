/**
 * The facts of an audit record worth reading, taken from its stored data (whatever version of a service wrote it):
 * amounts, status changes, reasons, counts. The page words them in the reader's language; the raw record stays
 * behind a "details" toggle. Unknown keys are simply not worded.
 */
export type AuditDetail =
  | { kind: 'money'; label: 'amount' | 'budgetFrom' | 'budgetTo'; fen: bigint }
  | { kind: 'status'; of: 'claim' | 'project'; from: string; to: string }
  | { kind: 'role'; from: string; to: string }
  | { kind: 'stage'; stage: string }
  | { kind: 'count'; label: 'rows' | 'created' | 'updated' | 'unchanged' | 'fields'; n: number }
  | {
      kind: 'text';
      label: 'reason' | 'reference' | 'invoiceNo' | 'supplier' | 'month' | 'fileName' | 'code' | 'assetTag' | 'email' | 'name' | 'version';
      value: string;
    }
  | { kind: 'flag'; label: 'paid' | 'unpaid' | 'admin' | 'notAdmin' };

type Data = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const fen = (v: unknown): bigint | null => {
  if (typeof v === 'string' && /^-?\d{1,20}$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  return null;
};
const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

export function auditDetails(action: string, raw: unknown): AuditDetail[] {
  const d: Data = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Data) : {};
  const out: AuditDetail[] = [];
  const [area] = action.split('.');
  const amount = fen(d.amountFen);
  if (amount !== null) out.push({ kind: 'money', label: 'amount', fen: amount });
  if ((area === 'claim' || area === 'project') && typeof d.from === 'string' && typeof d.to === 'string' && d.from !== d.to)
    out.push({ kind: 'status', of: area, from: d.from, to: d.to });
  if (action === 'user.role' && typeof d.from === 'string' && typeof d.to === 'string') out.push({ kind: 'role', from: d.from, to: d.to });
  if (action === 'user.admin' && typeof d.to === 'boolean') out.push({ kind: 'flag', label: d.to ? 'admin' : 'notAdmin' });
  if (action === 'user.invite' || action === 'user.inviteAccept') {
    const email = str(d.email);
    if (email) out.push({ kind: 'text', label: 'email', value: email });
  }
  if (action === 'cluster.update' && typeof d.to === 'string') out.push({ kind: 'text', label: 'name', value: d.to });
  if (Array.isArray(d.budget) && d.budget.length === 2) {
    const [a, b] = d.budget.map(fen);
    if (a !== null && a !== undefined && b !== null && b !== undefined && a !== b) {
      out.push({ kind: 'money', label: 'budgetFrom', fen: a });
      out.push({ kind: 'money', label: 'budgetTo', fen: b });
    }
  }
  const budget = fen(d.budgetFen);
  if (budget !== null) out.push({ kind: 'money', label: 'budgetTo', fen: budget });
  if (typeof d.stage === 'string') out.push({ kind: 'stage', stage: d.stage });
  if (typeof d.paid === 'boolean' && action === 'project.costEntryPaid') out.push({ kind: 'flag', label: d.paid ? 'paid' : 'unpaid' });
  for (const label of ['invoiceNo', 'supplier', 'month', 'fileName', 'code', 'assetTag', 'reference'] as const) {
    const v = str(d[label]);
    if (v) out.push({ kind: 'text', label, value: v });
  }
  if (action === 'priceBook.save' || action === 'fund.rulesChange') {
    const v = str(d.version ?? d.rulesVersion);
    if (v) out.push({ kind: 'text', label: 'version', value: v });
  }
  for (const label of ['rows', 'created', 'updated', 'unchanged'] as const) {
    const n = count(d[label]);
    if (n !== null) out.push({ kind: 'count', label, n });
  }
  if (d.changes && typeof d.changes === 'object' && !Array.isArray(d.changes)) out.push({ kind: 'count', label: 'fields', n: Object.keys(d.changes).length });
  const reason = str(d.reason);
  if (reason) out.push({ kind: 'text', label: 'reason', value: reason });
  return out;
}
