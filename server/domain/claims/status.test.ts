import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { addMonths, type ClaimFacts, computeClaim } from '../funds/allowance';
import type { FundRule } from '../funds/rules';
import {
  allowanceUsed,
  approvalAmount,
  type ClaimAction,
  type ClaimStatus,
  claimNotReadyReason,
  claimStatuses,
  machinesHeldElsewhere,
  nextClaimStatus,
} from './status';

const refusal = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${e.messageKey}` : String(e);
  }
};

describe('claim life', () => {
  const allowed: Record<string, ClaimStatus> = {
    'DRAFT submit': 'SUBMITTED',
    'RETURNED submit': 'SUBMITTED',
    'SUBMITTED approve': 'APPROVED',
    'SUBMITTED reject': 'REJECTED',
    'SUBMITTED return': 'RETURNED',
    'APPROVED disburse': 'DISBURSED',
  };
  const actions: ClaimAction[] = ['submit', 'approve', 'reject', 'return', 'disburse'];
  const table = claimStatuses.flatMap((from) => actions.map((a) => [from, a] as const));
  it.each(table)('%s → %s', (from, action) => {
    const to = allowed[`${from} ${action}`];
    if (to) expect(nextClaimStatus(from, action)).toBe(to);
    else expect(refusal(() => nextClaimStatus(from, action))).toMatch(/^PRECONDITION_FAILED:claim\./);
  });
});

describe('a machine is claimed once per fund (finding 4)', () => {
  const named = [
    { machineId: 'a', assetTag: 'A' },
    { machineId: 'b', assetTag: 'B' },
    { machineId: 'c', assetTag: 'C' },
  ];
  it.each<[string, ClaimStatus, string[]]>([
    ['a submitted claim holds its machines', 'SUBMITTED', ['A', 'B']],
    ['a returned claim still holds them (it comes back)', 'RETURNED', ['A', 'B']],
    ['an approved claim holds them', 'APPROVED', ['A', 'B']],
    ['a paid claim holds them', 'DISBURSED', ['A', 'B']],
    ['a draft holds nothing (it may be abandoned)', 'DRAFT', []],
    ['a rejected claim frees them', 'REJECTED', []],
  ])('%s', (_name, status, held) => {
    expect(machinesHeldElsewhere(named, [{ status, machineIds: ['a', 'b'] }])).toEqual(held);
  });
});

describe('the allowance used counts covered machines only (finding 3)', () => {
  it.each<[string, { status: ClaimStatus; coveredMachines: number; approvedFen: bigint | null }[], number, bigint]>([
    ['nothing else', [], 0, 0n],
    ['a pending claim counts its covered machines', [{ status: 'SUBMITTED', coveredMachines: 2, approvedFen: null }], 2, 0n],
    ['a claim of 3 cut to 2 counts 2', [{ status: 'APPROVED', coveredMachines: 2, approvedFen: 500n }], 2, 500n],
    ['paid counts as granted', [{ status: 'DISBURSED', coveredMachines: 1, approvedFen: 300n }], 1, 300n],
    [
      'drafts, returned and rejected claims use nothing',
      [
        { status: 'DRAFT', coveredMachines: 3, approvedFen: null },
        { status: 'RETURNED', coveredMachines: 3, approvedFen: null },
        { status: 'REJECTED', coveredMachines: 3, approvedFen: null },
      ],
      0,
      0n,
    ],
  ])('%s', (_n, others, machines, granted) => {
    expect(allowanceUsed(others)).toEqual({ machinesAlreadyClaimed: machines, alreadyGrantedFen: granted });
  });

  it('80 machines (allowance 4): claims of 2 and of 3 (cut to 2) approved in either order get 4 machines’ worth', () => {
    const rule: FundRule = { kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null };
    const m = (tags: string[]) => tags.map((assetTag) => ({ assetTag, costFen: 100n }));
    const facts = (machines: ClaimFacts['machines'], used: number): ClaimFacts => ({
      inServiceMachines: 80,
      machinesAlreadyClaimed: used,
      machines,
      paidAndInvoicedFen: 0n,
      invoicedUnpaidFen: 0n,
      alreadyGrantedFen: 0n,
      levelReached: null,
      contractDate: null,
      completionDate: null,
      batch: null,
      filedOn: '2026-06-01',
    });
    const first = computeClaim([rule], facts(m(['A', 'B']), 0));
    const second = computeClaim(
      [rule],
      facts(m(['C', 'D', 'E']), allowanceUsed([{ status: 'SUBMITTED', coveredMachines: 2, approvedFen: null }]).machinesAlreadyClaimed),
    );
    expect(second.coveredAssetTags).toEqual(['C', 'D']);
    // approving the first while the second is pending: the second covers 2, not the 3 it names
    const firstAtApproval = computeClaim(
      [rule],
      facts(m(['A', 'B']), allowanceUsed([{ status: 'SUBMITTED', coveredMachines: second.coveredAssetTags.length, approvedFen: null }]).machinesAlreadyClaimed),
    );
    const secondAtApproval = computeClaim(
      [rule],
      facts(
        m(['C', 'D', 'E']),
        allowanceUsed([{ status: 'APPROVED', coveredMachines: first.coveredAssetTags.length, approvedFen: 200n }]).machinesAlreadyClaimed,
      ),
    );
    expect(firstAtApproval.grantedFen + secondAtApproval.grantedFen).toBe(400n);
  });
});

describe('a claim is judged on facts (finding 5)', () => {
  const free: FundRule = { kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null };
  const early: FundRule = { ...free, claimableFrom: 'ACCEPTED' };
  const levelCap: FundRule = { kind: 'LEVEL_CAP', caps: [{ level: 2, capFen: '100' }] };
  const bonus: FundRule = { kind: 'LEVEL_BONUS', bonuses: [{ level: 2, bonusFen: '100' }] };
  const spend: FundRule = { kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null };
  it.each<[string, FundRule[], string | null, boolean, string | null]>([
    ['in progress: not yet', [free], 'IN_PROGRESS', false, 'claim.projectNotCommissioned'],
    ['accepted: not yet', [spend], 'ACCEPTED', false, 'claim.projectNotCommissioned'],
    ['commissioned: ready', [free], 'COMMISSIONED', false, null],
    ['verified: ready', [spend], 'VERIFIED', false, null],
    ['unknown status (old snapshot): not ready', [free], null, false, 'claim.projectNotCommissioned'],
    ['a fund whose free share may be claimed from the quote: in progress is fine', [early], 'IN_PROGRESS', false, null],
    ['…but not before the quote is accepted', [early], 'QUOTED', false, 'claim.projectNotAccepted'],
    ['…and not when another amount rule needs the work done', [early, spend], 'IN_PROGRESS', false, 'claim.projectNotCommissioned'],
    ['a level cap needs the after-retrofit assessment', [spend, levelCap], 'COMMISSIONED', false, 'claim.afterAssessmentMissing'],
    ['a level bonus needs it too', [free, bonus], 'VERIFIED', false, 'claim.afterAssessmentMissing'],
    ['with it, ready', [spend, levelCap, bonus], 'VERIFIED', true, null],
  ])('%s', (_n, rules, projectStatus, afterLevelKnown, reason) => {
    expect(claimNotReadyReason(rules, { projectStatus, afterLevelKnown })).toBe(reason);
  });
});

describe('approving another amount than submitted needs a reason', () => {
  it.each<[string, bigint, bigint, bigint | null, string | null, string]>([
    ['the submitted amount as allowed', 400n, 400n, null, null, '400'],
    ['the allowed amount fell since submission: a reason is asked', 200n, 400n, null, null, 'BAD_REQUEST:claim.changedNeedsReason'],
    ['…and given', 200n, 400n, null, 'the other claim covers 2', '200'],
    ['less than submitted without a reason', 400n, 400n, 300n, null, 'BAD_REQUEST:claim.changedNeedsReason'],
    ['less with a reason', 400n, 400n, 300n, 'one machine not fitted', '300'],
    ['above what the rules allow', 400n, 400n, 401n, 'x', 'BAD_REQUEST:claim.amountAboveAllowed'],
    ['zero', 400n, 400n, 0n, 'x', 'BAD_REQUEST:claim.amountAboveAllowed'],
  ])('%s', (_n, allowedFen, submittedFen, amountFen, reason, expected) => {
    let outcome = '';
    const r = refusal(() => {
      outcome = String(approvalAmount({ allowedFen, submittedFen, amountFen, reason }));
    });
    expect(r === 'OK' ? outcome : r).toBe(expected);
  });
});

describe('deadline months end on the month’s last day', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-02', 1, '2026-04-02'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2026-03-02', 6, '2026-09-02'],
  ])('%s + %i months = %s', (from, months, due) => expect(addMonths(from, months)).toBe(due));
});
