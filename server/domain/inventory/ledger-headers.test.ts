/** Issue 15: the headers real equipment ledgers use, close matches, the mapping step's choices, the header row found. */
import { describe, expect, it } from 'vitest';
import { closeMatch, headerScore, mapHeaders, recogniseHeader } from './columns';

describe('ledger synonyms', () => {
  it.each([
    ['设备名称', 'kind'],
    ['設備名稱', 'kind'],
    ['固定资产编号', 'assetTag'],
    ['固定資產編號', 'assetTag'],
    ['资产编号', 'assetTag'],
    ['规格型号', 'model'],
    ['規格型號', 'model'],
    ['生产厂家', 'maker'],
    ['製造商', 'maker'],
    ['出厂日期', 'year'],
    ['购置日期', 'year'],
    ['启用日期', 'year'],
    ['啟用日期', 'year'],
    ['使用部门', 'workshop'],
    ['设备状态', 'status'],
    ['使用狀態', 'status'],
    ['数控系统', 'controlType'],
    ['控制系統', 'controlType'],
    ['每班操作人数', 'operatorsPerShift'],
    ['每班操作人數', 'operatorsPerShift'],
    ['操作人数', 'operatorsPerShift'],
    ['班次', 'shiftsPerDay'],
    ['Equipment name', 'kind'],
    ['Manufacturer', 'maker'],
    ['　设备　名称　', 'kind'],
    ['设备编号\n(必填)', 'assetTag'],
    ['ＭＯＤＥＬ', 'model'],
  ])('%j → %s', (raw, key) => expect(recogniseHeader(raw)).toBe(key));

  it('guesses a close header, but not a column ledgers use for something else', () => {
    expect(closeMatch('设备名称及用途')).toBe('kind');
    expect(closeMatch('Manufacturor')).toBe('maker');
    expect(closeMatch('出厂编号')).toBeNull();
    expect(closeMatch('序号')).toBeNull();
    expect(closeMatch('颜色')).toBeNull();
  });
});

describe('mapHeaders for real ledgers', () => {
  it("maps the issue's ledger, ignoring 序号 with a notice", () => {
    const { map, columns, problems, notices } = mapHeaders(['序号', '设备编号', '设备名称', '规格型号', '控制系统', '每班操作人数', '出厂日期']);
    expect(problems).toEqual([]);
    expect(notices).toEqual([{ code: 'ignoredColumns', columns: ['序号'] }]);
    expect(map.byIndex).toEqual([null, 'assetTag', 'kind', 'model', 'controlType', 'operatorsPerShift', 'year']);
    expect(columns[0]).toEqual({ index: 0, header: '序号', key: null, source: 'none' });
    expect(columns[1]?.source).toBe('synonym');
  });

  it('says what it expected when no column is known', () => {
    const { problems, notices } = mapHeaders(['颜色', '重量']);
    expect(problems).toEqual([{ code: 'noKnownColumns', columns: ['assetTag', 'kind', 'controlType'] }]);
    expect(notices).toEqual([{ code: 'ignoredColumns', columns: ['颜色', '重量'] }]);
  });

  it("takes the user's choice over a synonym, and an ignore", () => {
    const { map, columns } = mapHeaders(['编号', '机器', '控制方式', '备注'], { 机器: 'kind', 备注: null });
    expect(map.byIndex).toEqual(['assetTag', 'kind', 'controlType', null]);
    expect(columns.map((c) => c.source)).toEqual(['synonym', 'manual', 'synonym', 'manual']);
  });

  it('drops a close guess for a column an exact header already gives', () => {
    const { map } = mapHeaders(['设备名称', '设备名称及用途', '编号', '控制方式']);
    expect(map.byIndex).toEqual(['kind', null, 'assetTag', 'controlType']);
  });

  it('does not import a department alone (the hierarchy needs factory, workshop and line): a notice, not a problem', () => {
    const { map, problems, notices } = mapHeaders(['设备编号', '设备名称', '控制系统', '使用部门']);
    expect(problems).toEqual([]);
    expect(map.byIndex[3]).toBeNull();
    expect(notices).toEqual([{ code: 'partialHierarchy', columns: ['使用部门'] }]);
  });

  it('scores a title row 0 and a header row by its known columns', () => {
    expect(headerScore(['新昌县某轴承有限公司设备台账（2016年）', '', ''])).toBe(0);
    expect(headerScore(['序号', '设备编号', '设备名称', '颜色'])).toBe(2);
    expect(headerScore(['机器', '颜色'], { 机器: 'kind', 颜色: 'notes' })).toBe(2);
  });
});
