import { describe, expect, it } from 'vitest';
import { auditDetails } from './details';

describe('audit details in words', () => {
  it('a claim decision: amount, status change and reason', () => {
    expect(auditDetails('claim.approve', { from: 'SUBMITTED', to: 'APPROVED', amountFen: '750000', reason: '材料齐全' })).toEqual([
      { kind: 'money', label: 'amount', fen: 750000n },
      { kind: 'status', of: 'claim', from: 'SUBMITTED', to: 'APPROVED' },
      { kind: 'text', label: 'reason', value: '材料齐全' },
    ]);
  });
  it('a payment from the firm names the stage; an import its counts', () => {
    expect(auditDetails('project.smePayment', { stage: 'PROGRESS', amountFen: 120000, reference: 'B-7' })).toEqual([
      { kind: 'money', label: 'amount', fen: 120000n },
      { kind: 'stage', stage: 'PROGRESS' },
      { kind: 'text', label: 'reference', value: 'B-7' },
    ]);
    expect(auditDetails('inventory.import', { fileName: 'a.xlsx', rows: 3, created: 2, updated: 1, unchanged: 0 }).map((d) => d.kind)).toEqual([
      'text',
      'count',
      'count',
      'count',
      'count',
    ]);
  });
  it('a budget change shows both amounts; an unchanged budget none', () => {
    expect(auditDetails('fund.update', { budget: ['100', '200'] })).toHaveLength(2);
    expect(auditDetails('fund.update', { budget: ['100', '100'] })).toEqual([]);
  });
  it('whatever the stored data, never throws and words nothing it does not know', () => {
    for (const raw of [null, 'x', 3, [], { amountFen: 'abc' }, { amountFen: 1.5 }, { from: 1, to: 2 }, { changes: [] }]) {
      expect(auditDetails('claim.approve', raw)).toEqual([]);
    }
  });
});
