/**
 * The watch's notices end to end: a verified project whose machines go silent or unused raises one notice for the
 * integrator's staff and, being funded, one for the county's officials; the delivery sends them to those people only
 * (not the SME owner, not another tenant), each in their language with the link to where the watch is shown. A
 * machine already announced is not announced again; one that comes back and falls silent again is news again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, seedTerminal, type TenantWorld } from '../../../prisma/seed/factories';
import { addDays } from '../../domain/time';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { hourRows, seedCommissionedProject } from '../../testing/results';
import type { NotificationChannel, Recipient } from '../notifications/channel';
import { deliverPending } from '../notifications/deliver';
import type { NotificationMessage } from '../notifications/render';
import { raiseWatchNotices } from './watch-notices';

let t: TestDb;
let w: TenantWorld;
let other: TenantWorld;
let p: Awaited<ReturnType<typeof seedCommissionedProject>>;
let claimId: string;
let b: string;
const sent: { to: Recipient; message: NotificationMessage }[] = [];
const capture: NotificationChannel = {
  id: 'email',
  async send(to, message) {
    sent.push({ to, message });
    return { ok: true };
  },
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const pending = (kind: string) => t.db.notificationEvent.count({ where: { kind, entityId: p.projectId, processedAt: null } });
const heard = (machineId: string, at: Date) => t.db.terminalHealth.updateMany({ where: { terminal: { machineId } }, data: { lastAt: at, lastSeenAt: at } });

beforeAll(async () => {
  t = await openTestDb({ ownDatabase: true });
  w = await createTenantWorld(t.db, uniqueTag('WatchN'), { machinesPerSme: 6 });
  other = await createTenantWorld(t.db, uniqueTag('WatchNB'), { machinesPerSme: 4 });
  p = await seedCommissionedProject(t.db, w, { machines: 3, goLiveDaysAgo: 40, status: 'VERIFIED' });
  const [a, bb, c] = p.machineIds as [string, string, string];
  b = bb;
  await seedTerminal(t.db, { machineId: a, serial: `NA-${a}`, seenAt: hoursAgo(0.2) });
  await seedTerminal(t.db, { machineId: b, serial: `NB-${b}`, seenAt: hoursAgo(20) });
  await seedTerminal(t.db, { machineId: c, serial: `NC-${c}`, seenAt: hoursAgo(0.2) });
  // a and b ran for weeks (b fell silent 20 hours ago); c reports but has stood idle for 20 days
  await hourRows(t.db, p.own, [a, b], addDays(p.today, -30), 30, { runningS: 2000, parts: 30, wh: 3000 });
  await hourRows(t.db, p.own, [c], addDays(p.today, -20), 20, { runningS: 0, parts: 0, wh: 100 });
  const claim = await t.db.claim.create({
    data: {
      countyId: w.county.id,
      fundId: w.fund.id,
      integratorId: w.integrator.id,
      smeClientId: p.own.smeClientId,
      projectId: p.projectId,
      number: 'C-WN-1',
      status: 'APPROVED',
      rulesVersion: 1,
      rules: [],
      submittedAt: new Date(),
      approvedFen: 100_000n,
    },
    select: { id: true },
  });
  claimId = claim.id;
  await t.db.user.update({ where: { id: w.users.official.id }, data: { locale: 'en' } });
}, 120_000);
afterAll(async () => t?.close());

describe('notices of machines gone quiet after verification', () => {
  it('a pass raises one notice for the integrator and one for the county that funded the project', async () => {
    const run = await raiseWatchNotices(t.db);
    expect(run).toMatchObject({ raised: 1 });
    expect(await pending('machinesSilent')).toBe(1);
    expect(await pending('fundedMachinesSilent')).toBe(1);
    const events = await t.db.notificationEvent.findMany({ where: { entityId: p.projectId }, select: { kind: true, integratorId: true, countyId: true } });
    expect(events).toEqual(
      expect.arrayContaining([
        { kind: 'machinesSilent', integratorId: w.integrator.id, countyId: null },
        { kind: 'fundedMachinesSilent', integratorId: null, countyId: w.county.id },
      ]),
    );
  });

  it('delivers them to the staff and the county officials only, naming the machines, in each reader’s language', async () => {
    await deliverPending(t.db, { channels: [capture] });
    const to = (email: string) => sent.filter((s) => s.to.email === email).map((s) => s.message);
    const [staff] = to(w.users.engineer.email);
    expect(staff?.subject).toContain('改造设备无数据或未使用');
    expect(staff?.text).toContain('3 台改造设备中，1 台已超过一个班次（8 小时）没有数据，1 台近 7 天几乎没有运行');
    expect(staff?.link).toMatch(new RegExp(`/projects/${p.projectId}#watch$`));
    expect(to(w.users.admin.email)).toHaveLength(1);
    const [county] = to(w.users.official.email);
    const project = await t.db.project.findUniqueOrThrow({ where: { id: p.projectId }, select: { number: true, title: true } });
    expect(county?.subject).toBe(`Funded project with machines silent or unused: C-WN-1 · ${project.number} ${project.title}`);
    expect(county?.text).toContain('of its 3 retrofitted machines, 1 sent no data for more than a shift (8 hours) and 1 hardly ran in the last 7 days');
    expect(county?.link).toMatch(new RegExp(`/claims/${claimId}#watch$`));
    expect(to(w.users.smeOwner.email)).toEqual([]);
    for (const u of Object.values(other.users)) expect(to(u.email)).toEqual([]);
  });

  it('a machine already announced is not announced again', async () => {
    expect(await raiseWatchNotices(t.db)).toMatchObject({ raised: 0 });
    expect(await pending('machinesSilent')).toBe(0);
  });

  it('a machine that comes back is not news; falling silent again is', async () => {
    await heard(b, new Date());
    expect(await raiseWatchNotices(t.db)).toMatchObject({ raised: 0 });
    await heard(b, hoursAgo(9));
    expect(await raiseWatchNotices(t.db)).toMatchObject({ raised: 1 });
    expect(await pending('machinesSilent')).toBe(1);
  });

  it('a notice whose machines are all back by delivery time tells no one; the project’s memory is cleared', async () => {
    const [a, , c] = p.machineIds as [string, string, string];
    await heard(b, new Date());
    // c runs again: its last 7 days of records now show work
    await t.db.machineHour.updateMany({
      where: { machineId: c, hour: { gte: hoursAgo(8 * 24) } },
      data: { runningS: 2000, plannedRunningS: 2000, idleS: 1600, plannedIdleS: 1600, parts: 30 },
    });
    await heard(a, new Date());
    await heard(c, new Date());
    const before = sent.length;
    await deliverPending(t.db, { channels: [capture] });
    expect(sent.length).toBe(before);
    expect(await pending('machinesSilent')).toBe(0);
    expect(await raiseWatchNotices(t.db)).toMatchObject({ raised: 0, cleared: 1 });
    expect(await t.db.machineWatchNotice.count({ where: { projectId: p.projectId } })).toBe(0);
  });
});
