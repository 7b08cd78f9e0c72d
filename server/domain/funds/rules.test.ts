import { describe, expect, it } from 'vitest';
import { freeMachineAllowance, fundRules, tomanDefaultRule } from './rules';

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
