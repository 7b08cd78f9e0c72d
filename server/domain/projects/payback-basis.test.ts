import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentBasis, type PaybackFacts, paybackOn } from './payback';

const base: PaybackFacts = {
  status: 'ACCEPTED',
  quotedFen: 8_414_000n,
  contractFen: 8_414_000n,
  invoicedFen: 0n,
  subsidy: { expectedFen: 750_000n, approvedFen: 0n, paidFen: 0n },
  expectedMonthlyFen: 2_100_000n,
  measuredFen: [],
};

describe('the one payback rule', () => {
  it('finding 1: a supplier invoice is not the SME investment — the contract price is, whatever the integrator spent', () => {
    // ¥84,140 contract, ¥7,500 expected subsidy, ¥21,000 a month: (84,140 − 7,500) ÷ 21,000 = 3.65 → 3.7 months
    const p = paybackOn({ ...base, status: 'IN_PROGRESS' });
    expect(p.basis).toEqual({ investment: 'contracted', subsidy: 'expected', savings: 'expected' });
    expect(p.investmentFen).toBe(8_414_000n);
    expect(p.verdict).toEqual({ kind: 'months', netFen: 7_664_000n, months: 3.7 });
  });

  it('finding 6: a partial payout counts as what was paid, not as the whole approved subsidy', () => {
    const p = paybackOn({ ...base, status: 'COMMISSIONED', subsidy: { expectedFen: 750_000n, approvedFen: 750_000n, paidFen: 300_000n } });
    expect(p.basis.subsidy).toBe('paid');
    expect(p.subsidyFen).toBe(300_000n);
    expect(p.netFen).toBe(8_114_000n);
  });

  it('approved and not yet paid counts as approved; nothing decided counts as expected', () => {
    expect(paybackOn({ ...base, subsidy: { expectedFen: 750_000n, approvedFen: 600_000n, paidFen: 0n } }).subsidyFen).toBe(600_000n);
    expect(paybackOn(base).subsidyFen).toBe(750_000n);
  });

  it('before acceptance the quote is the basis; the contract after; the invoiced amount once invoiced in full', () => {
    expect(currentBasis({ ...base, status: 'QUOTED', contractFen: null }).investment).toBe('quoted');
    const full = paybackOn({ ...base, status: 'VERIFIED', invoicedFen: 8_414_000n });
    expect(full.basis.investment).toBe('actual');
    expect(full.investmentFen).toBe(8_414_000n);
    // a partly invoiced contract (the down payment only) is not the investment: that was finding 1 again
    expect(currentBasis({ ...base, status: 'VERIFIED', invoicedFen: 2_524_200n }).investment).toBe('contracted');
  });

  it('measured months replace the estimate, as their average, and the cash flow uses each measured month', () => {
    const p = paybackOn({ ...base, status: 'COMMISSIONED', measuredFen: [1_000_000n, 3_000_000n] });
    expect(p.basis.savings).toBe('measured');
    expect(p.monthlyFen).toBe(2_000_000n);
    expect(p.cashFlow.slice(0, 3)).toEqual([-7_664_000n, -6_664_000n, -3_664_000n]);
    expect(p.cashFlowExpected[1]).toBe(-7_664_000n + 2_100_000n);
    expect(p.tracking.kind).toBe('onTrack'); // 4,000,000 vs 4,200,000 expected: within 5 %
  });

  it('an explicit basis is honoured (the quote is always quoted, expected, expected)', () => {
    const p = paybackOn({ ...base, quotedFen: 9_000_000n, measuredFen: [5_000_000n] }, { investment: 'quoted', subsidy: 'expected', savings: 'expected' });
    expect(p.investmentFen).toBe(9_000_000n);
    expect(p.monthlyFen).toBe(2_100_000n);
  });
});

describe('no other code divides investment by savings', () => {
  it('simplePayback is called only by the payback rule itself', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (['node_modules', 'generated', '.next', '.data'].includes(e.name)) continue;
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.(ts|tsx)$/.test(e.name) && !/^payback(-basis)?(\.test)?\.ts$/.test(e.name) && fs.readFileSync(f, 'utf8').includes('simplePayback('))
          offenders.push(f);
      }
    };
    for (const d of ['server', 'app', 'components', 'prisma']) walk(path.join(root, d));
    expect(offenders).toEqual([]);
  });
});
