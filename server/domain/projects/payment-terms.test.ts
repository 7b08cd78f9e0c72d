import { describe, expect, it } from 'vitest';
import { checkPaymentTerms, defaultPaymentTerms, eventsReached, splitContract } from './payment-terms';
import { vatIncluded, vatRateBpByCategory } from './vat';

describe('payment schedule', () => {
  it('splits a contract into stages that add up to the price exactly (the last stage takes the rounding)', () => {
    const parts = splitContract(8_414_001n, defaultPaymentTerms);
    expect(parts.map((p) => p.stage)).toEqual(['DOWN_PAYMENT', 'PROGRESS', 'ACCEPTANCE', 'RETENTION']);
    expect(parts.map((p) => p.amountFen)).toEqual([2_524_200n, 2_524_200n, 2_944_900n, 420_701n]);
    expect(parts.reduce((s, p) => s + p.amountFen, 0n)).toBe(8_414_001n);
  });
  it.each([
    [[], 'noStages'],
    [
      [
        { stage: 'DOWN_PAYMENT', dueOn: 'SIGNING', shareBp: 5000 },
        { stage: 'DOWN_PAYMENT', dueOn: 'START', shareBp: 5000 },
      ],
      'duplicateStage',
    ],
    [[{ stage: 'DOWN_PAYMENT', dueOn: 'SIGNING', shareBp: 0 }], 'shareOutOfRange'],
    [[{ stage: 'DOWN_PAYMENT', dueOn: 'SIGNING', shareBp: 9000 }], 'sharesNot100'],
    [defaultPaymentTerms, null],
  ] as const)('%# → %s', (terms, problem) => expect(checkPaymentTerms(terms as never)).toBe(problem));
  it('knows what is due by status', () => {
    expect([...eventsReached('DRAFT')]).toEqual([]);
    expect([...eventsReached('ACCEPTED')]).toEqual(['SIGNING']);
    expect([...eventsReached('COMMISSIONED')]).toEqual(['SIGNING', 'START', 'COMMISSIONING']);
  });
});

describe('VAT included in a price', () => {
  it.each([
    [11_300n, 1300, 1_300n],
    [10_600n, 600, 600n],
    [100n, 1300, 12n], // 11.5 → 12
    [0n, 1300, 0n],
    [5_000n, 0, 0n],
  ])('%s fen at %s bp holds %s fen of tax', (amount, rate, tax) => expect(vatIncluded(amount, rate)).toBe(tax));
  it('equipment 13 %, services and software 6 %', () => {
    expect(vatRateBpByCategory.HARDWARE).toBe(1300);
    expect(vatRateBpByCategory.SOFTWARE).toBe(600);
  });
});
