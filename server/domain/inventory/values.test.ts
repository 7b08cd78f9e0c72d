import { describe, expect, it } from 'vitest';
import {
  cellText,
  excelSerialToDate,
  neutraliseFormula,
  normaliseKind,
  parseBoolean,
  parseControlType,
  parseDate,
  parseInteger,
  parseStatus,
  parseYear,
} from './values';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['  M-1  ', 'M-1'],
    [12, '12'],
    [new Date('2015-06-01T00:00:00Z'), '2015-06-01'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'-5", '-5'],
    ["'plain", "'plain"],
  ])('%j → %j', (v, s) => expect(cellText(v)).toBe(s));
});

describe('parseInteger (numbers as Excel writes them)', () => {
  it.each([
    [3, 3],
    [3.0, 3],
    ['3', 3],
    [' 3 ', 3],
    ['3.0', 3],
    ['1,200', 1200],
    [3.5, null],
    ['3.5', null],
    ['three', null],
    ['', null],
  ])('%j → %j', (v, n) => expect(parseInteger(v)).toBe(n));
});

describe('parseYear', () => {
  it.each([
    [2015, 2015],
    ['2015', 2015],
    ['2015.0', 2015],
    [42005, 2015], // Excel serial of 2015-01-01
    [new Date('2012-03-04T00:00:00Z'), 2012],
    ['2015-06-01', 2015],
    ['2015/6/1', 2015],
    ['2015/6', 2015],
    ['2015年6月', 2015],
    ['2015年6月1日', 2015],
    ['15', null],
    ['June 2015', null],
    [99, null],
  ])('%j → %j', (v, y) => expect(parseYear(v)).toBe(y));

  it('reads Excel serial dates on the 1900 system', () => {
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe('1899-12-31');
    expect(excelSerialToDate(45292).toISOString().slice(0, 10)).toBe('2024-01-01');
  });
});

describe('labels', () => {
  it.each([
    ['PLC', 'PLC'],
    ['plc', 'PLC'],
    ['数控', 'CNC'],
    ['CNC', 'CNC'],
    ['手动', 'MANUAL'],
    ['Manual', 'MANUAL'],
    ['继电器', 'RELAY'],
    ['其他', 'OTHER'],
    ['液压', null],
  ])('control type %j → %j', (v, c) => expect(parseControlType(v)).toBe(c));

  it.each([
    ['在用', 'IN_SERVICE'],
    ['In service', 'IN_SERVICE'],
    ['IN_SERVICE', 'IN_SERVICE'],
    ['闲置', 'IDLE'],
    ['idle', 'IDLE'],
    ['报废', 'RETIRED'],
    ['Retired', 'RETIRED'],
    ['坏了', null],
  ])('status %j → %j', (v, s) => expect(parseStatus(v)).toBe(s));

  it.each([
    ['是', true],
    ['否', false],
    ['Yes', true],
    ['no', false],
    [true, true],
    ['1', true],
    ['0', false],
    ['maybe', null],
  ])('boolean %j → %j', (v, b) => expect(parseBoolean(v)).toBe(b));

  it('stores known kinds as codes and keeps other kinds as written', () => {
    const labels = { 'zh-CN': { GRINDER: '磨床', LATHE: '普通车床' }, en: { GRINDER: 'Grinder', LATHE: 'Lathe' } };
    expect(normaliseKind('磨床', labels)).toBe('GRINDER');
    expect(normaliseKind('grinder', labels)).toBe('GRINDER');
    expect(normaliseKind('CNC lathe', labels)).toBe('CNC_LATHE');
    expect(normaliseKind('内圈沟道磨床', labels)).toBe('内圈沟道磨床');
  });
});

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['M-0001', 'M-0001'],
    ['磨床', '磨床'],
  ])('%j → %j', (v, out) => expect(neutraliseFormula(v)).toBe(out));

  it('round-trips through cellText', () => {
    for (const s of ['=1+1', '-5', '+86 138', '@x']) expect(cellText(neutraliseFormula(s))).toBe(s);
  });
});

describe('parseDate', () => {
  it.each([
    [new Date('2021-06-30T00:00:00Z'), '2021-06-30'],
    [44377, '2021-06-30'],
    ['44377', '2021-06-30'],
    ['2021-06-30', '2021-06-30'],
    ['2021/6/30', '2021-06-30'],
    ['2021.6.30', '2021-06-30'],
    ['2021年6月30日', '2021-06-30'],
    ['2021-02-30', null],
    ['9999-12-31', null],
    ['1949-12-31', null],
    ['30/06/2021', null],
    ['', null],
  ])('%j → %j', (v, d) => expect(parseDate(v)).toBe(d));
});
