/**
 * Which lines of the contract's cost list a fund pays for, and why — the "cost list with each line marked" of an
 * acceptance pack. Pilot-city programmes pay for what connects the machines (data-collection terminals, gateways,
 * sensors), software and cloud services, and the work of fitting them; they never pay for office equipment or
 * building works, and a line the provider typed by hand cannot be matched to that list, so it is marked for the
 * county to judge. Training is a service most programmes leave out. TOMAN's free share pays for the retrofit of the
 * named machines only: what is counted per machine.
 * A fund may say which kinds of cost it pays for (rule ELIGIBLE_COSTS, edited with its other rules): then a line of a
 * listed kind is eligible and any other kind is not ("the fund does not pay for it"), instead of the default above.
 */
import type { FundRule } from '../funds/rules';
import type { CostCategory } from '../projects/codes';

export type PackLine = { category: CostCategory; itemCode: string | null; totalFen: bigint };
export type LineReason =
  | 'kitItem'
  | 'software'
  | 'installation'
  | 'trainingNotEligible'
  | 'manualLine'
  | 'notPerMachine'
  | 'noAmountRule'
  | 'listedByFund'
  | 'notListedByFund';
export type MarkedLine<L extends PackLine> = L & { eligible: boolean; reason: LineReason };

/** Per-machine kinds of cost (what a free share of machines covers). */
const perMachine: ReadonlySet<CostCategory> = new Set(['HARDWARE', 'INSTALLATION', 'SOFTWARE']);

function byDefault(category: CostCategory): { eligible: boolean; reason: LineReason } {
  switch (category) {
    case 'HARDWARE':
      return { eligible: true, reason: 'kitItem' };
    case 'SOFTWARE':
      return { eligible: true, reason: 'software' };
    case 'INSTALLATION':
      return { eligible: true, reason: 'installation' };
    default:
      return { eligible: false, reason: 'trainingNotEligible' };
  }
}

/** Marks each line under the fund's rules (the amount rules decide what kind of spend a fund pays for). */
export function markLines<L extends PackLine>(lines: readonly L[], rules: readonly FundRule[]): MarkedLine<L>[] {
  const spendShare = rules.some((r) => r.kind === 'SPEND_SHARE');
  const freeShare = rules.some((r) => r.kind === 'FREE_SHARE');
  const listed = rules.find((r) => r.kind === 'ELIGIBLE_COSTS')?.categories ?? null;
  return lines.map((l) => {
    if (!spendShare && !freeShare) return { ...l, eligible: false, reason: 'noAmountRule' };
    // a line typed by hand is not an item of the price book: nothing shows it is a terminal, a sensor or software
    if (l.itemCode === null) return { ...l, eligible: false, reason: 'manualLine' };
    if (!spendShare && !perMachine.has(l.category)) return { ...l, eligible: false, reason: 'notPerMachine' };
    if (!listed) return { ...l, ...byDefault(l.category) };
    if (!listed.includes(l.category)) return { ...l, eligible: false, reason: 'notListedByFund' };
    // a listed kind keeps its plain reason where the default names one (a terminal is "connection kit")
    const plain = byDefault(l.category);
    return { ...l, eligible: true, reason: plain.eligible ? plain.reason : 'listedByFund' };
  });
}

/** Totals of a marked list: eligible, not eligible, all (fen). */
export function eligibleTotals(lines: readonly { eligible: boolean; totalFen: bigint }[]) {
  let eligibleFen = 0n;
  let otherFen = 0n;
  for (const l of lines) {
    if (l.eligible) eligibleFen += l.totalFen;
    else otherFen += l.totalFen;
  }
  return { eligibleFen, otherFen, totalFen: eligibleFen + otherFen };
}
