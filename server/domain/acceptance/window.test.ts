import { describe, expect, it } from 'vitest';
import { checkWindow, outsideWindow } from './window';

const fund = { start: '2026-01-01', end: '2026-12-31' };

describe('checkWindow: contract, invoices and payments inside the fund’s dates', () => {
  it.each([
    ['2026-01-01', 'inside'], // first day counts
    ['2026-12-31', 'inside'], // last day counts
    ['2026-06-15', 'inside'],
    ['2025-12-31', 'before'],
    ['2027-01-01', 'after'],
    [null, 'undated'],
  ] as const)('%s → %s', (day, verdict) => {
    expect(checkWindow([{ ref: 'F-1', day }], fund)[0]?.verdict).toBe(verdict);
  });

  it('lists what breaks the window, with its reference', () => {
    const checked = checkWindow(
      [
        { ref: 'contract Q-1', day: '2025-12-20' },
        { ref: 'invoice 0001', day: '2026-03-01' },
        { ref: 'payment P-2', day: '2027-02-01' },
      ],
      fund,
    );
    expect(outsideWindow(checked).map((c) => [c.ref, c.verdict])).toEqual([
      ['contract Q-1', 'before'],
      ['payment P-2', 'after'],
    ]);
  });
});
