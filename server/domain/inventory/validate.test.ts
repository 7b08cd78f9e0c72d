import { describe, expect, it } from 'vitest';
import { mapHeaders } from './columns';
import { RowValidator } from './validate';
import type { RawCell } from './values';

const ctx = {
  kindLabels: { 'zh-CN': { GRINDER: '磨床' }, en: { GRINDER: 'Grinder' } },
  smes: new Map([
    ['新昌县万丰轴承有限公司', 'sme1'],
    ['92330624ma0004cmxc', 'sme1'],
  ]),
  defaultSmeId: 'sme1' as string | null,
  currentYear: 2026,
};
const full = [
  '厂区',
  '车间',
  '产线',
  '资产编号',
  '设备类型',
  '制造商',
  '型号',
  '出厂年份',
  '控制方式',
  '是否联网',
  '每班操作工人数',
  '每天班次',
  '状态',
  '备注',
];

function run(headers: string[], rows: RawCell[][], c = ctx) {
  const { map } = mapHeaders(headers);
  const v = new RowValidator(map, c);
  for (const [i, cells] of rows.entries()) v.add(i + 2, cells);
  return v;
}

describe('row rules', () => {
  it('accepts a complete row and normalises it', () => {
    const v = run(full, [['一厂', '磨加工车间', '内圈磨削线', 'M-0001', '磨床', '无锡机床', '3MK1310', 42005, 'PLC', '是', '1', 2, '在用', '']]);
    expect(v.issues).toEqual([]);
    expect(v.rows).toEqual([
      {
        row: 2,
        smeClientId: 'sme1',
        assetTag: 'M-0001',
        site: '一厂',
        workshop: '磨加工车间',
        line: '内圈磨削线',
        kind: 'GRINDER',
        maker: '无锡机床',
        model: '3MK1310',
        year: 2015,
        controlType: 'PLC',
        networked: true,
        operatorsPerShift: 1,
        shiftsPerDay: 2,
        status: 'IN_SERVICE',
        notes: null,
      },
    ]);
  });

  it('leaves fields of absent columns undefined (kept on update) and defaults empty cells', () => {
    const v = run(['资产编号', '设备类型', '控制方式', '状态'], [['M-1', '磨床', 'CNC', '']]);
    expect(v.rows[0]).toEqual({ row: 2, smeClientId: 'sme1', assetTag: 'M-1', kind: 'GRINDER', controlType: 'CNC', status: 'IN_SERVICE' });
  });

  it('skips empty rows (Excel leaves trailing ones)', () => {
    const v = run(full, [[], ['', '  ', null], ['一厂', '车间', '线', 'M-1', '磨床', '', '', '', 'PLC', '', '', '', '', '']]);
    expect(v.rows.map((r) => r.row)).toEqual([4]);
  });

  it.each<[string, RawCell[], { column: string | null; code: string; params?: object }]>([
    ['missing asset tag', ['', '磨床', 'PLC'], { column: '资产编号', code: 'required' }],
    ['missing kind', ['M-1', '', 'PLC'], { column: '设备类型', code: 'required' }],
    ['missing control type', ['M-1', '磨床', ''], { column: '控制方式', code: 'required' }],
    ['unknown control type', ['M-1', '磨床', '液压'], { column: '控制方式', code: 'badControlType', params: { value: '液压' } }],
    ['asset tag too long', ['M'.repeat(65), '磨床', 'PLC'], { column: '资产编号', code: 'tooLong', params: { max: 64 } }],
  ])('%s', (_n, cells, expected) => {
    const v = run(['资产编号', '设备类型', '控制方式'], [cells]);
    expect(v.rows).toEqual([]);
    expect(v.issues).toEqual([{ row: 2, params: {}, ...expected }]);
  });

  it.each<[string, string, RawCell, string, object]>([
    ['year not a year', '出厂年份', 'June', 'badYear', { value: 'June' }],
    ['year in the future', '出厂年份', 2031, 'outOfRange', { value: 2031, min: 1900, max: 2027 }],
    ['operators not a number', '每班操作工人数', 'two', 'badInteger', { value: 'two' }],
    ['operators fractional', '每班操作工人数', 1.5, 'badInteger', { value: '1.5' }],
    ['too many shifts', '每天班次', 5, 'outOfRange', { value: 5, min: 0, max: 4 }],
    ['networked unclear', '是否联网', 'maybe', 'badBoolean', { value: 'maybe' }],
    ['status unknown', '状态', '坏了', 'badStatus', { value: '坏了' }],
    ['another SME', '企业', '别的公司', 'wrongSme', { value: '别的公司' }],
  ])('%s', (_n, header, value, code, params) => {
    const v = run(['资产编号', '设备类型', '控制方式', header], [['M-1', '磨床', 'PLC', value]]);
    expect(v.issues).toEqual([{ row: 2, column: header, code, params }]);
  });

  it('accepts the target SME by legal name or credit code', () => {
    const v = run(
      ['企业', '资产编号', '设备类型', '控制方式'],
      [
        ['新昌县万丰轴承有限公司', 'M-1', '磨床', 'PLC'],
        ['92330624ma0004cmxc', 'M-2', '磨床', 'PLC'],
      ],
    );
    expect(v.issues).toEqual([]);
  });

  it('requires factory, workshop and line together', () => {
    const v = run(full.slice(0, 5).concat('控制方式'), [['一厂', '', '线', 'M-1', '磨床', 'PLC']]);
    expect(v.issues).toEqual([{ row: 2, column: null, code: 'hierarchyIncomplete', params: {} }]);
  });

  it('names a duplicate asset tag with the row that had it first', () => {
    const v = run(
      ['资产编号', '设备类型', '控制方式'],
      [
        ['M-1', '磨床', 'PLC'],
        ['M-2', '磨床', 'PLC'],
        ['M-1', '磨床', 'CNC'],
      ],
    );
    expect(v.issues).toEqual([{ row: 4, column: '资产编号', code: 'duplicateAssetTag', params: { value: 'M-1', firstRow: 2 } }]);
    expect(v.rows.map((r) => r.assetTag)).toEqual(['M-1', 'M-2']);
  });

  it('reports every problem of a row, not only the first', () => {
    const v = run(['资产编号', '设备类型', '控制方式', '每天班次'], [['', '', 'x', 9]]);
    expect(v.issues.map((i) => i.code)).toEqual(['required', 'required', 'badControlType', 'outOfRange']);
  });

  it('routes rows of a cluster file to their SMEs; tags are unique per SME; the SME is required', () => {
    const cluster = {
      ...ctx,
      defaultSmeId: null,
      smes: new Map([
        ['甲公司', 'a'],
        ['乙公司', 'b'],
      ]),
    };
    const v = run(
      ['企业', '资产编号', '设备类型', '控制方式'],
      [
        ['甲公司', 'M-1', '磨床', 'PLC'],
        ['乙公司', 'M-1', '磨床', 'PLC'],
        ['甲公司', 'M-1', '磨床', 'CNC'],
        ['', 'M-9', '磨床', 'PLC'],
      ],
      cluster,
    );
    expect(v.rows.map((r) => [r.smeClientId, r.assetTag])).toEqual([
      ['a', 'M-1'],
      ['b', 'M-1'],
    ]);
    expect(v.issues.map((i) => [i.row, i.code])).toEqual([
      [4, 'duplicateAssetTag'],
      [5, 'required'],
    ]);
  });
});
