/** Issue 15: cells as SMEs write them are normalised before validation; problems quote the text as written. */
import { describe, expect, it } from 'vitest';
import { mapHeaders } from './columns';
import { isFooterRow, RowValidator } from './validate';
import { parseBoolean, parseControlType, parseInteger, parseStatus, parseYear } from './values';

describe('cell normalisation', () => {
  it.each([
    ['２０００', 2000],
    ['2016年5月', 2016],
    ['2016年', 2016],
    ['2016.05', 2016],
    ['2016/5/1', 2016],
    ['2016-05-01 00:00:00', 2016],
    ['42491', 2016],
    [42491, 2016],
    ['２０１６年５月', 2016],
    ['abc', null],
  ])('year %j → %s', (v, y) => expect(parseYear(v)).toBe(y));

  it.each([
    ['１２', 12],
    ['1,200', 1200],
    ['3人', 3],
    ['２班', 2],
    [' 4 ', 4],
    ['3.5', null],
  ])('integer %j → %s', (v, n) => expect(parseInteger(v)).toBe(n));

  it.each([
    ['是', true],
    ['有', true],
    ['√', true],
    ['Ｙ', true],
    ['否', false],
    ['无', false],
    ['×', false],
    ['未联网', false],
    ['也许', null],
  ])('yes/no %j → %s', (v, b) => expect(parseBoolean(v)).toBe(b));

  it.each([
    ['FANUC 0i-TD', 'CNC'],
    ['广数980TDb', 'CNC'],
    ['西门子828D', 'CNC'],
    ['华中数控', 'CNC'],
    ['三菱FX3U PLC', 'PLC'],
    ['继电器', 'RELAY'],
    ['普通', 'MANUAL'],
    ['ＣＮＣ', 'CNC'],
  ])('control %j → %s', (v, c) => expect(parseControlType(v)).toBe(c));

  it('reads statuses in both scripts', () => {
    expect(parseStatus('正常使用')).toBe('IN_SERVICE');
    expect(parseStatus('封存')).toBe('IDLE');
    expect(parseStatus('報廢')).toBe('RETIRED');
  });
});

describe('rows of a real ledger', () => {
  const ctx = { kindLabels: { 'zh-CN': { LATHE: '车床' } }, smes: new Map(), defaultSmeId: 'sme1', currentYear: 2026 };
  const headers = ['设备编号', '设备名称', '控制系统', '出厂日期', '每班操作人数', '是否联网'];

  it('accepts full-width digits and Chinese dates', () => {
    const { map } = mapHeaders(headers);
    const v = new RowValidator(map, ctx);
    v.add(3, ['Ａ-００１', '车床', '普通', '２０００年３月', '２', '有']);
    expect(v.issues).toEqual([]);
    expect(v.rows[0]).toMatchObject({ assetTag: 'Ａ-００１', kind: 'LATHE', year: 2000, operatorsPerShift: 2, networked: true, controlType: 'MANUAL' });
  });

  it('names the original text of a bad cell', () => {
    const { map } = mapHeaders(headers);
    const v = new RowValidator(map, ctx);
    v.add(3, ['A1', '车床', '普通', '二〇〇〇年', '２', '有']);
    expect(v.issues).toEqual([{ row: 3, column: '出厂日期', code: 'badYear', params: { value: '二〇〇〇年' } }]);
  });

  it('names every bad row once, without one "required" per row for a missing column', () => {
    const { map } = mapHeaders(['设备编号', '设备名称', '每班操作人数']);
    const v = new RowValidator(map, ctx);
    v.add(2, ['A1', '车床', 'x']);
    v.add(3, ['A2', '车床', '2']);
    v.add(4, ['A3', '', '2']);
    expect(v.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'badInteger'],
      [4, 'required'],
    ]);
  });

  it('counts a signature line in a column that is not imported as a footer, not as a data row', () => {
    const { map } = mapHeaders(['序号', '设备编号', '设备名称', '控制系统']);
    const v = new RowValidator(map, ctx);
    expect(v.add(9, ['制表人：张三', '', '', ''])).toBe(false);
    expect(v.footerRows).toBe(1);
  });

  it('skips the signature lines under a ledger', () => {
    expect(isFooterRow(['制表人：张三', '', '审核：李四'])).toBe(true);
    expect(isFooterRow(['合计', '12台'])).toBe(true);
    expect(isFooterRow(['注塑机', 'A1'])).toBe(false);
  });
});
