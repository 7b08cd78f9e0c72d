import { describe, expect, it } from 'vitest';
import { explainClaim } from '../../i18n/explain';
import { type ClaimFacts, computeClaim } from './allowance';
import type { FundRule } from './rules';

const facts = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({
  inServiceMachines: 80,
  machinesAlreadyClaimed: 0,
  machines: [],
  paidAndInvoicedFen: 0n,
  invoicedUnpaidFen: 0n,
  alreadyGrantedFen: 0n,
  levelReached: null,
  contractDate: '2026-01-10',
  completionDate: '2026-05-20',
  batch: null,
  filedOn: '2026-06-01',
  ...over,
});
const m = (n: number, costYuan = 2_900) => Array.from({ length: n }, (_, i) => ({ assetTag: `M-${i + 1}`, costFen: BigInt(costYuan * 100) }));
const toman: FundRule = { kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null };
const pilot: FundRule[] = [
  { kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: '50000000' },
  {
    kind: 'LEVEL_CAP',
    caps: [
      { level: 2, capFen: '30000000' },
      { level: 3, capFen: '60000000' },
      { level: 4, capFen: '100000000' },
    ],
  },
];

describe('free share of equipment (TOMAN)', () => {
  it.each<[string, Partial<ClaimFacts>, boolean, bigint]>([
    ['80 machines, asks 3, none used', { machines: m(3) }, true, 870_000n],
    ['80 machines, 2 used, asks 3 → 1 over, 2 granted', { machinesAlreadyClaimed: 2, machines: m(3) }, true, 580_000n],
    ['allowance used up', { machinesAlreadyClaimed: 4, machines: m(1) }, false, 0n],
    ['0 machines in service', { inServiceMachines: 0, machines: m(1) }, false, 0n],
    ['19 machines: the minimum of 1 applies', { inServiceMachines: 19, machines: m(2) }, true, 290_000n],
    ['no machine named', { machines: [] }, false, 0n],
  ])('%s', (_n, over, eligible, granted) => {
    const r = computeClaim([toman], facts(over));
    expect(r.eligible).toBe(eligible);
    expect(r.grantedFen).toBe(granted);
  });

  it('caps each machine and covers the most expensive first', () => {
    const capped: FundRule = { ...toman, perMachineCapFen: '400000' };
    const r = computeClaim(
      [capped],
      facts({
        machinesAlreadyClaimed: 3,
        machines: [
          { assetTag: 'A', costFen: 300_000n },
          { assetTag: 'B', costFen: 900_000n },
        ],
      }),
    );
    expect(r.grantedFen).toBe(400_000n); // 1 left: B, capped at ¥4,000
  });

  it('explains itself in both languages', () => {
    const r = computeClaim([toman], facts({ machinesAlreadyClaimed: 2, machines: m(3) }));
    expect(explainClaim(r.steps, 'en')).toBe(
      '80 machines in service × 5% → allowance 4; 2 already used; this claim asks 3 → 1 over; retrofit cost of 2 machines: ¥5,800.00; granted ¥5,800.00',
    );
    expect(explainClaim(r.steps, 'zh-CN')).toBe(
      '80 台在用设备 × 5% → 可免费改造 4 台；已用 2 台；本次申请 3 台 → 超出 1 台；2 台的改造费用合计 ¥5,800.00；核定补贴 ¥5,800.00',
    );
  });
});

describe('share of paid spend, capped by level', () => {
  it('the pilot-city example: ¥412,000 × 50 % = ¥206,000, level 2 → cap ¥300,000, granted ¥206,000', () => {
    const r = computeClaim(pilot, facts({ paidAndInvoicedFen: 41_200_000n, levelReached: 2 }));
    expect(r.grantedFen).toBe(20_600_000n);
    expect(explainClaim(r.steps, 'en')).toBe('invoiced and paid ¥412,000.00 × 50% = ¥206,000.00; level 2 reached → cap ¥300,000.00; granted ¥206,000.00');
    expect(explainClaim(r.steps, 'zh-CN')).toBe('已付发票 41.20 万元 × 50% = 20.60 万元；达到 2 级 → 上限 30.00 万元；核定补贴 20.60 万元');
  });

  it.each<[string, Partial<ClaimFacts>, boolean, bigint]>([
    ['cap reached at level 2', { paidAndInvoicedFen: 80_000_000n, levelReached: 2 }, true, 30_000_000n],
    ['level 3 lifts the cap', { paidAndInvoicedFen: 80_000_000n, levelReached: 3 }, true, 40_000_000n],
    ['firm cap with earlier grants', { paidAndInvoicedFen: 80_000_000n, levelReached: 4, alreadyGrantedFen: 45_000_000n }, true, 5_000_000n],
    ['level not reached', { paidAndInvoicedFen: 10_000_000n, levelReached: 1 }, false, 0n],
    ['level unknown', { paidAndInvoicedFen: 10_000_000n, levelReached: null }, false, 0n],
    ['unpaid invoices do not count', { paidAndInvoicedFen: 1_000_000n, invoicedUnpaidFen: 9_000_000n, levelReached: 2 }, true, 500_000n],
    ['rounding: half a fen rounds up once', { paidAndInvoicedFen: 1n, levelReached: 2 }, true, 1n],
  ])('%s', (_n, over, eligible, granted) => {
    const r = computeClaim(pilot, facts(over));
    expect(r.eligible).toBe(eligible);
    expect(r.grantedFen).toBe(granted);
  });

  it('a batch sets its own, declining rate', () => {
    const batch = { name: '第二批', opensOn: '2026-05-01', closesOn: '2026-06-30', rateBp: 4000 };
    const r = computeClaim(pilot, facts({ paidAndInvoicedFen: 10_000_000n, levelReached: 2, batch }));
    expect(r.grantedFen).toBe(4_000_000n);
  });

  it('a closed batch refuses the claim', () => {
    const batch = { name: '第一批', opensOn: '2026-01-01', closesOn: '2026-03-31', rateBp: null };
    const r = computeClaim(pilot, facts({ paidAndInvoicedFen: 10_000_000n, levelReached: 2, batch }));
    expect(r).toMatchObject({ eligible: false, grantedFen: 0n });
    expect(explainClaim(r.steps, 'en')).toBe('Batch “第一批” is not open (2026-01-01 to 2026-03-31): the claim cannot be taken');
  });
});

describe('deadline and bonus', () => {
  const rules: FundRule[] = [toman, { kind: 'DEADLINE', monthsAfterContract: 6 }, { kind: 'LEVEL_BONUS', bonuses: [{ level: 2, bonusFen: '5000000' }] }];
  it('finished in time, level 2 → bonus added', () => {
    const r = computeClaim(rules, facts({ machines: m(1), levelReached: 2 }));
    expect(r.grantedFen).toBe(290_000n + 5_000_000n);
  });
  it('deadline passed → nothing', () => {
    const r = computeClaim(rules, facts({ machines: m(1), completionDate: '2026-08-01' }));
    expect(r).toMatchObject({ eligible: false, grantedFen: 0n });
    expect(explainClaim(r.steps, 'zh-CN')).toContain('超期');
  });
  it('missing dates are named, not guessed', () => {
    const r = computeClaim(rules, facts({ machines: m(1), completionDate: null }));
    expect(r.steps.at(-1)?.key).toBe('deadlineUnknown');
  });
  it('rules with no amount rule refuse clearly', () => {
    expect(computeClaim([{ kind: 'DEADLINE', monthsAfterContract: 6 }], facts()).steps.at(-1)?.key).toBe('noAmountRule');
  });
});
