import { describe, expect, it } from 'vitest';
import type { FundRule } from '../funds/rules';
import { eligibleTotals, markLines } from './eligibility';

const spend: FundRule[] = [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }];
const free: FundRule[] = [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }];
const deadlineOnly: FundRule[] = [{ kind: 'DEADLINE', monthsAfterContract: 6 }];
/** A fund that lists what it pays for: software and training, not hardware or installation. */
const listed: FundRule[] = [...spend, { kind: 'ELIGIBLE_COSTS', categories: ['SOFTWARE', 'TRAINING'] }];
const onlyListed: FundRule[] = [{ kind: 'ELIGIBLE_COSTS', categories: ['SOFTWARE'] }];
const listedFree: FundRule[] = [...free, { kind: 'ELIGIBLE_COSTS', categories: ['HARDWARE', 'TRAINING'] }];

describe('markLines: each cost line eligible or not under the fund', () => {
  it.each([
    // [rules, category, itemCode, eligible, reason]
    [spend, 'HARDWARE', 'DATA_TERMINAL', true, 'kitItem'],
    [spend, 'HARDWARE', 'PROTOCOL_GATEWAY', true, 'kitItem'],
    [spend, 'SOFTWARE', 'SW_MACHINE_MONITORING', true, 'software'],
    [spend, 'INSTALLATION', 'INSTALLATION', true, 'installation'],
    [spend, 'TRAINING', 'TRAINING_DAY', false, 'trainingNotEligible'],
    // an office PC typed by hand as hardware: nothing shows it is a terminal or a sensor
    [spend, 'HARDWARE', null, false, 'manualLine'],
    [free, 'HARDWARE', 'SENSOR_CURRENT', true, 'kitItem'],
    [free, 'TRAINING', 'TRAINING_DAY', false, 'notPerMachine'],
    [free, 'SOFTWARE', null, false, 'manualLine'],
    [deadlineOnly, 'HARDWARE', 'DATA_TERMINAL', false, 'noAmountRule'],
    [[], 'SOFTWARE', 'SW_SPC_QUALITY', false, 'noAmountRule'],
    // the fund's own list replaces the default
    [listed, 'SOFTWARE', 'SW_MACHINE_MONITORING', true, 'software'],
    [listed, 'TRAINING', 'TRAINING_DAY', true, 'listedByFund'],
    [listed, 'HARDWARE', 'DATA_TERMINAL', false, 'notListedByFund'],
    [listed, 'INSTALLATION', 'INSTALLATION', false, 'notListedByFund'],
    [listed, 'SOFTWARE', null, false, 'manualLine'],
    // a free share pays per machine whatever the list says; a listed per-machine kind is eligible
    [listedFree, 'TRAINING', 'TRAINING_DAY', false, 'notPerMachine'],
    [listedFree, 'HARDWARE', 'DATA_TERMINAL', true, 'kitItem'],
    [listedFree, 'SOFTWARE', 'SW_MACHINE_MONITORING', false, 'notListedByFund'],
    [onlyListed, 'SOFTWARE', 'SW_SPC_QUALITY', false, 'noAmountRule'],
  ] as const)('%# %s %s %s → %s (%s)', (rules, category, itemCode, eligible, reason) => {
    const [m] = markLines([{ category, itemCode, totalFen: 100n }], rules);
    expect(m).toMatchObject({ eligible, reason, category, itemCode, totalFen: 100n });
  });

  it('keeps the line as it was (its reference stays with it) and totals exactly in fen', () => {
    const lines = markLines(
      [
        { ref: 'Q-1#1', category: 'HARDWARE' as const, itemCode: 'DATA_TERMINAL', totalFen: 120_000n },
        { ref: 'Q-1#2', category: 'TRAINING' as const, itemCode: 'TRAINING_DAY', totalFen: 200_001n },
        { ref: 'Q-1#3', category: 'SOFTWARE' as const, itemCode: 'SW_MACHINE_MONITORING', totalFen: 18_000n },
      ],
      spend,
    );
    expect(lines.map((l) => l.ref)).toEqual(['Q-1#1', 'Q-1#2', 'Q-1#3']);
    expect(eligibleTotals(lines)).toEqual({ eligibleFen: 138_000n, otherFen: 200_001n, totalFen: 338_001n });
    expect(eligibleTotals([])).toEqual({ eligibleFen: 0n, otherFen: 0n, totalFen: 0n });
  });
});
