import { describe, expect, it } from 'vitest';
import { formatYuan } from '../money/money';
import { generateCostLines, PlanError, totalsByCategory } from './cost-lines';
import { defaultPriceBook } from './price-book';

const m = (controlType: 'MANUAL' | 'RELAY' | 'PLC' | 'CNC' | 'OTHER', status: 'IN_SERVICE' | 'RETIRED' = 'IN_SERVICE') => ({ controlType, status });

describe('cost lines from the price book and control types', () => {
  it('gives manual/relay machines a terminal with sensors and PLC/CNC machines a gateway', () => {
    const lines = generateCostLines(defaultPriceBook, {
      machines: [m('MANUAL'), m('RELAY'), m('PLC'), m('CNC')],
      modules: ['MACHINE_MONITORING'],
      softwareYears: 1,
      trainingDays: 2,
    });
    expect(lines.map((l) => [l.category, l.itemCode, l.quantity])).toEqual([
      ['HARDWARE', 'DATA_TERMINAL', 2],
      ['HARDWARE', 'PROTOCOL_GATEWAY', 2],
      ['HARDWARE', 'SENSOR_CURRENT', 2],
      ['HARDWARE', 'SENSOR_COUNTER', 2],
      ['INSTALLATION', 'INSTALLATION', 4],
      ['SOFTWARE', 'SW_MACHINE_MONITORING', 4],
      ['TRAINING', 'TRAINING_DAY', 2],
    ]);
    expect(lines.find((l) => l.itemCode === 'DATA_TERMINAL')?.totalFen).toBe(240_000n);
  });

  it('prices software per machine per year for each chosen module', () => {
    const lines = generateCostLines(defaultPriceBook, {
      machines: [m('CNC'), m('CNC'), m('CNC')],
      modules: ['PRODUCTION_MANAGEMENT', 'SPC_QUALITY'],
      softwareYears: 2,
      trainingDays: 0,
    });
    const sw = lines.filter((l) => l.category === 'SOFTWARE');
    expect(sw.map((l) => [l.itemCode, l.quantity, l.totalFen])).toEqual([
      ['SW_PRODUCTION_MANAGEMENT', 6, 180_000n],
      ['SW_SPC_QUALITY', 6, 144_000n],
    ]);
    expect(lines.some((l) => l.category === 'TRAINING')).toBe(false);
  });

  it('matches the sources: about ¥2,900 a machine for a typical mix of 80 machines', () => {
    const machines = [...Array(30).fill(m('MANUAL')), ...Array(25).fill(m('RELAY')), ...Array(15).fill(m('PLC')), ...Array(10).fill(m('CNC'))];
    const lines = generateCostLines(defaultPriceBook, {
      machines,
      modules: ['MACHINE_MONITORING', 'PRODUCTION_MANAGEMENT', 'SPC_QUALITY'],
      softwareYears: 1,
      trainingDays: 5,
    });
    const totals = totalsByCategory(lines);
    const perMachine = totals.total / 80n;
    // 55 × (1,200 + 260 + 180) + 25 × 1,500 + 80 × 450 + 80 × (180 + 300 + 240) + 5 × 2,000 = 231,300
    expect(formatYuan(totals.total)).toBe('¥231,300.00');
    expect(perMachine).toBeGreaterThan(250_000n);
    expect(perMachine).toBeLessThan(320_000n);
  });

  it.each([
    [{ machines: [], modules: [], softwareYears: 1, trainingDays: 0 }, 'noMachines'],
    [{ machines: [m('PLC', 'RETIRED')], modules: [], softwareYears: 1, trainingDays: 0 }, 'retiredMachine'],
    [{ machines: [m('PLC')], modules: [], softwareYears: 1.5, trainingDays: 0 }, 'badYears'],
    [{ machines: [m('PLC')], modules: [], softwareYears: 1, trainingDays: -1 }, 'badTrainingDays'],
  ] as const)('refuses %j with %s', (input, code) => {
    expect(() => generateCostLines(defaultPriceBook, input as never)).toThrow(PlanError);
    try {
      generateCostLines(defaultPriceBook, input as never);
    } catch (e) {
      expect((e as PlanError).code).toBe(code);
    }
  });

  it('refuses a kit rule that names an item missing from the price book', () => {
    const book = { ...defaultPriceBook, kits: { ...defaultPriceBook.kits, PLC: [{ item: 'NOPE', quantity: 1 }] } };
    expect(() => generateCostLines(book, { machines: [m('PLC')], modules: [], softwareYears: 0, trainingDays: 0 })).toThrow('unknownItem NOPE');
  });

  it('adds categories exactly', () => {
    expect(
      totalsByCategory([
        { category: 'HARDWARE', totalFen: 1n },
        { category: 'HARDWARE', totalFen: 2n },
        { category: 'TRAINING', totalFen: 7n },
      ]),
    ).toEqual({ HARDWARE: 3n, INSTALLATION: 0n, SOFTWARE: 0n, TRAINING: 7n, total: 10n });
  });
});
