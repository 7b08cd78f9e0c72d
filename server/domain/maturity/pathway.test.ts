import { describe, expect, it } from 'vitest';
import { type Component, formatCode, type MaturityCode, parseCode } from './code';
import { type Assessment, analysePathway, type BreachReason, judgeStep, type PathwayKind, pathwaySteps, sortAssessments } from './pathway';

function code(text: string): MaturityCode {
  const parsed = parseCode(text);
  if (!parsed.ok) throw new Error(`bad code in test: ${text}`);
  return parsed.code;
}

/** Assessments one month apart, in the order given. */
function pathway(...codes: string[]): Assessment[] {
  return codes.map((text, index) => ({ code: code(text), date: new Date(Date.UTC(2018, index, 1)) }));
}

type ExpectedBreach = { index: number; reason: BreachReason; components: Component[] } | null;

describe('judgeStep', () => {
  it.each<[string, string, BreachReason | null, Component[]]>([
    // no change
    ['D0N0', 'D0N0', null, []],
    ['D2N2I1', 'D2N2I1', null, []],
    // D may always rise, by one or two levels
    ['D0N0', 'D1N0', null, []],
    ['D1N0', 'D2N0', null, []],
    ['D0N0', 'D2N0', null, []],
    ['D0N1', 'D1N1', null, []],
    ['D1N2', 'D2N2', null, []],
    ['D0N0I1', 'D1N0I1', null, []],
    // N on a completed digital base
    ['D2N0', 'D2N1', null, []],
    ['D2N1', 'D2N2', null, []],
    ['D2N0', 'D2N2', null, []],
    ['D1N0', 'D1N1', 'networkBeforeDigitalBase', ['N']],
    ['D0N0', 'D0N1', 'networkBeforeDigitalBase', ['N']],
    ['D1N1', 'D1N2', 'networkBeforeDigitalBase', ['N']],
    // I on D2N2
    ['D2N2', 'D2N2I1', null, []],
    ['D2N2I1', 'D2N2I2', null, []],
    ['D2N2', 'D2N2I2', null, []],
    ['D2N1', 'D2N1I1', 'intelligenceBeforeD2N2', ['I']],
    ['D1N2', 'D1N2I1', 'intelligenceBeforeD2N2', ['I']],
    ['D0N0', 'D0N0I1', 'intelligenceBeforeD2N2', ['I']],
    // several components at once
    ['D0N0', 'D1N1', 'multipleRaised', ['D', 'N']],
    ['D1N1', 'D2N2', 'multipleRaised', ['D', 'N']],
    ['D2N1', 'D2N2I1', 'multipleRaised', ['N', 'I']],
    ['D1N2', 'D2N2I1', 'multipleRaised', ['D', 'I']],
    ['D0N0', 'D1N1I1', 'multipleRaised', ['D', 'N', 'I']],
    ['D1N1', 'D2N2I2', 'multipleRaised', ['D', 'N', 'I']],
    // regressions, whatever else changed
    ['D2N0', 'D1N0', 'lowered', ['D']],
    ['D2N2I1', 'D2N2', 'lowered', ['I']],
    ['D2N2', 'D1N1', 'lowered', ['D', 'N']],
    ['D2N1', 'D1N2', 'lowered', ['D']],
    ['D1N1', 'D0N2I1', 'lowered', ['D']],
  ])('%s → %s: %s %j', (from, to, reason, components) => {
    expect(judgeStep(code(from), code(to))).toEqual(reason === null ? null : { reason, components });
  });
});

describe('analysePathway', () => {
  it.each<[string, string[], PathwayKind, ExpectedBreach]>([
    ['no assessment', [], 'single', null],
    ['a single assessment', ['D1N1'], 'single', null],
    ['a single assessment, even a high one', ['D2N2I2'], 'single', null],
    ['the starting point is never judged (Kute-like start on N)', ['D0N1', 'D1N1', 'D2N1', 'D2N2'], 'in-series', null],
    ['equal consecutive codes', ['D1N1', 'D1N1'], 'in-series', null],
    ['equal codes within a series', ['D0N0', 'D1N0', 'D1N0', 'D2N0', 'D2N0', 'D2N1'], 'in-series', null],
    ['the full sequential pathway', ['D0N0', 'D1N0', 'D2N0', 'D2N1', 'D2N2', 'D2N2I1'], 'in-series', null],
    ['the full sequential pathway to I2', ['D0N0', 'D1N0', 'D2N0', 'D2N1', 'D2N2', 'D2N2I1', 'D2N2I2'], 'in-series', null],
    ['leaps within one component (SANY-like)', ['D0N0', 'D2N0', 'D2N2', 'D2N2I2'], 'in-series', null],
    ['TOMAN SME: D0N0 → D1N1', ['D0N0', 'D1N1'], 'non-linear', { index: 0, reason: 'multipleRaised', components: ['D', 'N'] }],
    ['N before the digital base', ['D1N0', 'D1N1'], 'non-linear', { index: 0, reason: 'networkBeforeDigitalBase', components: ['N'] }],
    ['I before D2N2', ['D2N1', 'D2N1I1'], 'non-linear', { index: 0, reason: 'intelligenceBeforeD2N2', components: ['I'] }],
    ['all three rising at once', ['D0N0', 'D1N1I1'], 'non-linear', { index: 0, reason: 'multipleRaised', components: ['D', 'N', 'I'] }],
    ['a step that lowers a level', ['D1N0', 'D2N0', 'D1N0'], 'non-linear', { index: 1, reason: 'lowered', components: ['D'] }],
    ['lowered I only', ['D2N2', 'D2N2I1', 'D2N2'], 'non-linear', { index: 1, reason: 'lowered', components: ['I'] }],
    [
      'the first breach is reported, not later ones',
      ['D0N0', 'D1N0', 'D1N1', 'D2N2I1', 'D1N0'],
      'non-linear',
      { index: 1, reason: 'networkBeforeDigitalBase', components: ['N'] },
    ],
    ['CFMOTO-like: digital first, network once fully digital', ['D0N0', 'D1N0', 'D2N0', 'D2N1'], 'in-series', null],
    ['GoldWind-like: D and N grow together', ['D1N0', 'D1N1', 'D2N2'], 'non-linear', { index: 0, reason: 'networkBeforeDigitalBase', components: ['N'] }],
    [
      'breach late in a long pathway',
      ['D0N0', 'D1N0', 'D2N0', 'D2N1', 'D2N1I1'],
      'non-linear',
      { index: 3, reason: 'intelligenceBeforeD2N2', components: ['I'] },
    ],
  ])('%s', (_label, codes, kind, expected) => {
    const analysis = analysePathway(pathway(...codes));
    expect(analysis.kind).toBe(kind);
    if (expected === null) {
      expect(analysis.breach).toBeNull();
      return;
    }
    const { index, reason, components, from, to } = analysis.breach ?? {};
    expect({ index, reason, components }).toEqual(expected);
    expect([from && formatCode(from), to && formatCode(to)]).toEqual([codes[expected.index], codes[expected.index + 1]]);
  });

  it('reports the dates of the breaching step', () => {
    const analysis = analysePathway(pathway('D2N0', 'D2N1', 'D2N1I1'));
    expect(analysis.breach).toEqual({
      index: 1,
      reason: 'intelligenceBeforeD2N2',
      components: ['I'],
      from: code('D2N1'),
      to: code('D2N1I1'),
      fromDate: new Date(Date.UTC(2018, 1, 1)),
      toDate: new Date(Date.UTC(2018, 2, 1)),
    });
  });

  it('sorts by date before judging (unsorted input)', () => {
    const at = (text: string, iso: string) => ({ code: code(text), date: new Date(iso) });
    const unsorted = [at('D2N1', '2021-03-01'), at('D0N0', '2018-06-15'), at('D2N0', '2020-01-10'), at('D1N0', '2019-05-20')];
    // read in input order this would be non-linear (D2N1 → D0N0 lowers)
    expect(analysePathway(unsorted)).toEqual({ kind: 'in-series', breach: null });
    // read in input order this would be in series; by date, D2N0 (2019) → D1N0 (2021) lowers D
    const regressing = [at('D1N0', '2021-01-01'), at('D2N0', '2019-01-01'), at('D2N1', '2022-01-01')];
    expect(analysePathway(regressing).breach).toMatchObject({ index: 0, reason: 'lowered', components: ['D'], from: code('D2N0'), to: code('D1N0') });
  });

  it('keeps the input order of assessments on the same date', () => {
    const day = new Date('2020-05-01');
    expect(
      analysePathway([
        { code: code('D1N0'), date: day },
        { code: code('D2N0'), date: day },
      ]).kind,
    ).toBe('in-series');
    expect(
      analysePathway([
        { code: code('D2N0'), date: day },
        { code: code('D1N0'), date: day },
      ]).breach?.reason,
    ).toBe('lowered');
  });

  it('does not reorder the caller’s array', () => {
    const input = [
      { code: code('D1N0'), date: new Date('2020-01-01') },
      { code: code('D0N0'), date: new Date('2019-01-01') },
    ];
    analysePathway(input);
    expect(input.map((a) => formatCode(a.code))).toEqual(['D1N0', 'D0N0']);
  });

  it.each([[[{ code: code('D1N1'), date: new Date('not a date') }]], [[...pathway('D0N0', 'D1N0'), { code: code('D2N0'), date: new Date(Number.NaN) }]]])(
    'rejects an invalid date',
    (assessments) => {
      expect(() => analysePathway(assessments)).toThrow(RangeError);
    },
  );
});

describe('pathwaySteps (arrows on the D×N grid)', () => {
  it('gives one arrow per consecutive pair, in date order, with its verdict', () => {
    const input = pathway('D0N0', 'D1N0', 'D1N0', 'D1N1', 'D1N1I1', 'D0N1I1').reverse();
    const steps = pathwaySteps(input);
    expect(steps.map((s) => [s.index, formatCode(s.from), formatCode(s.to), s.raised, s.lowered, s.movesOnGrid, s.breach?.reason ?? null])).toEqual([
      [0, 'D0N0', 'D1N0', ['D'], [], true, null],
      [1, 'D1N0', 'D1N0', [], [], false, null],
      [2, 'D1N0', 'D1N1', ['N'], [], true, 'networkBeforeDigitalBase'],
      [3, 'D1N1', 'D1N1I1', ['I'], [], false, 'intelligenceBeforeD2N2'],
      [4, 'D1N1I1', 'D0N1I1', [], ['D'], true, 'lowered'],
    ]);
  });

  it('gives the date range of each arrow and the original assessments', () => {
    const input = [
      { id: 'b', code: code('D1N1'), date: new Date('2019-07-01') },
      { id: 'a', code: code('D0N0'), date: new Date('2018-03-01') },
    ];
    const [step, ...rest] = pathwaySteps(input);
    expect(rest).toEqual([]);
    expect(step?.fromDate).toEqual(new Date('2018-03-01'));
    expect(step?.toDate).toEqual(new Date('2019-07-01'));
    expect([step?.fromAssessment.id, step?.toAssessment.id]).toEqual(['a', 'b']);
  });

  it.each([[[]], [pathway('D1N1')]])('has no arrow for fewer than two assessments', (assessments) => {
    expect(pathwaySteps(assessments)).toEqual([]);
  });

  it('agrees with analysePathway on the first breach', () => {
    const input = pathway('D0N0', 'D1N0', 'D2N0', 'D2N1', 'D1N1', 'D2N2I1');
    const firstBreach = pathwaySteps(input).find((s) => s.breach !== null);
    expect(analysePathway(input).breach).toMatchObject({ index: firstBreach?.index, reason: firstBreach?.breach?.reason });
  });
});

describe('sortAssessments', () => {
  it('returns a new array in date order', () => {
    const input = pathway('D0N0', 'D1N0', 'D2N0').reverse();
    const sorted = sortAssessments(input);
    expect(sorted.map((a) => formatCode(a.code))).toEqual(['D0N0', 'D1N0', 'D2N0']);
    expect(sorted).not.toBe(input);
  });
});
