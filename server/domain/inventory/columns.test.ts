import { describe, expect, it } from 'vitest';
import { columnKeys, mapHeaders, normaliseHeader, recogniseHeader, templateHeaders } from './columns';

describe('header recognition', () => {
  it.each([
    ['资产编号', 'assetTag'],
    ['资产编号*', 'assetTag'],
    ['设备编号', 'assetTag'],
    ['Asset tag', 'assetTag'],
    [' ASSET_TAG ', 'assetTag'],
    ['Asset No.', 'assetTag'],
    ['Year (出厂年份)', 'year'],
    ['出厂年份（年）', 'year'],
    ['控制方式', 'controlType'],
    ['Control type', 'controlType'],
    ['生产线', 'line'],
    ['Production line', 'line'],
    ['工厂', 'site'],
    ['Factory', 'site'],
    ['每班人数', 'operatorsPerShift'],
    ['Shifts per day', 'shiftsPerDay'],
    ['是否联网', 'networked'],
    ['备注', 'notes'],
    ['企业名称', 'sme'],
    ['颜色', null],
    ['', null],
  ])('%j → %s', (raw, key) => expect(recogniseHeader(raw)).toBe(key));

  it('recognises every template header in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) for (const k of columnKeys) expect(recogniseHeader(templateHeaders[lang][k])).toBe(k);
  });

  it('normalises width, case, markers and hints', () => {
    expect(normaliseHeader('Ａｓｓｅｔ　Tag *')).toBe('assettag');
  });
});

describe('mapHeaders', () => {
  it('maps any order and ignores blank trailing headers', () => {
    const { map, problems } = mapHeaders(['控制方式', 'Kind', '资产编号', '', '']);
    expect(problems).toEqual([]);
    expect(map.byIndex).toEqual(['controlType', 'kind', 'assetTag', null, null]);
  });

  it('ignores unknown columns with a notice and names the missing ones (issue 15: never blocking on unknown)', () => {
    const { problems, notices } = mapHeaders(['资产编号', '颜色', 'Weight']);
    expect(notices).toEqual([{ code: 'ignoredColumns', columns: ['颜色', 'Weight'] }]);
    expect(problems).toEqual([{ code: 'missingColumns', columns: ['kind', 'controlType'] }]);
  });

  it('names a column given twice', () => {
    const { problems } = mapHeaders(['资产编号', 'Asset tag', '设备类型', '控制方式']);
    expect(problems).toEqual([{ code: 'duplicateColumn', column: 'Asset tag' }]);
  });
});
