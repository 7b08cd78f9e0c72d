import { describe, expect, it } from 'vitest';
import { formatCode } from './code';
import { AssessmentRowValidator, parseImportedCode } from './import';

const smes = new Map([
  ['新昌县万丰轴承有限公司', 'sme1'],
  ['92330624ma0004cmxc', 'sme1'],
  ['xinchang tianma', 'sme2'],
]);
const make = (headers: string[]) => new AssessmentRowValidator(headers, 1, smes, '2026-11-24', 'Importer');

describe('assessment import rows', () => {
  it('reads good rows in Chinese or English headers, any order', () => {
    const v = make(['成熟度代码', '企业', '评估日期', '国家数字化水平等级', '评估类型']);
    v.add(2, ['D0N0', '新昌县万丰轴承有限公司', '2016-03-01', 1, '自评']);
    v.add(3, ['d1n1', '92330624MA0004CMXC', 44377, '2', 'third-party']);
    v.add(4, []);
    expect(v.issues).toEqual([]);
    expect(v.rows.map((r) => [r.row, r.smeClientId, r.date, r.code, r.nationalLevel, r.kind])).toEqual([
      [2, 'sme1', '2016-03-01', { d: 0, n: 0, i: 0 }, 1, 'SELF'],
      [3, 'sme1', '2021-06-30', { d: 1, n: 1, i: 0 }, 2, 'THIRD_PARTY'],
    ]);
  });

  it('names every bad cell', () => {
    const v = make(['SME', 'Date', 'Code', 'National level', 'Kind']);
    v.add(2, ['Unknown Co.', '2021-02-30', 'D3N1', 5, 'guess']);
    v.add(3, ['', '2030-01-01', '', '', '']);
    expect(v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'SME', 'unknownSme'],
      [2, 'Date', 'badDate'],
      [2, 'Code', 'badCode'],
      [2, 'National level', 'outOfRange'],
      [2, 'Kind', 'badKind'],
      [3, 'SME', 'required'],
      [3, 'Date', 'futureDate'],
      [3, 'Code', 'required'],
    ]);
    expect(v.rows).toEqual([]);
  });

  it('checks every row, not only those before the first bad one', () => {
    const v = make(['SME', 'Date', 'Code']);
    v.add(2, ['xinchang tianma', '2020-02-30', 'D1N0']);
    v.add(3, ['xinchang tianma', '2021-01-01', 'D1N1']);
    v.add(4, ['xinchang tianma', '2022-01-01', 'D9N9']);
    expect(v.headerOk).toBe(true);
    expect(v.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'badDate'],
      [4, 'badCode'],
    ]);
    expect(v.rows.map((r) => r.row)).toEqual([3]);
  });

  it('names a repeated assessment', () => {
    const v = make(['SME', 'Date', 'Code']);
    v.add(2, ['xinchang tianma', '2020-01-01', 'D1N0']);
    v.add(3, ['XINCHANG TIANMA', '2020/1/1', 'd1n0']);
    expect(v.issues).toEqual([{ row: 3, column: 'Date', code: 'duplicateAssessment', params: { firstRow: 2 } }]);
  });

  it('names unknown and missing columns', () => {
    const v = make(['企业', '颜色']);
    expect(v.headerOk).toBe(false);
    expect(v.issues.map((i) => i.code)).toEqual(['unknownColumns', 'missingColumns']);
  });
});

describe("the paper's shorthand codes (issue 15)", () => {
  it.each([
    ['D1', 'D1N0'],
    ['D0', 'D0N0'],
    ['d2', 'D2N0'],
    ['Ｄ１Ｎ１', 'D1N1'],
    ['D2N2I0', 'D2N2'],
    ['D2N2I1', 'D2N2I1'],
  ])('%s → %s', (text, code) => {
    const r = parseImportedCode(text);
    expect(r.ok && formatCode(r.code)).toBe(code);
  });

  it('still refuses what is no code', () => {
    expect(parseImportedCode('D3').ok).toBe(false);
    expect(parseImportedCode('N1').ok).toBe(false);
  });

  it('imports a row written in shorthand', () => {
    const v = make(['企业', '评估日期', '成熟度代码']);
    v.add(2, ['xinchang tianma', '2020-01-01', 'D1']);
    expect(v.issues).toEqual([]);
    expect(v.rows[0]?.code).toEqual({ d: 1, n: 0, i: 0 });
  });
});
