/**
 * Issue 15: ledgers as SMEs write them import as they are (fixtures/ledgers, made by fixtures/make-ledgers.ts), each
 * with the result it must give; bad rows are all named; a column mapped by hand is remembered for the integrator who
 * confirmed it and for nobody else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let w: TenantWorld;
let other: TenantWorld;
let engineer: Caller;
let stranger: Caller;
let smeId: string;

const file = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'ledgers', name)));

type Expected = {
  headerRow: number;
  dataRows: number;
  notices?: { code: string; columns: string[] }[];
  /** The machines after the commit: asset tag, kind, control type, year, status. */
  machines: [string, string, string, number | null, string][];
};

const good: Record<string, Expected> = {
  '01-title-row-bom.csv': {
    headerRow: 3,
    dataRows: 3,
    notices: [{ code: 'ignoredColumns', columns: ['序号'] }],
    machines: [
      ['ZC-001', 'CNC_LATHE', 'CNC', 2016, 'IN_SERVICE'],
      ['ZC-002', '双端面磨床', 'RELAY', 2000, 'IN_SERVICE'],
      ['ZC-003', 'SUPERFINISHER', 'MANUAL', 2012, 'IDLE'],
    ],
  },
  '02-gb18030-extra-columns.csv': {
    headerRow: 1,
    dataRows: 2,
    notices: [{ code: 'ignoredColumns', columns: ['原值', '责任人'] }],
    machines: [
      ['GB-01', 'MACHINING_CENTER', 'CNC', 2018, 'IN_SERVICE'],
      ['GB-02', 'PRESS', 'RELAY', 2009, 'IN_SERVICE'],
    ],
  },
  '03-english-no-bom.csv': {
    headerRow: 1,
    dataRows: 2,
    notices: [],
    machines: [
      ['EN-1', 'GRINDER', 'CNC', 2015, 'IN_SERVICE'],
      ['EN-2', 'WASHER', 'PLC', 2019, 'IDLE'],
    ],
  },
  '04-traditional.csv': {
    headerRow: 1,
    dataRows: 2,
    notices: [],
    machines: [
      ['TW-1', 'GRINDER', 'CNC', 2011, 'IN_SERVICE'],
      ['TW-2', '熱處理爐', 'RELAY', 2005, 'RETIRED'],
    ],
  },
  '05-merged-title.xlsx': {
    headerRow: 3,
    dataRows: 3,
    notices: [{ code: 'ignoredColumns', columns: ['序号'] }],
    machines: [
      ['XL-01', 'CNC_LATHE', 'CNC', 2014, 'IN_SERVICE'],
      ['XL-02', 'GRINDER', 'MANUAL', 2014, 'IDLE'],
      ['XL-03', 'HEAT_TREATMENT_FURNACE', 'RELAY', 2003, 'IN_SERVICE'],
    ],
  },
  '06-wps-quoted.csv': {
    headerRow: 1,
    dataRows: 2,
    notices: [],
    machines: [
      ['WPS-1', 'GEAR_HOBBER', 'MANUAL', 2008, 'IN_SERVICE'],
      ['WPS-2', 'WASHER', 'PLC', 2020, 'IN_SERVICE'],
    ],
  },
  '10-department-only.xlsx': {
    headerRow: 1,
    dataRows: 2,
    notices: [{ code: 'partialHierarchy', columns: ['使用部门'] }],
    machines: [
      ['DP-1', 'GRINDER', 'CNC', null, 'IN_SERVICE'],
      ['DP-2', 'INSPECTION', 'PLC', null, 'IN_SERVICE'],
    ],
  },
  '11-libreoffice.xlsx': {
    headerRow: 2,
    dataRows: 3,
    notices: [{ code: 'ignoredColumns', columns: ['序号'] }],
    machines: [
      ['LO-01', 'CNC_LATHE', 'CNC', 2015, 'IN_SERVICE'],
      ['LO-02', '外圆磨床', 'RELAY', 1998, 'IDLE'],
      ['LO-03', 'WASHER', 'PLC', null, 'IN_SERVICE'],
    ],
  },
  '12-excel.xlsx': {
    headerRow: 2,
    dataRows: 2,
    notices: [{ code: 'ignoredColumns', columns: ['序号'] }],
    machines: [
      ['EX-01', 'MACHINING_CENTER', 'CNC', 2019, 'IN_SERVICE'],
      ['EX-02', 'PRESS', 'RELAY', 2006, 'RETIRED'],
    ],
  },
  '13-inline-strings.xlsx': {
    headerRow: 1,
    dataRows: 2,
    notices: [],
    machines: [
      ['IN-01', 'GEAR_HOBBER', 'CNC', 2012, 'IN_SERVICE'],
      ['IN-02', '双端面磨床', 'MANUAL', 2003, 'IDLE'],
    ],
  },
};

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Ledg'), { machinesPerSme: 1 });
  other = await createTenantWorld(t.db, uniqueTag('LedgB'), { machinesPerSme: 1 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  stranger = await callerAs(t.db, other.users.engineer.id);
  smeId = w.smes[1]?.id as string;
});
afterAll(() => t.close());

describe(`real ledgers (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it.each(Object.entries(good))('%s imports as it is', async (name, want) => {
    const input = { smeClientId: smeId, fileName: name, bytes: file(name) };
    const p = await engineer.inventory.previewImport(input);
    expect(p.issues).toEqual([]);
    expect(p).toMatchObject({ headerRow: want.headerRow, dataRows: want.dataRows, toCreate: want.machines.length, canCommit: true });
    if (want.notices) expect(p.notices).toEqual(want.notices);
    const done = await engineer.inventory.commitImport(input);
    expect(done.created).toBe(want.machines.length);
    const tags = want.machines.map((m) => m[0]);
    const rows = await t.db.machine.findMany({ where: { smeClientId: smeId, assetTag: { in: tags } }, orderBy: { assetTag: 'asc' } });
    expect(rows.map((m) => [m.assetTag, m.kind, m.controlType, m.year, m.status])).toEqual(want.machines);
    // the same file again changes nothing
    expect(await engineer.inventory.previewImport(input)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: want.machines.length });
  });

  it('keeps the details of a ledger: operators, networked, models, makers', async () => {
    const m = await t.db.machine.findMany({
      where: { smeClientId: smeId, assetTag: { in: ['ZC-001', 'ZC-003', 'GB-01', 'DP-1'] } },
      orderBy: { assetTag: 'asc' },
    });
    expect(m.map((x) => [x.assetTag, x.operatorsPerShift, x.networked, x.model, x.maker])).toEqual([
      ['DP-1', 2, true, null, null],
      ['GB-01', 1, true, 'VMC850', '大连机床'],
      ['ZC-001', 2, false, 'CK6140', '浙江凯达'],
      ['ZC-003', 1, false, '3MZ3110', null],
    ]);
  });

  it('names every bad row, though the file has columns the app does not know; imports nothing', async () => {
    const input = { smeClientId: smeId, fileName: 'bad.csv', bytes: file('07-bad-rows-unknown-columns.csv') };
    const p = await engineer.inventory.previewImport(input);
    expect(p.notices).toEqual([{ code: 'ignoredColumns', columns: ['颜色', '重量'] }]);
    expect(p.issues.map((i) => [i.row, i.column, i.code, i.params.value ?? null])).toEqual([
      [2, '控制系统', 'badControlType', '液压'],
      [3, '设备名称', 'required', null],
      [4, '出厂日期', 'badYear', '去年'],
      [5, '每班操作人数', 'badInteger', '九十'],
      [6, '每班操作人数', 'outOfRange', 99],
      [7, '设备编号', 'duplicateAssetTag', 'B-5'],
      [8, '出厂日期', 'outOfRange', 1850],
    ]);
    expect(p).toMatchObject({ badRows: 7, canCommit: false });
    await expect(engineer.inventory.commitImport(input)).rejects.toThrow('import.hasErrors');
    expect(await t.db.machine.count({ where: { smeClientId: smeId, assetTag: { startsWith: 'B-' } } })).toBe(0);
  });

  it('says what it expected when no column is known', async () => {
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'x.csv', bytes: file('08-only-unknown.csv') });
    expect(p.issues).toEqual([{ row: 1, column: null, code: 'noKnownColumns', params: { columns: 'assetTag, kind, controlType' } }]);
    expect(p.notices).toEqual([{ code: 'ignoredColumns', columns: ['颜色', '重量', '功率'] }]);
    expect(p.canCommit).toBe(false);
  });

  it('maps a column by hand, remembers the mapping for the integrator who confirmed it, and for nobody else', async () => {
    const bytes = file('09-own-words.csv');
    const before = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'o.csv', bytes });
    expect(before.issues.map((i) => i.code)).toEqual(['missingColumns']);
    expect(before.columns.map((c) => [c.header, c.key, c.source])).toEqual([
      ['编号', 'assetTag', 'synonym'],
      ['机台', null, 'none'],
      ['控制方式', 'controlType', 'synonym'],
    ]);
    const mapped = { smeClientId: smeId, fileName: 'o.csv', bytes, mapping: { 机台: 'kind' as const } };
    expect(await engineer.inventory.previewImport(mapped)).toMatchObject({ issueCount: 0, toCreate: 2 });
    await engineer.inventory.commitImport(mapped);
    const kinds = await t.db.machine.findMany({ where: { smeClientId: smeId, assetTag: { startsWith: 'OW-' } }, orderBy: { assetTag: 'asc' } });
    expect(kinds.map((m) => m.kind)).toEqual(['双头车', '自动线']);

    // the next file with the same headers (spaced differently) gets the confirmed mapping
    const next = new TextEncoder().encode('编号, 机台 ,控制方式\r\nOW-3,双头车,PLC\r\n');
    const again = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'o2.csv', bytes: next });
    expect(again).toMatchObject({ issueCount: 0, toCreate: 1 });
    expect(again.columns.find((c) => c.header === '机台')).toMatchObject({ key: 'kind', source: 'remembered' });

    // another integrator's import of the same layout knows nothing of it
    const theirs = await stranger.inventory.previewImport({ smeClientId: other.smes[0]?.id as string, fileName: 'o.csv', bytes });
    expect(theirs.issues.map((i) => i.code)).toEqual(['missingColumns']);
    expect(await t.db.importMapping.count({ where: { integratorId: other.integrator.id } })).toBe(0);
  });

  it('refuses a mapping to a field that does not exist with a 400, never a 500', async () => {
    const bad = { smeClientId: smeId, fileName: 'o.csv', bytes: file('09-own-words.csv'), mapping: { 机台: 'colour' } } as never;
    await expect(engineer.inventory.previewImport(bad)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
