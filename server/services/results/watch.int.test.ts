/**
 * The watch after verification through the real stack: checkpoints at 30/90 days from the hour records, a silent and
 * an unused machine flagged now, and a to-do for the integrator (not for the SME owner, not for another integrator);
 * on a funded project (claim approved or paid) the county's official gets the same watch on the claim page and a
 * to-do linking to it — another county neither.
 */
import type { TRPCError } from '@trpc/server';
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
let claimId: string;

/** A claim of the project under the world's fund, in the given status (the claim's own life has its own tests). */
async function claimOf(world: TenantWorld, projectId: string, smeClientId: string, status: 'SUBMITTED' | 'APPROVED' | 'DISBURSED', n: string) {
  const c = await t.db.claim.create({
    data: {
      countyId: world.county.id,
      fundId: world.fund.id,
      integratorId: world.integrator.id,
      smeClientId,
      projectId,
      number: `C-W-${n}`,
      status,
      rulesVersion: 1,
      rules: [],
      submittedAt: new Date(),
      ...(status === 'SUBMITTED' ? {} : { approvedFen: 100_000n }),
    },
    select: { id: true },
  });
  return c.id;
}

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
  claimId = await claimOf(w, p.projectId, p.own.smeClientId, 'APPROVED', '1');
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

  it('on a funded project, raises a to-do for the county official that links to the watch on the claim page', async () => {
    const official = await callerAs(t.db, w.users.official.id);
    const g = (await official.todos.list()).find((x) => x.kind === 'fundedMachinesSilent');
    expect(g?.count).toBe(1);
    expect(g?.items[0]).toMatchObject({ id: claimId, href: `/claims/${claimId}#watch`, machines: { silent: 1, unused: 1, of: 3 } });
    // the silent machine: since it was last heard (20 hours ago, more than one shift)
    expect(Date.now() - (g?.items[0]?.since?.getTime() ?? 0)).toBeGreaterThan(19 * 3_600_000);
    // the same watch as the integrator's, on the claim page
    const watch = await official.results.watchForClaim({ claimId });
    expect(watch?.machines.map((m) => m.flag)).toEqual(['ok', 'silent', 'unused']);
    expect(watch?.checkpoints.map((c) => [c.day, c.reporting, c.used])).toEqual([
      [30, 3, 3],
      [90, 3, 2],
      [180, 0, 0],
    ]);
    expect((await engineer.results.watchForClaim({ claimId }))?.machines).toHaveLength(3);
  });

  it('a paid claim counts as funded; a claim only submitted does not', async () => {
    const official = await callerAs(t.db, w.users.official.id);
    await t.db.claim.update({ where: { id: claimId }, data: { status: 'DISBURSED', disbursedFen: 100_000n } });
    expect((await official.todos.list()).find((x) => x.kind === 'fundedMachinesSilent')?.count).toBe(1);
    await t.db.claim.update({ where: { id: claimId }, data: { status: 'SUBMITTED' } });
    expect((await official.todos.list()).some((x) => x.kind === 'fundedMachinesSilent')).toBe(false);
    await t.db.claim.update({ where: { id: claimId }, data: { status: 'APPROVED' } });
  });

  it('another county sees neither the to-do nor the watch (NOT_FOUND), an integrator none of another tenant', async () => {
    const otherOfficial = await callerAs(t.db, other.users.official.id);
    expect((await otherOfficial.todos.list()).some((x) => x.kind === 'fundedMachinesSilent')).toBe(false);
    const e = await otherOfficial.results.watchForClaim({ claimId }).catch((x) => x);
    expect((e as TRPCError).code).toBe('NOT_FOUND');
    const otherEngineer = await callerAs(t.db, other.users.engineer.id);
    expect(((await otherEngineer.results.watchForClaim({ claimId }).catch((x) => x)) as TRPCError).code).toBe('NOT_FOUND');
  });
});
