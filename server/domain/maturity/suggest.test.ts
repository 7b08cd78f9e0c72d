import { describe, expect, it } from 'vitest';
import { formatCode, type MaturityCode } from './code';
import { overrideSchema } from './schemas';
import { applyOverrides, type Override, type OverrideError, overrideReasonMaxLength, suggestLevels, UnknownTechnologyError } from './suggest';

const suggestedCode = (ticked: string[]) => formatCode(suggestLevels(ticked));

describe('suggestLevels: level 2 needs two level-2 items, level 1 any item, per component', () => {
  it.each<[string, string[], string]>([
    ['nothing ticked', [], 'D0N0'],
    ['one D1 item', ['PLC'], 'D1N0'],
    ['many D1 items stay D1', ['PLC', 'ERP', 'MES', 'WMS', 'SCADA', 'CAD_CAE'], 'D1N0'],
    ['one D2 item alone counts as D1', ['DIGITAL_TWIN'], 'D1N0'],
    ['one D2 item with D1 items is still D1', ['PLC', 'MES', 'DIGITAL_STRATEGY'], 'D1N0'],
    ['strategy + digital twin', ['DIGITAL_STRATEGY', 'DIGITAL_TWIN'], 'D2N0'],
    ['two D2 items without the strategy', ['DIGITAL_TWIN', 'INTEGRATED_PRODUCTION'], 'D2N0'],
    ['all D2 items', ['DIGITAL_STRATEGY', 'DIGITALIZED_PRODUCTION_MANAGEMENT', 'DIGITAL_TWIN', 'INTEGRATED_PRODUCTION'], 'D2N0'],
    ['a D2 item ticked twice counts once', ['DIGITAL_TWIN', 'DIGITAL_TWIN'], 'D1N0'],
    ['TOMAN retrofit: MES + networked machines', ['MES', 'VISUALIZED_PRODUCTION', 'NETWORK_ENABLED_PRODUCTION'], 'D1N1'],
    ['one N1 item', ['ONLINE_ORDERS'], 'D0N1'],
    ['one N2 item alone counts as N1', ['IOT'], 'D0N1'],
    ['N2 requires nothing of N1', ['IOT', 'ONLINE_COLLABORATION'], 'D0N2'],
    ['N2 with N1 items', ['INDUSTRIAL_INTERNET', 'IOT', 'ENGINEERING_SERVICES'], 'D0N2'],
    ['N2 does not depend on D (Kute-like D1N2)', ['ERP', 'IOT', 'ONLINE_CUSTOMER_SERVICE'], 'D1N2'],
    ['predictive maintenance is N1 evidence', ['PREDICTIVE_MAINTENANCE'], 'D0N1'],
    ['AI predictive maintenance is I1 evidence', ['AI_PREDICTIVE_MAINTENANCE'], 'D0N0I1'],
    ['one I1 item', ['BIG_DATA'], 'D0N0I1'],
    ['one I2 item alone counts as I1', ['SELF_LEARNING_PRODUCTION_SYSTEM'], 'D0N0I1'],
    ['two I2 items', ['SELF_LEARNING_PRODUCTION_SYSTEM', 'AUTONOMOUS_PRODUCTION'], 'D0N0I2'],
    ['D2N2I1', ['PLC', 'DIGITAL_STRATEGY', 'INTEGRATED_PRODUCTION', 'IOT', 'VERTICAL_HORIZONTAL_INTEGRATION', 'DEEP_LEARNING', 'REMOTE_MAINTENANCE'], 'D2N2I1'],
    [
      'order of ticking does not matter',
      ['AUTONOMOUS_PRODUCTION', 'IOT', 'DIGITAL_TWIN', 'ONLINE_COLLABORATION', 'KNOWLEDGE_CREATION', 'DIGITAL_STRATEGY'],
      'D2N2I2',
    ],
  ])('%s → %s', (_label, ticked, code) => {
    expect(suggestedCode(ticked)).toBe(code);
  });

  it('gives one reason per component, in the order D, N, I, with the evidence split by level', () => {
    const s = suggestLevels(['PLC', 'DIGITAL_TWIN', 'MES', 'IOT', 'DIGITAL_STRATEGY', 'PLC']);
    expect(s.reasons).toEqual([
      { component: 'D', level: 2, rule: 'atLeastTwoLevel2Items', level1Items: ['PLC', 'MES'], level2Items: ['DIGITAL_TWIN', 'DIGITAL_STRATEGY'] },
      { component: 'N', level: 1, rule: 'atLeastOneItem', level1Items: [], level2Items: ['IOT'] },
      { component: 'I', level: 0, rule: 'noItems', level1Items: [], level2Items: [] },
    ]);
    expect([s.d, s.n, s.i]).toEqual(s.reasons.map((r) => r.level));
  });

  it.each<[string[], string[]]>([
    [['PLC', 'BLOCKCHAIN'], ['BLOCKCHAIN']],
    [['plc'], ['plc']],
    [
      ['X', 'IOT', 'Y', 'X'],
      ['X', 'Y'],
    ],
    [[''], ['']],
  ])('rejects unknown codes %j by throwing, naming %j', (ticked, unknown) => {
    let caught: unknown;
    try {
      suggestLevels(ticked);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownTechnologyError);
    expect((caught as UnknownTechnologyError).codes).toEqual(unknown);
  });
});

describe('applyOverrides: every change of level needs a written reason', () => {
  const suggested: MaturityCode = { d: 1, n: 1, i: 0 };

  it.each<[string, Override[], string, number]>([
    ['no overrides', [], 'D1N1', 0],
    ['raise D with a reason', [{ component: 'D', level: 2, reason: 'Digital twin seen on site' }], 'D2N1', 1],
    ['lower N with a reason', [{ component: 'N', level: 0, reason: 'Terminals installed but not connected' }], 'D1N0', 1],
    ['raise I with a reason', [{ component: 'I', level: 1, reason: 'SPC uses a learned model' }], 'D1N1I1', 1],
    [
      'two components',
      [
        { component: 'D', level: 0, reason: 'PLC only on one idle machine' },
        { component: 'I', level: 2, reason: 'x' },
      ],
      'D0N1I2',
      2,
    ],
    ['same level as suggested: dropped, no reason needed', [{ component: 'D', level: 1, reason: '' }], 'D1N1', 0],
    [
      'same level dropped, other applied',
      [
        { component: 'N', level: 1, reason: '  ' },
        { component: 'D', level: 2, reason: 'ok' },
      ],
      'D2N1',
      1,
    ],
    ['reason at the maximum length', [{ component: 'D', level: 0, reason: 'a'.repeat(overrideReasonMaxLength) }], 'D0N1', 1],
    ['blanks around a long reason do not count', [{ component: 'D', level: 0, reason: ` ${'a'.repeat(overrideReasonMaxLength)} ` }], 'D0N1', 1],
  ])('%s → %s', (_label, overrides, code, appliedCount) => {
    const result = applyOverrides(suggested, overrides);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(formatCode(result.code)).toBe(code);
    expect(result.applied).toHaveLength(appliedCount);
  });

  it('records from, to and the trimmed reason', () => {
    const result = applyOverrides(suggested, [{ component: 'N', level: 2, reason: '  IoT platform in use  ' }]);
    expect(result).toEqual({ ok: true, code: { d: 1, n: 2, i: 0 }, applied: [{ component: 'N', from: 1, to: 2, reason: 'IoT platform in use' }] });
  });

  it('does not change the suggestion it is given', () => {
    const input = { ...suggested };
    applyOverrides(input, [{ component: 'D', level: 2, reason: 'r' }]);
    expect(input).toEqual(suggested);
  });

  it('accepts a full suggestion (with reasons) as the suggested code', () => {
    const result = applyOverrides(suggestLevels(['PLC']), [{ component: 'N', level: 1, reason: 'Online orders since May' }]);
    expect(result.ok && formatCode(result.code)).toBe('D1N1');
  });

  it.each<[string, Override[], OverrideError[]]>([
    ['empty reason', [{ component: 'D', level: 2, reason: '' }], [{ index: 0, component: 'D', problem: 'missingReason' }]],
    ['blank reason', [{ component: 'N', level: 0, reason: ' \t\n ' }], [{ index: 0, component: 'N', problem: 'missingReason' }]],
    [
      'reason too long',
      [{ component: 'I', level: 1, reason: 'a'.repeat(overrideReasonMaxLength + 1) }],
      [{ index: 0, component: 'I', problem: 'reasonTooLong' }],
    ],
    [
      'same component twice',
      [
        { component: 'D', level: 2, reason: 'a' },
        { component: 'D', level: 0, reason: 'b' },
      ],
      [{ index: 1, component: 'D', problem: 'duplicateComponent' }],
    ],
    [
      'same component twice, even if the first is a no-op',
      [
        { component: 'D', level: 1, reason: '' },
        { component: 'D', level: 2, reason: 'b' },
      ],
      [{ index: 1, component: 'D', problem: 'duplicateComponent' }],
    ],
    [
      'every error is reported',
      [
        { component: 'D', level: 2, reason: '' },
        { component: 'N', level: 2, reason: 'fine' },
        { component: 'I', level: 1, reason: ' ' },
        { component: 'N', level: 0, reason: 'again' },
      ],
      [
        { index: 0, component: 'D', problem: 'missingReason' },
        { index: 2, component: 'I', problem: 'missingReason' },
        { index: 3, component: 'N', problem: 'duplicateComponent' },
      ],
    ],
  ])('%s → error', (_label, overrides, errors) => {
    expect(applyOverrides(suggested, overrides)).toEqual({ ok: false, errors });
  });
});

describe('overrideSchema', () => {
  it.each([
    [{ component: 'D', level: 2, reason: 'r' }, true],
    [{ component: 'I', level: 0, reason: '' }, true],
    [{ component: 'd', level: 2, reason: 'r' }, false],
    [{ component: 'X', level: 2, reason: 'r' }, false],
    [{ component: 'D', level: 3, reason: 'r' }, false],
    [{ component: 'D', level: 2 }, false],
    [{ component: 'D', level: 2, reason: 'a'.repeat(overrideReasonMaxLength + 1) }, false],
    [{ component: 'D', level: 2, reason: ` ${'a'.repeat(overrideReasonMaxLength)} ` }, true],
  ])('%o valid → %s', (value, valid) => {
    expect(overrideSchema.safeParse(value).success).toBe(valid);
  });
});
