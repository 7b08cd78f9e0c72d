import { describe, expect, it } from 'vitest';
import { EMPTY_TOTALS, measure, type WindowTotals } from './measure';
import { centi, moneyWorking, pct, signedPct, tenths } from './working';

const HOUR = 3600;
const w = (p: Partial<WindowTotals>): WindowTotals => ({ ...EMPTY_TOTALS, ...p });
// 61 % → 74 %, output per hour +21.3 %, energy per part −10 %, scrap 2 % → 1.5 %
const before = w({
  plannedS: 100 * HOUR,
  coveredS: 100 * HOUR,
  runningS: 61 * HOUR,
  parts: 6100,
  partsWithWh: 6100,
  wh: 610_000n,
  partsWithGood: 6100,
  good: 5978,
});
const after = w({
  plannedS: 100 * HOUR,
  coveredS: 100 * HOUR,
  runningS: 74 * HOUR,
  parts: 7400,
  partsWithWh: 7400,
  wh: 666_000n,
  partsWithGood: 7400,
  good: 7289,
});
const fleet = measure([{ machineId: 'm', assetTag: 'M', before, after }]);

describe('numbers in sentences', () => {
  it.each([
    [6100, '61', '+61'],
    [6150, '61.5', '+61.5'],
    [2131, '21.3', '+21.3'],
    [-1000, '−10', '−10'],
    [0, '0', '0'],
    [4, '0', '0'],
  ])('%s bp → %s / %s', (bp, p, s) => {
    expect(pct(bp)).toBe(p);
    expect(signedPct(bp)).toBe(s);
  });
  it('hundredths and tenths', () => {
    expect(centi(10_005)).toBe('100.05');
    expect(centi(-7)).toBe('−0.07');
    expect(tenths(15)).toBe('1.5');
    expect(tenths(20)).toBe('2');
  });
});

describe('money working', () => {
  it('labour without staffing: the line as planned while output per hour held — the example sentence', () => {
    const r = moneyWorking(fleet, [{ kind: 'LABOUR', operatorsFreed: 1.5, monthlyWageFen: 640_000n, shifts: 2 }], 30);
    expect(r.steps[0]).toEqual({ key: 'summary', params: { utilBefore: '61', utilAfter: '74', output: '+21.3', coverageBefore: '100', coverageAfter: '100' } });
    expect(r.lines[0]?.step).toEqual({
      key: 'labourAsPlanned',
      params: { wage: 'fen:640000', shifts: 2, output: '+21.3', freed: '1.5', amount: 'fen:1920000', planned: 'fen:1920000' },
    });
    expect(r.monthlyFen).toBe(1_920_000n);
  });

  it('labour with staffing: the operators the old way would need for the measured output, less those working now', () => {
    // 6 per shift before, 4.5 now; output per hour ×1.2131 → 6 × 1.2131 = 7.3 needed − 4.5 = 2.8 freed
    const r = moneyWorking(fleet, [{ kind: 'LABOUR', operatorsFreed: 1.5, monthlyWageFen: 640_000n, shifts: 2, operatorsPerShift: 6 }], 30);
    const l = r.lines[0];
    expect(l?.step.key).toBe('labourMeasured');
    expect(l?.step.params).toMatchObject({ freed: '2.8', staffing: '6', now: '4.5', minutesBefore: '5.9', minutesAfter: '3.6' });
    expect(l?.measuredFen).toBe(3_584_000n); // 2.8 × ¥6,400 × 2
  });

  it('labour not held when output per hour fell', () => {
    const r = moneyWorking(
      measure([{ machineId: 'm', assetTag: 'M', before: after, after: before }]),
      [{ kind: 'LABOUR', operatorsFreed: 1, monthlyWageFen: 600_000n, shifts: 1 }],
      30,
    );
    expect(r.lines[0]?.step.key).toBe('labourNotHeld');
    expect(r.monthlyFen).toBe(0n);
  });

  it('energy with a tariff: Wh per part saved × parts a month × tariff', () => {
    // 100 Wh → 90 Wh per part, 7,400 parts in 30 days, ¥0.80/kWh: 10 × 7,400 × 0.8 / 1000 = ¥59.20
    const r = moneyWorking(fleet, [{ kind: 'ENERGY', monthlyFen: 10_000n, tariffFenPerKwh: 80 }], 30);
    expect(r.steps[1]).toEqual({ key: 'energyPerPart', params: { before: '100.00', after: '90.00', change: '−10' } });
    expect(r.lines[0]?.step).toMatchObject({ key: 'energyMeasured', params: { partsMonth: 7400, tariff: 'fen:80' } });
    expect(r.lines[0]?.measuredFen).toBe(5920n);
    // the same parts over 60 days are half as many a month
    expect(moneyWorking(fleet, [{ kind: 'ENERGY', monthlyFen: 0n, tariffFenPerKwh: 80 }], 60).lines[0]?.measuredFen).toBe(2960n);
  });

  it('energy without a tariff: as planned while energy per part did not rise; without readings: nothing', () => {
    expect(moneyWorking(fleet, [{ kind: 'ENERGY', monthlyFen: 10_000n }], 30).lines[0]).toMatchObject({
      measuredFen: 10_000n,
      step: { key: 'energyAsPlanned' },
    });
    const back = measure([{ machineId: 'm', assetTag: 'M', before: after, after: before }]);
    expect(moneyWorking(back, [{ kind: 'ENERGY', monthlyFen: 10_000n }], 30).lines[0]).toMatchObject({ measuredFen: 0n, step: { key: 'energyNotHeld' } });
    const noMeter = measure([{ machineId: 'm', assetTag: 'M', before: { ...before, partsWithWh: 0, wh: 0n }, after }]);
    expect(moneyWorking(noMeter, [{ kind: 'ENERGY', monthlyFen: 10_000n }], 30).lines[0]).toMatchObject({ measuredFen: 0n, step: { key: 'energyNoData' } });
  });

  it('scrap: the relative fall of the scrap rate × the monthly scrap cost', () => {
    // 2 % → 1.5 %: −25 % of ¥8,000 = ¥2,000
    const r = moneyWorking(fleet, [{ kind: 'SCRAP', rateReductionBp: 3000, monthlyScrapCostFen: 800_000n }], 30);
    expect(r.lines[0]?.step).toMatchObject({ key: 'scrapMeasured', params: { before: '2', after: '1.5', change: '−25' } });
    expect(r.lines[0]?.measuredFen).toBe(200_000n);
  });

  it('other lines as stated, and the month is the sum', () => {
    const r = moneyWorking(
      fleet,
      [
        { kind: 'OTHER', monthlyFen: 12_345n, label: 'MES licence' },
        { kind: 'LABOUR', operatorsFreed: 1.5, monthlyWageFen: 640_000n, shifts: 2 },
      ],
      30,
    );
    expect(r.monthlyFen).toBe(1_932_345n);
    expect(r.steps.at(-1)).toEqual({ key: 'monthly', params: { amount: 'fen:1932345', days: 30 } });
  });

  it('refuses to give money from windows below the coverage, stating it', () => {
    const thin = measure([{ machineId: 'm', assetTag: 'M', before, after: { ...after, coveredS: 50 * HOUR } }]);
    const r = moneyWorking(thin, [{ kind: 'OTHER', monthlyFen: 1n, label: 'x' }], 30);
    expect(r).toEqual({ refused: true, steps: [{ key: 'refused', params: { before: '100', after: '50', min: '80' } }], lines: [], monthlyFen: null });
  });
});
