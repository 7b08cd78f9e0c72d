/**
 * Bulk registration from a spreadsheet and the shift calendar, through the procedures: every bad row named, all or
 * nothing, the credentials once in the commit's CSV, the same file again changes nothing; the calendar's default stated.
 */
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { DEFAULT_CALENDAR } from '../../domain/telemetry/calendar';
import { topicFor } from '../../domain/telemetry-topics';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { terminalSecretMatches } from './secret';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let owner: Caller;
let sme: string;
let tags: string[];
const csv = (text: string) => new TextEncoder().encode(text.replace(/\n/g, '\r\n'));

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('TIm'), { machinesPerSme: 8 });
  engineer = await callerAs(t.db, w.users.engineer.id, 'zh-CN');
  owner = await callerAs(t.db, w.users.smeOwner.id);
  sme = w.smes[0]?.id as string;
  await t.db.machine.updateMany({ where: { smeClientId: sme }, data: { status: 'IN_SERVICE' } });
  tags = (await t.db.machine.findMany({ where: { smeClientId: sme }, orderBy: { assetTag: 'asc' }, select: { assetTag: true } })).map((m) => m.assetTag);
});
afterAll(() => t.close());

describe(`terminal import (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('names every bad row and registers nothing', async () => {
    const retired = tags[7] as string;
    await t.db.machine.updateMany({ where: { smeClientId: sme, assetTag: retired }, data: { status: 'RETIRED' } });
    const taken = await engineer.terminals.register({
      machineId: (await t.db.machine.findFirstOrThrow({ where: { smeClientId: sme, assetTag: tags[6] } })).id,
      serial: 'USED-1',
    });
    const file = csv(
      [
        '设备清单（终端）',
        '资产编号,终端序列号,网关序列号,备注',
        `${tags[0]},TM-A,,ok`,
        'NOPE-9,TM-B,,',
        `${retired},TM-C,,`,
        `${tags[1]},USED-1,,`,
        `${tags[2]},TM-A,,`,
        `${tags[0]},TM-D,,`,
        `${tags[3]},TM E,,`,
        `${tags[4]},TM-F,GW-NONE,`,
        `${tags[6]},TM-G,,`,
        `${tags[5]},,,`,
      ].join('\n'),
    );
    const p = await engineer.terminals.previewImport({ smeClientId: sme, fileName: 't.csv', bytes: file });
    expect(p.headerRow).toBe(2);
    expect(p.canCommit).toBe(false);
    expect(p.notices).toEqual([{ code: 'ignoredColumns', columns: ['备注'] }]);
    expect(p.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, '资产编号', 'unknownAssetTag'],
      [5, '资产编号', 'retiredMachine'],
      [6, '终端序列号', 'serialTaken'],
      [7, '终端序列号', 'duplicateSerial'],
      [8, '资产编号', 'duplicateAssetTag'],
      [9, '终端序列号', 'badSerial'],
      [10, '网关序列号', 'unknownGateway'],
      [11, '资产编号', 'machineHasTerminal'],
      [12, '终端序列号', 'required'],
    ]);
    expect(p.issues.find((i) => i.code === 'serialTaken')?.params).toEqual({ value: 'USED-1', assetTag: tags[6] });
    const before = await t.db.terminal.count({ where: { smeClientId: sme } });
    const err = await engineer.terminals.commitImport({ smeClientId: sme, fileName: 't.csv', bytes: file }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect(await t.db.terminal.count({ where: { smeClientId: sme } })).toBe(before);
    await engineer.terminals.revoke({ id: taken.terminalId });
  });

  it('registers the file in one go and hands the credentials over once; the same file again changes nothing', async () => {
    const gw = await engineer.terminals.registerGateway({ smeClientId: sme, serial: 'GW-IMP' });
    const file = csv(['Asset tag,Terminal serial,Gateway serial', `${tags[0]},TM-1,GW-IMP`, `${tags[1]},TM-2,`, `${tags[2]},TM-3,`].join('\n'));
    const p = await engineer.terminals.previewImport({ smeClientId: sme, fileName: 't.csv', bytes: file });
    expect([p.canCommit, p.toCreate, p.toUpdate, p.unchanged]).toEqual([true, 3, 0, 0]);
    const c = await engineer.terminals.commitImport({ smeClientId: sme, fileName: 't.csv', bytes: file });
    expect(c.created).toBe(3);
    const lines = (c.credentials?.csv ?? '')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('终端 ID（MQTT 用户名）,终端序列号,资产编号,密钥（MQTT 密码）,MQTT 主题');
    expect(c.credentials?.fileName).toMatch(/^终端密钥-\d{4}-\d{2}-\d{2}\.csv$/);
    for (const line of lines.slice(1)) {
      const [id, serial, tag, secret, topic] = line.split(',') as [string, string, string, string, string];
      const row = await t.db.terminal.findUniqueOrThrow({ where: { id }, include: { machine: true } });
      expect([row.serial, row.machine?.assetTag, topic]).toEqual([serial, tag, topicFor(id)]);
      expect(terminalSecretMatches(row.secretHash, secret)).toBe(true);
      if (serial === 'TM-1') expect(row.gatewayId).toBe(gw.terminalId);
    }
    expect(await t.db.auditEvent.count({ where: { entityId: sme, action: 'terminal.import' } })).toBe(1);
    // again: nothing new, no credentials
    const again = await engineer.terminals.commitImport({ smeClientId: sme, fileName: 't.csv', bytes: file });
    expect([again.created, again.updated, again.unchanged, again.credentials]).toEqual([0, 0, 3, null]);
    // a file that moves TM-2 onto the gateway re-assigns it
    const moved = await engineer.terminals.previewImport({
      smeClientId: sme,
      fileName: 't.csv',
      bytes: csv(`资产编号,终端序列号,网关序列号\n${tags[1]},TM-2,GW-IMP\n`),
    });
    expect([moved.toCreate, moved.toUpdate, moved.unchanged]).toEqual([0, 1, 0]);
    // another SME's machines are unknown to a file imported into this one
    const other = await engineer.terminals.previewImport({
      smeClientId: w.smes[1]?.id as string,
      fileName: 't.csv',
      bytes: csv(`资产编号,终端序列号\n${tags[3]}-X,TM-9\n`),
    });
    expect(other.issues.map((i) => i.code)).toEqual(['unknownAssetTag']);
  });

  it('a file without the serial column names the missing column', async () => {
    const p = await engineer.terminals.previewImport({ smeClientId: sme, fileName: 't.csv', bytes: csv(`资产编号,网关序列号\n${tags[0]},GW\n`) });
    expect(p.issues[0]).toMatchObject({ code: 'missingColumns', params: { columns: 'terminal:serial' } });
  });
});

describe(`shift calendar (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('states the default when the SME has none; staff set one, the owner reads it, nobody else changes it', async () => {
    const first = await owner.shiftCalendar.get({ smeClientId: sme });
    expect(first).toMatchObject({ usesDefault: true, stored: false, calendar: DEFAULT_CALENDAR });
    const night = {
      shifts: [
        { name: '白班', start: '08:00', end: '20:00', breaks: [{ start: '12:00', end: '13:00' }] },
        { name: '夜班', start: '20:00', end: '08:00', breaks: [{ start: '00:00', end: '00:30' }] },
      ],
      workingWeekdays: [1, 2, 3, 4, 5],
      nonWorkingDates: ['2026-10-01'],
      workingDates: ['2026-10-10'],
    };
    await engineer.shiftCalendar.save({ smeClientId: sme, calendar: night });
    const read = await owner.shiftCalendar.get({ smeClientId: sme });
    expect(read).toMatchObject({ usesDefault: false, stored: true, calendar: night, replanning: true });
    // the mark that has the roll-up job plan the stored hours again, in the database's clock
    expect((await t.db.smeClient.findUniqueOrThrow({ where: { id: sme } })).calendarChangedAt).toBeInstanceOf(Date);
    expect((await engineer.shiftCalendar.get({ smeClientId: sme })).updatedByName).toMatch(/^Engineer TIm-/);
    expect(await t.db.auditEvent.count({ where: { entityId: sme, action: 'shiftCalendar.save' } })).toBe(1);
    const refused = await owner.shiftCalendar.save({ smeClientId: sme, calendar: null }).catch((e: TRPCError) => e.code);
    expect(refused).toBe('FORBIDDEN');
    const bad = await engineer.shiftCalendar
      .save({ smeClientId: sme, calendar: { ...night, shifts: [...night.shifts, { name: '中班', start: '10:00', end: '14:00', breaks: [] }] } })
      .catch((e: TRPCError) => e.code);
    expect(bad).toBe('BAD_REQUEST');
    await engineer.shiftCalendar.save({ smeClientId: sme, calendar: null });
    expect((await owner.shiftCalendar.get({ smeClientId: sme })).usesDefault).toBe(true);
  });

  it('keeps a machine’s ideal cycle time, exact to the millisecond, in its history', async () => {
    const m = await t.db.machine.findFirstOrThrow({ where: { smeClientId: sme }, select: { id: true } });
    const got = await engineer.inventory.machines.get({ id: m.id });
    expect(got.idealCycleS).toBeNull();
    const input = {
      id: m.id,
      assetTag: got.assetTag,
      kind: got.kind,
      maker: got.maker,
      model: got.model,
      year: got.year,
      notes: got.notes,
      site: got.line?.workshop.site.name,
      workshop: got.line?.workshop.name,
      line: got.line?.name,
      controlType: got.controlType,
      networked: got.networked,
      operatorsPerShift: got.operatorsPerShift,
      shiftsPerDay: got.shiftsPerDay,
      status: got.status,
      idealCycleS: 42.125,
    };
    expect((await engineer.inventory.machines.update(input)).changed).toBe(1);
    expect((await engineer.inventory.machines.get({ id: m.id })).idealCycleS).toBe(42.125);
    expect((await engineer.inventory.machines.update(input)).changed).toBe(0);
    expect(await engineer.inventory.machines.update({ ...input, idealCycleS: 1.0001 }).catch((e: TRPCError) => e.code)).toBe('BAD_REQUEST');
  });
});
