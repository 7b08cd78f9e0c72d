/**
 * What a claim may get under a fund's rules, and why, step by step. Pure: everything it needs is passed in. Each
 * step is a message key with parameters, worded in Chinese and English by `explainClaim` (server/i18n), e.g.
 * "80 machines in service → allowance 4; 2 already used; this claim asks 3 → 1 over", or
 * "invoiced ¥412,000 × 50 % = ¥206,000; level 2 reached → cap ¥300,000; granted ¥206,000".
 */
import { z } from 'zod';
import { divRound } from '../money/money';
import { judgeUsage, type UsageEvidence } from '../results/usage';
import { type FundRule, freeMachineAllowance, usageStage } from './rules';

export type ClaimFacts = {
  /** In-service machines of the SME now (retired and idle machines do not count). */
  inServiceMachines: number;
  /** Machines that other claims of this SME under this fund actually cover (pending or granted): see `allowanceUsed`. */
  machinesAlreadyClaimed: number;
  /** The machines this claim names, with each one's retrofit cost (fen). */
  machines: { assetTag: string; costFen: bigint }[];
  /**
   * Eligible spend invoiced to the SME and paid by it (fen); unpaid invoices do not count. The service reads it from
   * one place, `eligibleSpendFen` (server/services/claims/eligible-spend.ts).
   */
  paidAndInvoicedFen: bigint;
  /** Invoiced but unpaid (shown, not counted). */
  invoicedUnpaidFen: bigint;
  /** Already granted to this SME under this fund by earlier claims (fen). */
  alreadyGrantedFen: bigint;
  /** National level reached after the retrofit (from the verification assessment), if known. */
  levelReached: number | null;
  /** Dates as YYYY-MM-DD. */
  contractDate: string | null;
  completionDate: string | null;
  /** The batch the claim is filed in: its rate (bp) overrides the spend-share rate; closed batches refuse. */
  batch: { name: string; opensOn: string; closesOn: string; rateBp: number | null } | null;
  filedOn: string;
  /** "Really used": the claimed machines' data over the days before submission (null: not in the claim). */
  usage?: UsageEvidence | null;
};

export const claimSteps = z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }));
export type Step = z.infer<typeof claimSteps>[number];
/**
 * `coveredAssetTags`: the machines the amount actually pays for. Under a free share only as many as the allowance has
 * left (the most expensive first); these, not every machine named, count against the SME's allowance afterwards.
 */
export type ClaimResult = { eligible: boolean; grantedFen: bigint; steps: Step[]; coveredAssetTags: string[] };

const money = (fen: bigint) => `fen:${fen}`; // rendered as money by the explainer

/** The same calendar day N months later, or that month's last day (31 January + 1 month = 28 February). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function computeClaim(rules: readonly FundRule[], f: ClaimFacts): ClaimResult {
  const steps: Step[] = [];
  const refuse = (key: string, params: Record<string, string | number> = {}): ClaimResult => {
    steps.push({ key, params });
    return { eligible: false, grantedFen: 0n, steps, coveredAssetTags: [] };
  };
  let covered = f.machines.map((m) => m.assetTag);

  if (f.batch) {
    if (f.filedOn < f.batch.opensOn || f.filedOn > f.batch.closesOn)
      return refuse('batchClosed', { batch: f.batch.name, opensOn: f.batch.opensOn, closesOn: f.batch.closesOn });
    steps.push({ key: 'batchOpen', params: { batch: f.batch.name, closesOn: f.batch.closesOn } });
  }
  for (const r of rules) {
    if (r.kind !== 'DEADLINE') continue;
    if (!f.contractDate || !f.completionDate) return refuse('deadlineUnknown', { months: r.monthsAfterContract });
    const due = addMonths(f.contractDate, r.monthsAfterContract);
    if (f.completionDate > due) return refuse('deadlinePassed', { contract: f.contractDate, months: r.monthsAfterContract, due, done: f.completionDate });
    steps.push({ key: 'deadlineMet', params: { done: f.completionDate, due } });
  }
  for (const r of rules) {
    if (r.kind !== 'USAGE_REQUIRED') continue;
    // judged when the payout is recorded, on the data of the days before it: approval does not wait for it
    if (usageStage(r) === 'PAYOUT') {
      steps.push({ key: 'usageAtPayout', params: { machines: r.minMachinesPercent, hours: r.minHoursPercent, days: r.days } });
      continue;
    }
    const usage = judgeUsage(r, f.usage ?? null);
    if (!usage.met) return refuse(usage.step.key, usage.step.params);
    steps.push(usage.step);
  }

  let granted: bigint | null = null;
  for (const r of rules) {
    if (r.kind === 'FREE_SHARE') {
      const allowance = freeMachineAllowance(f.inServiceMachines, r);
      const left = Math.max(0, allowance - f.machinesAlreadyClaimed);
      const asked = f.machines.length;
      const over = Math.max(0, asked - left);
      steps.push({
        key: 'freeShareAllowance',
        params: { inService: f.inServiceMachines, percent: r.freeSharePercent, allowance, used: f.machinesAlreadyClaimed, asked, over },
      });
      if (asked === 0) return refuse('noMachines');
      if (left === 0) return refuse('allowanceUsedUp', { allowance });
      const cap = r.perMachineCapFen === null ? null : BigInt(r.perMachineCapFen);
      // the most expensive machines first: the free share covers what the firm would pay most for
      const paidFor = [...f.machines].sort((a, b) => (b.costFen > a.costFen ? 1 : b.costFen < a.costFen ? -1 : 0)).slice(0, left);
      covered = paidFor.map((m) => m.assetTag);
      let sum = 0n;
      for (const m of paidFor) sum += cap !== null && m.costFen > cap ? cap : m.costFen;
      steps.push({
        key: cap === null ? 'freeShareAmount' : 'freeShareAmountCapped',
        params: { machines: paidFor.length, amount: money(sum), ...(cap !== null ? { cap: money(cap) } : {}) },
      });
      granted = (granted ?? 0n) + sum;
    }
    if (r.kind === 'SPEND_SHARE') {
      const rate = f.batch?.rateBp ?? r.rateBp;
      const share = divRound(f.paidAndInvoicedFen * BigInt(rate), 10_000n);
      steps.push({
        key: 'spendShare',
        params: {
          paid: money(f.paidAndInvoicedFen),
          rate: rate / 100,
          amount: money(share),
          ...(f.invoicedUnpaidFen > 0n ? { unpaid: money(f.invoicedUnpaidFen) } : {}),
        },
      });
      if (f.invoicedUnpaidFen > 0n) steps.push({ key: 'unpaidNotCounted', params: { unpaid: money(f.invoicedUnpaidFen) } });
      let amount = share;
      if (r.capPerFirmFen !== null) {
        const left = BigInt(r.capPerFirmFen) - f.alreadyGrantedFen;
        const room = left > 0n ? left : 0n;
        if (amount > room) {
          steps.push({ key: 'firmCap', params: { cap: money(BigInt(r.capPerFirmFen)), already: money(f.alreadyGrantedFen), amount: money(room) } });
          amount = room;
        }
      }
      granted = (granted ?? 0n) + amount;
    }
  }
  if (granted === null) return refuse('noAmountRule');

  for (const r of rules) {
    if (r.kind === 'LEVEL_CAP') {
      const eligibleCaps = r.caps.filter((c) => f.levelReached !== null && f.levelReached >= c.level);
      if (!eligibleCaps.length) {
        const lowest = Math.min(...r.caps.map((c) => c.level));
        return refuse('levelNotReached', { needed: lowest, reached: f.levelReached ?? '—' });
      }
      const best = eligibleCaps.reduce((a, b) => (b.level > a.level ? b : a));
      const cap = BigInt(best.capFen);
      steps.push({ key: 'levelCap', params: { level: f.levelReached ?? 0, cap: money(cap) } });
      if (granted > cap) granted = cap;
    }
  }
  for (const r of rules) {
    if (r.kind === 'LEVEL_BONUS' && f.levelReached !== null) {
      const reached = r.bonuses.filter((b) => (f.levelReached as number) >= b.level);
      if (reached.length) {
        const best = reached.reduce((a, b) => (b.level > a.level ? b : a));
        steps.push({ key: 'levelBonus', params: { level: f.levelReached, bonus: money(BigInt(best.bonusFen)) } });
        granted += BigInt(best.bonusFen);
      }
    }
  }
  steps.push({ key: 'granted', params: { amount: money(granted) } });
  return { eligible: true, grantedFen: granted, steps, coveredAssetTags: covered };
}
