import fs from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { readAll } from './export-files';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let owner: Caller;
let smeId: string;
let emptySmeId: string;

const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (lines: string[], bom = false) => utf8(`${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
const header = '厂区,车间,产线,资产编号,设备类型,制造商,型号,出厂年份,控制方式,是否联网,每班操作工人数,每天班次,状态,备注';

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
  );
}

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Inv'), { machinesPerSme: 5 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  smeId = w.smes[0]?.id as string;
  emptySmeId = w.smes[1]?.id as string;
  await t.db.machineChange.deleteMany({ where: { smeClientId: emptySmeId } });
  await t.db.machine.deleteMany({ where: { smeClientId: emptySmeId } });
});
afterAll(() => t.close());

describe(`machine import (${process.env.TEST_DB ?? 'pglite'})`, () => {
  const good = csv(
    [
      header,
      '一厂,磨加工车间,内圈磨削线,X-0001,磨床,无锡机床,3MK1310,2015,PLC,否,1,2,在用,',
      '一厂,磨加工车间,外圈磨削线,X-0002,内圈沟道磨床,上海机床厂,,42005,继电器,否,"1",3.0,闲置,=HYPERLINK("x")',
      '二厂,热处理车间,热处理线,X-0003,Heat-treatment furnace,,,2010-06-01,relay,是,2,3,In service,"备注, with comma"',
      ',,,,,,,,,,,,,',
      ',,,,,,,,,,,,,',
    ],
    true,
  );

  it('previews: counts, new hierarchy, no issues', async () => {
    const p = await engineer.inventory.previewImport({ smeClientId: emptySmeId, fileName: 'a.csv', bytes: good });
    expect(p).toMatchObject({
      format: 'csv',
      encoding: 'utf-8-bom',
      dataRows: 3,
      toCreate: 3,
      toUpdate: 0,
      unchanged: 0,
      newSites: 2,
      newWorkshops: 2,
      newLines: 3,
      issueCount: 0,
      canCommit: true,
    });
    expect(await t.db.machine.count({ where: { smeClientId: emptySmeId } })).toBe(0);
  });

  it('commits all rows with their hierarchy, history and an audit entry; a re-import changes nothing', async () => {
    const r = await engineer.inventory.commitImport({ smeClientId: emptySmeId, fileName: 'a.csv', bytes: good });
    expect(r).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const machines = await t.db.machine.findMany({
      where: { smeClientId: emptySmeId },
      orderBy: { assetTag: 'asc' },
      select: {
        assetTag: true,
        kind: true,
        year: true,
        controlType: true,
        status: true,
        notes: true,
        networked: true,
        shiftsPerDay: true,
        updatedAt: true,
        line: { select: { name: true } },
      },
    });
    expect(machines.map((m) => [m.assetTag, m.kind, m.year, m.controlType, m.status, m.line?.name])).toEqual([
      ['X-0001', 'GRINDER', 2015, 'PLC', 'IN_SERVICE', '内圈磨削线'],
      ['X-0002', '内圈沟道磨床', 2015, 'RELAY', 'IDLE', '外圈磨削线'],
      ['X-0003', 'HEAT_TREATMENT_FURNACE', 2010, 'RELAY', 'IN_SERVICE', '热处理线'],
    ]);
    expect(machines[1]?.notes).toBe('=HYPERLINK("x")');
    expect(machines[2]?.notes).toBe('备注, with comma');
    expect(await t.db.machineChange.count({ where: { smeClientId: emptySmeId, source: 'IMPORT', kind: 'CREATE', actorId: w.users.engineer.id } })).toBe(3);
    expect(await t.db.auditEvent.count({ where: { action: 'inventory.import', entityId: emptySmeId, integratorId: w.integrator.id } })).toBe(1);

    const again = await engineer.inventory.previewImport({ smeClientId: emptySmeId, fileName: 'a.csv', bytes: good });
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, newLines: 0 });
    const r2 = await engineer.inventory.commitImport({ smeClientId: emptySmeId, fileName: 'a.csv', bytes: good });
    expect(r2).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const after = await t.db.machine.findMany({ where: { smeClientId: emptySmeId }, orderBy: { assetTag: 'asc' }, select: { updatedAt: true } });
    expect(after.map((m) => m.updatedAt)).toEqual(machines.map((m) => m.updatedAt));
  });

  it('updates changed rows only, naming the changed fields in the history', async () => {
    const changed = csv([header, '一厂,磨加工车间,内圈磨削线,X-0001,磨床,无锡机床,3MK1310,2015,PLC,否,1,2,报废,已报废'], false);
    const r = await engineer.inventory.commitImport({ smeClientId: emptySmeId, fileName: 'b.csv', bytes: changed });
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const m = await t.db.machine.findFirstOrThrow({ where: { smeClientId: emptySmeId, assetTag: 'X-0001' }, select: { id: true, status: true } });
    expect(m.status).toBe('RETIRED');
    const last = await t.db.machineChange.findFirstOrThrow({ where: { machineId: m.id, kind: 'UPDATE' }, orderBy: { at: 'desc' } });
    expect(last.changes).toEqual({ status: ['IN_SERVICE', 'RETIRED'], notes: [null, '已报废'] });
  });

  it('a commit uses its preview only while the inventory is as the preview saw it; otherwise it plans again', async () => {
    const file = csv([header, '一厂,磨加工车间,内圈磨削线,X-0009,磨床,无锡机床,3MK1310,2015,PLC,否,1,2,在用,来自预览'], false);
    expect(await engineer.inventory.previewImport({ smeClientId: emptySmeId, fileName: 'c.csv', bytes: file })).toMatchObject({ toCreate: 1 });
    // meanwhile another file creates the same machine
    const other = csv([header, '一厂,磨加工车间,内圈磨削线,X-0009,磨床,无锡机床,3MK1310,2015,PLC,否,1,2,在用,另一个文件'], false);
    expect(await engineer.inventory.commitImport({ smeClientId: emptySmeId, fileName: 'd.csv', bytes: other })).toMatchObject({ created: 1 });
    // the preview's plan (create X-0009) is stale: the commit plans again and updates it instead of failing
    expect(await engineer.inventory.commitImport({ smeClientId: emptySmeId, fileName: 'c.csv', bytes: file })).toMatchObject({ created: 0, updated: 1 });
    const m = await t.db.machine.findFirstOrThrow({ where: { smeClientId: emptySmeId, assetTag: 'X-0009' }, select: { id: true, notes: true } });
    expect(m.notes).toBe('来自预览');
    // leave the SME's inventory as the tests below expect it
    await t.db.machineChange.deleteMany({ where: { machineId: m.id } });
    await t.db.machine.delete({ where: { id: m.id } });
  });

  it('a file with bad rows names every one and commits nothing', async () => {
    const bad = csv(['资产编号,设备类型,控制方式,每天班次,出厂年份', 'B-1,磨床,PLC,2,2015', ',磨床,PLC,2,2015', 'B-3,磨床,液压,9,June', 'B-1,磨床,PLC,1,2016']);
    const before = await t.db.machine.count({ where: { smeClientId: smeId } });
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'bad.csv', bytes: bad });
    expect(p.canCommit).toBe(false);
    expect(p.badRows).toBe(3);
    expect(p.issues).toEqual([
      { row: 3, column: '资产编号', code: 'required', params: {} },
      { row: 4, column: '控制方式', code: 'badControlType', params: { value: '液压' } },
      { row: 4, column: '每天班次', code: 'outOfRange', params: { value: 9, min: 0, max: 4 } },
      { row: 4, column: '出厂年份', code: 'badYear', params: { value: 'June' } },
      { row: 5, column: '资产编号', code: 'duplicateAssetTag', params: { value: 'B-1', firstRow: 2 } },
    ]);
    expect(await codeOf(engineer.inventory.commitImport({ smeClientId: smeId, fileName: 'bad.csv', bytes: bad }))).toBe('BAD_REQUEST:import.hasErrors');
    expect(await t.db.machine.count({ where: { smeClientId: smeId } })).toBe(before);
  });

  it('ignores unknown columns with a notice, refuses missing ones, empty files and non-spreadsheets with clear codes', async () => {
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'x.csv', bytes: csv(['资产编号,颜色', 'A,红']) });
    expect(p.issues.map((i) => i.code)).toEqual(['missingColumns']);
    expect(p.issues[0]?.params).toEqual({ columns: 'kind, controlType' });
    expect(p.notices).toEqual([{ code: 'ignoredColumns', columns: ['颜色'] }]);
    expect(await codeOf(engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'e.csv', bytes: csv(['', ' , ']) }))).toBe(
      'BAD_REQUEST:import.emptyFile',
    );
    // a file of no bytes at all is empty too, not an unknown kind of file
    expect(await codeOf(engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'e.xlsx', bytes: new Uint8Array() }))).toBe(
      'BAD_REQUEST:import.emptyFile',
    );
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await codeOf(engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'old.xls', bytes: xls }))).toBe('BAD_REQUEST:import.oldExcel');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);
    expect(await codeOf(engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'machines.csv', bytes: png }))).toBe(
      'BAD_REQUEST:import.unknownFormat',
    );
  });

  it('reads a CSV whose line endings are mixed (CRLF header, LF rows) without merging rows', async () => {
    const bytes = utf8('资产编号,设备类型,控制方式\r\nMX-1,磨床,PLC\nMX-2,磨床,CNC\rMX-3,磨床,PLC\n');
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'mixed.csv', bytes });
    expect(p).toMatchObject({ dataRows: 3, toCreate: 3, issueCount: 0 });
  });

  it('reads GB18030 CSV as Excel writes it on a Chinese Windows', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'machines-gb18030.csv')));
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'gb.csv', bytes });
    expect(p).toMatchObject({ encoding: 'gb18030', dataRows: 3, toCreate: 3, issueCount: 0 });
  });

  it('reads XLSX: a chosen sheet, serial dates, numbers stored as text, trailing empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['请在“设备”表填写']);
    const ws = wb.addWorksheet('设备');
    ws.addRow(['Asset tag', 'Kind', 'Control type', 'Year', 'Operators per shift', 'Status']);
    ws.addRow(['XL-1', 'Grinder', 'CNC', new Date(Date.UTC(2016, 4, 1)), '2', 'Idle']);
    ws.addRow(['XL-2', '磨床', '数控', 43101, 1, '']);
    ws.addRow([]);
    ws.addRow(['', '', '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const first = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'm.xlsx', bytes });
    expect(first.sheet).toBe('说明');
    expect(first.sheets).toEqual(['说明', '设备']);
    expect(first.issues[0]?.code).toBe('noKnownColumns');
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'm.xlsx', bytes, sheet: '设备' });
    expect(p).toMatchObject({ format: 'xlsx', sheet: '设备', dataRows: 2, toCreate: 2, issueCount: 0 });
    await engineer.inventory.commitImport({ smeClientId: smeId, fileName: 'm.xlsx', bytes, sheet: '设备' });
    const m = await t.db.machine.findMany({ where: { smeClientId: smeId, assetTag: { startsWith: 'XL-' } }, orderBy: { assetTag: 'asc' } });
    expect(m.map((x) => [x.assetTag, x.kind, x.controlType, x.year, x.operatorsPerShift, x.status])).toEqual([
      ['XL-1', 'GRINDER', 'CNC', 2016, 2, 'IDLE'],
      ['XL-2', 'GRINDER', 'CNC', 2018, 1, 'IN_SERVICE'],
    ]);
    expect(await codeOf(engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'm.xlsx', bytes, sheet: '不存在' }))).toBe(
      'BAD_REQUEST:import.sheetNotFound',
    );
  });

  it('an SME owner may not import', async () => {
    expect(await codeOf(owner.inventory.previewImport({ smeClientId: smeId, fileName: 'a.csv', bytes: good }))).toMatch(/^FORBIDDEN/);
  });
});

describe('export', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${format} in ${locale} re-imports unchanged, formulas neutralised`, async () => {
        const file = await engineer.inventory.exportMachines({ smeClientId: emptySmeId, format, locale });
        const bytes = await readAll(file.body);
        if (format === 'csv') {
          expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          const text = new TextDecoder().decode(bytes);
          expect(text).toContain(`'=HYPERLINK`);
          expect(text.split('\r\n')[0]).toContain(locale === 'zh-CN' ? '资产编号' : 'Asset tag');
        }
        const p = await engineer.inventory.previewImport({ smeClientId: emptySmeId, fileName: `e.${format}`, bytes });
        expect(p.issues).toEqual([]);
        expect(p).toMatchObject({ issueCount: 0, toCreate: 0, toUpdate: 0, unchanged: 3 });
      });
    }
  }

  it('exports a whole cluster with an SME column, and an SME owner only their own machines', async () => {
    const file = await engineer.inventory.exportMachines({ clusterId: w.cluster.id, format: 'csv', locale: 'en' });
    const lines = new TextDecoder()
      .decode(await readAll(file.body))
      .trim()
      .split('\r\n');
    expect(lines[0]?.replace('\uFEFF', '').startsWith('SME,Factory')).toBe(true);
    const total = await t.db.machine.count({ where: { integratorId: w.integrator.id } });
    expect(lines.length - 1).toBe(total);
    const own = await owner.inventory.exportMachines({ clusterId: w.cluster.id, format: 'csv', locale: 'en' });
    const ownLines = new TextDecoder()
      .decode(await readAll(own.body))
      .trim()
      .split('\r\n');
    expect(ownLines.length - 1).toBe(await t.db.machine.count({ where: { smeClientId: smeId } }));
  });

  it('re-imports a whole cluster export unchanged, routing rows by their SME column', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await engineer.inventory.exportMachines({ clusterId: w.cluster.id, format, locale: 'zh-CN' });
      const total = await t.db.machine.count({ where: { integratorId: w.integrator.id } });
      const p = await engineer.inventory.previewImport({ clusterId: w.cluster.id, fileName: `c.${format}`, bytes: await readAll(file.body) });
      expect(p).toMatchObject({ issueCount: 0, toCreate: 0, toUpdate: 0, unchanged: total, smes: 2 });
    }
    // a change in one SME's row lands in that SME only
    const sme2 = (await t.db.smeClient.findUniqueOrThrow({ where: { id: emptySmeId } })).legalName;
    const csvText = `企业,资产编号,设备类型,控制方式,状态\r\n${sme2},X-0002,内圈沟道磨床,继电器,报废\r\n${w.smes[0]?.legalName},NEW-1,磨床,PLC,在用\r\n`;
    const r = await engineer.inventory.commitImport({ clusterId: w.cluster.id, fileName: 'c.csv', bytes: utf8(csvText) });
    expect(r).toMatchObject({ created: 1, updated: 1, smes: 2 });
    expect((await t.db.machine.findFirstOrThrow({ where: { smeClientId: emptySmeId, assetTag: 'X-0002' } })).status).toBe('RETIRED');
    expect(await t.db.machine.count({ where: { smeClientId: smeId, assetTag: 'NEW-1' } })).toBe(1);
    // every row must name an SME of the cluster
    const bad = await engineer.inventory.previewImport({
      clusterId: w.cluster.id,
      fileName: 'b.csv',
      bytes: utf8('企业,资产编号,设备类型,控制方式\r\n别的公司,Z-1,磨床,PLC\r\n,Z-2,磨床,PLC\r\n'),
    });
    expect(bad.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'wrongSme'],
      [3, 'required'],
    ]);
    const noSme = await engineer.inventory.previewImport({
      clusterId: w.cluster.id,
      fileName: 'n.csv',
      bytes: utf8('资产编号,设备类型,控制方式\r\nZ-1,磨床,PLC\r\n'),
    });
    expect(noSme.issues).toEqual([{ row: 1, column: null, code: 'missingColumns', params: { columns: 'sme' } }]);
  });

  it('a cluster of another tenant answers NOT_FOUND', async () => {
    const other = await createTenantWorld(t.db, uniqueTag('Oth'));
    expect(
      await codeOf(
        engineer.inventory.previewImport({ clusterId: other.cluster.id, fileName: 'x.csv', bytes: utf8('资产编号,设备类型,控制方式\r\nZ,磨床,PLC\r\n') }),
      ),
    ).toMatch(/^NOT_FOUND/);
  });

  it('templates carry the headers in each language', async () => {
    const zh = await engineer.inventory.template({ format: 'csv', locale: 'zh-CN' });
    expect(new TextDecoder().decode(zh.bytes)).toContain('资产编号,设备类型');
    const en = await engineer.inventory.template({ format: 'xlsx', locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(en.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Machines', 'How to fill in']);
    expect(wb.worksheets[0]?.getRow(1).getCell(4).value).toBe('Asset tag');
  });
});

describe('machines, clients and clusters', () => {
  it('lists, filters and pages an SME’s machines; the owner reads them, cannot change them', async () => {
    const page = await engineer.inventory.machines.list({ smeClientId: emptySmeId, status: 'IN_SERVICE', sort: 'assetTag', dir: 'desc', page: 1, pageSize: 1 });
    expect(page.total).toBe(1);
    expect(page.items[0]?.assetTag).toBe('X-0003');
    const mine = await owner.inventory.machines.list({ smeClientId: smeId, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 100 });
    expect(mine.total).toBeGreaterThan(0);
    expect(await codeOf(owner.inventory.machines.list({ smeClientId: emptySmeId, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 10 }))).toMatch(/^NOT_FOUND/);
    const id = mine.items[0]?.id as string;
    expect((await owner.inventory.machines.get({ id })).id).toBe(id);
    expect(
      await codeOf(
        owner.inventory.machines.update({
          id,
          assetTag: 'Z',
          kind: 'GRINDER',
          controlType: 'PLC',
          networked: false,
          operatorsPerShift: 1,
          shiftsPerDay: 1,
          status: 'IDLE',
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });

  it('creates and edits a machine by form, with history of who changed what', async () => {
    const created = await engineer.inventory.machines.create({
      smeClientId: smeId,
      assetTag: 'F-1',
      kind: 'LATHE',
      controlType: 'MANUAL',
      networked: false,
      operatorsPerShift: 1,
      shiftsPerDay: 2,
      status: 'IN_SERVICE',
      site: '新厂',
      workshop: '车间A',
      line: '线1',
    });
    expect(
      await codeOf(
        engineer.inventory.machines.create({
          smeClientId: smeId,
          assetTag: 'F-1',
          kind: 'LATHE',
          controlType: 'MANUAL',
          networked: false,
          operatorsPerShift: 1,
          shiftsPerDay: 1,
          status: 'IDLE',
        }),
      ),
    ).toBe('CONFLICT:assetTagTaken');
    await engineer.inventory.machines.update({
      id: created.id,
      assetTag: 'F-1',
      kind: 'LATHE',
      controlType: 'PLC',
      networked: true,
      operatorsPerShift: 1,
      shiftsPerDay: 2,
      status: 'IDLE',
      site: '新厂',
      workshop: '车间A',
      line: '线1',
    });
    const m = await engineer.inventory.machines.get({ id: created.id });
    const engineerName = (await t.db.user.findUniqueOrThrow({ where: { id: w.users.engineer.id } })).name;
    expect(m.line?.workshop.site.name).toBe('新厂');
    expect(m.history.map((h) => [h.kind, h.source, h.actorName])).toEqual([
      ['UPDATE', 'FORM', engineerName],
      ['CREATE', 'FORM', engineerName],
    ]);
    expect(m.history[0]?.changes).toEqual({ controlType: ['MANUAL', 'PLC'], networked: [false, true], status: ['IN_SERVICE', 'IDLE'] });
  });

  it('validates the credit code, refuses a duplicate, and archives without deleting', async () => {
    const base = {
      legalName: '新客户',
      county: '新昌县',
      sector: 'BALL_BEARINGS' as const,
      clusterIds: [w.cluster.id],
      contacts: [{ name: '张三', phone: '13800000000', role: '厂长' }],
    };
    expect(await codeOf(engineer.clients.create({ ...base, creditCode: '91350100M000100Y44' }))).toMatch(/^BAD_REQUEST/);
    const c = await engineer.clients.create({ ...base, creditCode: '91350100M000100Y43' });
    expect(await codeOf(engineer.clients.create({ ...base, creditCode: '91350100m000100y43' }))).toBe('CONFLICT:creditCodeTaken');
    const got = await engineer.clients.get({ id: c.id });
    expect(got.contacts).toEqual([expect.objectContaining({ name: '张三', role: '厂长' })]);
    await engineer.clients.setArchived({ id: c.id, archived: true });
    expect((await engineer.clients.list({ q: '新客户', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await engineer.clients.list({ q: '新客户', includeArchived: true, page: 1, pageSize: 10 })).total).toBe(1);
    expect(await codeOf(engineer.clients.update({ id: c.id, ...base, creditCode: '91350100M000100Y43' }))).toBe('PRECONDITION_FAILED:clientArchived');
    expect(await t.db.auditEvent.count({ where: { entityId: c.id, action: { in: ['client.create', 'client.archive'] } } })).toBe(2);
  });

  it('creates, renames and archives clusters', async () => {
    const c = await engineer.clusters.create({ name: '新昌齿轮', county: '新昌县', sector: 'GEARS' });
    await engineer.clusters.update({ id: c.id, name: '新昌齿轮集群', county: '新昌县', sector: 'GEARS' });
    await engineer.clusters.setArchived({ id: c.id, archived: true });
    expect((await engineer.clusters.list()).map((x) => x.id)).not.toContain(c.id);
    expect((await engineer.clusters.list({ includeArchived: true })).find((x) => x.id === c.id)?.name).toBe('新昌齿轮集群');
  });
  it('counts each cluster’s members and their machines in the database, and nothing of another tenant', async () => {
    const other = await createTenantWorld(t.db, uniqueTag('InvB'), { machinesPerSme: 3 });
    const listed = await engineer.clusters.list();
    for (const c of listed) {
      const members = await t.db.clusterMembership.findMany({ where: { clusterId: c.id }, select: { smeClientId: true } });
      expect(c.clients).toBe(members.length);
      expect(c.machines).toBe(await t.db.machine.count({ where: { smeClientId: { in: members.map((m) => m.smeClientId) } } }));
    }
    expect(listed.find((c) => c.id === w.cluster.id)?.machines).toBeGreaterThan(0);
    expect(listed.map((c) => c.id)).not.toContain(other.cluster.id);
    // a pick list skips the counting
    expect((await engineer.clusters.list({ withCounts: false })).map((c) => [c.id, c.clients, c.machines])).toEqual(listed.map((c) => [c.id, c.clients, null]));
  });
});
