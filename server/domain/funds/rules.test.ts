import { describe, expect, it } from 'vitest';
import { freeMachineAllowance, fundRules, tomanDefaultRule, usageRuleAt } from './rules';

describe('free machine allowance (TOMAN default: 5 %, at least 1)', () => {
  it.each([
    [80, 4],
    [79, 3],
    [100, 5],
    [19, 1],
    [1, 1],
    [0, 0],
    [12_753, 637],
  ])('%s machines in service → %s free', (n, allowance) => {
    expect(freeMachineAllowance(n, tomanDefaultRule)).toBe(allowance);
  });

  it('honours a higher minimum', () => {
    expect(freeMachineAllowance(20, { ...tomanDefaultRule, minFreeMachines: 3 })).toBe(3);
  });
});

describe('fund rules as data', () => {
  it('accepts the TOMAN rule and rejects malformed ones', () => {
    expect(fundRules.safeParse([tomanDefaultRule]).success).toBe(true);
    expect(fundRules.safeParse([{ ...tomanDefaultRule, freeSharePercent: 120 }]).success).toBe(false);
    expect(fundRules.safeParse([{ ...tomanDefaultRule, perMachineCapFen: '12.5' }]).success).toBe(false);
    expect(fundRules.safeParse([{ kind: 'UNKNOWN' }]).success).toBe(false);
  });
});

describe('the usage rule carries its stage', () => {
  const usage = { kind: 'USAGE_REQUIRED', minMachinesPercent: 90, minHoursPercent: 80, days: 30 };
  it.each([
    [{ ...usage }, true, 'APPROVAL'],
    [{ ...usage, stage: 'APPROVAL' }, true, 'APPROVAL'],
    [{ ...usage, stage: 'PAYOUT' }, true, 'PAYOUT'],
    [{ ...usage, stage: 'LATER' }, false, null],
    [{ ...usage, stage: null }, false, null],
  ])('%j → valid %s, judged %s', (rule, valid, stage) => {
    const parsed = fundRules.safeParse([rule]);
    expect(parsed.success).toBe(valid);
    if (!parsed.success) return;
    expect(usageRuleAt(parsed.data, 'APPROVAL') !== null).toBe(stage === 'APPROVAL');
    expect(usageRuleAt(parsed.data, 'PAYOUT') !== null).toBe(stage === 'PAYOUT');
  });
});

describe('eligible kinds of cost as a fund rule', () => {
  it.each([
    [['HARDWARE', 'SOFTWARE'], true],
    [['HARDWARE', 'INSTALLATION', 'SOFTWARE', 'TRAINING'], true],
    [[], false],
    [['HARDWARE', 'HARDWARE'], false],
    [['OFFICE_PC'], false],
    ['HARDWARE', false],
  ])('%j → %s', (categories, valid) => {
    expect(fundRules.safeParse([{ kind: 'ELIGIBLE_COSTS', categories }]).success).toBe(valid);
  });
});
