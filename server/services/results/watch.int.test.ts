/**
 * The watch after verification through the real stack: checkpoints at 30/90 days from the hour records, a silent and
 * an unused machine flagged now, and a to-do for the integrator (not for the SME owner, not for another integrator).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, seedTerminal, type TenantWorld } from '../../../prisma/seed/factories';
import { addDays } from '../../domain/time';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { hourRows, seedCommissionedProject } from '../../testing/results';

let t: TestDb;
let w: TenantWorld;
let other: TenantWorld;
let engineer: Caller;
let owner: Caller;
let p: Awaited<ReturnType<typeof seedCommissionedProject>>;

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Watch'), { machinesPerSme: 8 });
  other = await createTenantWorld(t.db, uniqueTag('WatchB'), { machinesPerSme: 4 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  // verified 99 days ago (commissioned the day before): checkpoints 30 and 90 reached, 180 not
  p = await seedCommissionedProject(t.db, w, { machines: 3, goLiveDaysAgo: 100, status: 'VERIFIED' });
  const [a, b, c] = p.machineIds as [string, string, string];
  const now = new Date();
  await seedTerminal(t.db, { machineId: a, serial: `WA-${a}`, seenAt: new Date(now.getTime() - 10 * 60_000) });
  await seedTerminal(t.db, { machineId: b, serial: `WB-${b}`, seenAt: new Date(now.getTime() - 20 * 3_600_000) });
  await seedTerminal(t.db, { machineId: c, serial: `WC-${c}`, seenAt: new Date(now.getTime() - 10 * 60_000) });
  // a and b used over the whole time until b fell silent 20 hours ago; c reports but stands idle in the last weeks
  // c stands idle from 45 days ago: at the 90-day checkpoint (the 30 days up to 10 days ago) it is no longer used
  await hourRows(t.db, p.own, [a, b], addDays(p.today, -100), 80, { runningS: 2000, parts: 30, wh: 3000 });
  await hourRows(t.db, p.own, [c], addDays(p.today, -100), 55, { runningS: 2000, parts: 30, wh: 3000 });
  await hourRows(t.db, p.own, [a], addDays(p.today, -20), 20, { runningS: 2000, parts: 30, wh: 3000 });
  await hourRows(t.db, p.own, [b], addDays(p.today, -20), 19, { runningS: 2000, parts: 30, wh: 3000 });
  await hourRows(t.db, p.own, [c], addDays(p.today, -45), 45, { runningS: 0, parts: 0, wh: 100 });
}, 120_000);
afterAll(async () => t?.close());

describe('the watch after verification', () => {
  it('counts the checkpoints reached and flags each machine now', async () => {
    const r = await engineer.results.watch({ projectId: p.projectId });
    expect(r?.days).toBe(99);
    expect(r?.checkpoints.map((c) => [c.day, c.reached, c.reporting, c.used, c.machines])).toEqual([
      [30, true, 3, 3, 3],
      [90, true, 3, 2, 3],
      [180, false, 0, 0, 0],
    ]);
    expect(r?.machines.map((m) => m.flag)).toEqual(['ok', 'silent', 'unused']);
    // the owner sees the same watch on the phone
    expect((await owner.results.watch({ projectId: p.projectId }))?.machines.map((m) => m.flag)).toEqual(['ok', 'silent', 'unused']);
  });

  it('raises a to-do for the integrator, and none for the owner or another integrator', async () => {
    const groups = await engineer.todos.list();
    const g = groups.find((x) => x.kind === 'machinesSilent');
    expect(g?.count).toBe(1);
    expect(g?.items[0]).toMatchObject({ href: `/projects/${p.projectId}`, machines: { silent: 1, unused: 1, of: 3 } });
    expect((await owner.todos.list()).some((x) => x.kind === 'machinesSilent')).toBe(false);
    const otherEngineer = await callerAs(t.db, other.users.engineer.id);
    expect((await otherEngineer.todos.list()).some((x) => x.kind === 'machinesSilent')).toBe(false);
  });
});
