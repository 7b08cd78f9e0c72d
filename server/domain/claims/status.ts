/**
 * The life of a subsidy claim, beside the project's (server/domain/projects/status.ts):
 *
 *   DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED ──disburse──▶ DISBURSED
 *     ▲                 │  │
 *     └── RETURNED ◀─return │──reject──▶ REJECTED
 *         (submit again)
 *
 * A draft belongs to its integrator: the county never sees it. The guards below are pure; the services call them
 * inside their one transaction and audit every change.
 */
import { AppError } from '../errors/app-error';
import type { FundRule } from '../funds/rules';
import { formatYuan } from '../money/money';

export const claimStatuses = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'DISBURSED'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export type ClaimAction = 'submit' | 'approve' | 'reject' | 'return' | 'disburse';

type Transition = { from: readonly ClaimStatus[]; to: ClaimStatus; refusal: string };
export const claimTransitions: Record<ClaimAction, Transition> = {
  submit: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', refusal: 'claim.notEditable' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED', refusal: 'claim.notSubmitted' },
  reject: { from: ['SUBMITTED'], to: 'REJECTED', refusal: 'claim.notSubmitted' },
  return: { from: ['SUBMITTED'], to: 'RETURNED', refusal: 'claim.notSubmitted' },
  disburse: { from: ['APPROVED'], to: 'DISBURSED', refusal: 'claim.notApproved' },
};

/** The status an action leads to from `from`, or the refusal in the user's words. */
export function nextClaimStatus(from: ClaimStatus, action: ClaimAction): ClaimStatus {
  const t = claimTransitions[action];
  if (!t.from.includes(from)) throw new AppError('PRECONDITION_FAILED', t.refusal);
  return t.to;
}

/** Evidence and machines change only while the integrator holds the claim. */
export const EDITABLE: readonly ClaimStatus[] = ['DRAFT', 'RETURNED'];
/** Only these are shown to the county: a draft is the integrator's until submitted. */
export const VISIBLE_TO_COUNTY: readonly ClaimStatus[] = ['SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'DISBURSED'];
/**
 * Claims that hold the machines they name: no other claim of the same fund may name them. A returned claim keeps its
 * machines (it comes back); a rejected one frees them; a draft holds nothing (it may be abandoned), so two drafts may
 * name a machine but only the first submitted keeps it.
 */
export const HOLDS_MACHINES: readonly ClaimStatus[] = ['SUBMITTED', 'RETURNED', 'APPROVED', 'DISBURSED'];
/** Claims whose covered machines count against the SME's allowance: pending and granted. */
export const USES_ALLOWANCE: readonly ClaimStatus[] = ['SUBMITTED', 'APPROVED', 'DISBURSED'];
/** Claims whose amount is granted. */
export const GRANTED: readonly ClaimStatus[] = ['APPROVED', 'DISBURSED'];

/** The asset tags this claim names that another live claim of the same fund already holds. */
export function machinesHeldElsewhere(
  named: readonly { machineId: string; assetTag: string }[],
  others: readonly { status: ClaimStatus; machineIds: readonly string[] }[],
): string[] {
  const held = new Set(others.filter((o) => HOLDS_MACHINES.includes(o.status)).flatMap((o) => o.machineIds));
  return named.filter((m) => held.has(m.machineId)).map((m) => m.assetTag);
}

/**
 * What the other claims of the SME under the fund have used: the machines they actually cover (not every machine
 * they name: a claim cut to the allowance left covers only that many) and the amount granted to them.
 */
export function allowanceUsed(others: readonly { status: ClaimStatus; coveredMachines: number; approvedFen: bigint | null }[]): {
  machinesAlreadyClaimed: number;
  alreadyGrantedFen: bigint;
} {
  let machines = 0;
  let granted = 0n;
  for (const o of others) {
    if (USES_ALLOWANCE.includes(o.status)) machines += o.coveredMachines;
    if (GRANTED.includes(o.status)) granted += o.approvedFen ?? 0n;
  }
  return { machinesAlreadyClaimed: machines, alreadyGrantedFen: granted };
}

export const COMMISSIONED_OR_LATER = ['COMMISSIONED', 'VERIFIED'] as const;

export type ReadinessFacts = {
  /** The project's status (from the snapshot; null when an old snapshot did not record it). */
  projectStatus: string | null;
  /** Whether an after-retrofit assessment with a national level is recorded. */
  afterLevelKnown: boolean;
};

/**
 * Whether the fund's rules can be judged on facts: the work is done (the project commissioned or verified) unless every
 * amount rule is a free share that says it may be claimed from the accepted quote; and an after-retrofit assessment
 * with its national level exists when a level rule needs it. Returns the refusal's message key, or null when ready.
 */
export function claimNotReadyReason(rules: readonly FundRule[], f: ReadinessFacts): string | null {
  const early = rules.length > 0 && rules.every((r) => r.kind === 'FREE_SHARE' && r.claimableFrom === 'ACCEPTED');
  const done = f.projectStatus !== null && (COMMISSIONED_OR_LATER as readonly string[]).includes(f.projectStatus);
  const accepted = f.projectStatus !== null && ['ACCEPTED', 'IN_PROGRESS', ...COMMISSIONED_OR_LATER].includes(f.projectStatus);
  if (!(early ? accepted : done)) return early ? 'claim.projectNotAccepted' : 'claim.projectNotCommissioned';
  if (rules.some((r) => r.kind === 'LEVEL_CAP' || r.kind === 'LEVEL_BONUS') && !f.afterLevelKnown) return 'claim.afterAssessmentMissing';
  return null;
}

/**
 * The amount an official approves: at most what the rules allow at the moment of the decision; any amount other than
 * the one submitted (the claim's snapshot) needs a reason, kept in the claim's history.
 */
export function approvalAmount(input: { allowedFen: bigint; submittedFen: bigint; amountFen: bigint | null; reason: string | null }): bigint {
  const amount = input.amountFen ?? input.allowedFen;
  if (amount <= 0n || amount > input.allowedFen) throw new AppError('BAD_REQUEST', 'claim.amountAboveAllowed', { allowed: formatYuan(input.allowedFen) });
  if (amount !== input.submittedFen && !input.reason) throw new AppError('BAD_REQUEST', 'claim.changedNeedsReason');
  return amount;
}
