/**
 * "Really used" through the real stack: a claim under a fund with the usage rule freezes its machines' data at
 * submission; with a silent machine it is refused (the preview names the numbers), once all report it goes through
 * and the county reads the evidence in the claim, never the integrator's hour records.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { addDays } from '../../domain/time';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { hourRows, seedCommissionedProject } from '../../testing/results';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let official: Caller;
let fundId: string;
let p: Awaited<ReturnType<typeof seedCommissionedProject>>;

const codeOf = (x: Promise<unknown>) =>
  x.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
  );

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Use'), { machinesPerSme: 20 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  official = await callerAs(t.db, w.users.official.id);
  await t.db.machine.updateMany({ where: { smeClientId: { in: w.smes.map((s) => s.id) } }, data: { status: 'IN_SERVICE' } });
  const f = await t.db.fund.create({
    data: {
      countyId: w.county.id,
      name: uniqueTag('usage fund'),
      budgetFen: 100_000_000n,
      periodStart: new Date('2026-01-01T00:00:00Z'),
      periodEnd: new Date('2027-12-31T00:00:00Z'),
      sectors: [],
      rules: [
        { kind: 'FREE_SHARE', freeSharePercent: 20, minFreeMachines: 1, perMachineCapFen: null },
        { kind: 'USAGE_REQUIRED', minMachinesPercent: 90, minHoursPercent: 80, days: 30 },
      ],
    },
    select: { id: true },
  });
  await t.db.fundParticipation.create({ data: { fundId: f.id, integratorId: w.integrator.id, countyId: w.county.id } });
  fundId = f.id;
  p = await seedCommissionedProject(t.db, w, { machines: 3, goLiveDaysAgo: 60 });
  // before go-live 50 %; over the last 40 days two machines report fully at 70 %, the third stays silent
  await hourRows(t.db, p.own, p.machineIds, addDays(p.goLive, -14), 14, { runningS: 1800, parts: 30, wh: 3000 });
  await hourRows(t.db, p.own, p.machineIds.slice(0, 2), addDays(p.today, -40), 40, { runningS: 2520, parts: 42, wh: 3780 });
}, 120_000);
afterAll(async () => t?.close());

describe('really used', () => {
  let claimId: string;

  it('refuses a claim with a silent machine, the reasoning naming the numbers', async () => {
    const input = { projectId: p.projectId, fundId, machineIds: p.machineIds, batchId: null };
    const preview = await engineer.claims.preview(input);
    expect(preview.eligible).toBe(false);
    expect(preview.steps.at(-1)).toEqual({
      key: 'usageNotMet',
      params: { qualifying: 2, machines: 3, hours: 80, share: '66.7', min: 90, days: 30 },
    });
    claimId = (await engineer.claims.draft(input)).id;
    expect(await codeOf(engineer.claims.submit({ id: claimId }))).toBe('PRECONDITION_FAILED:claim.notEligible');
  });

  it('once every machine reports, submits with the evidence frozen; the county reads it in the claim', async () => {
    await hourRows(t.db, p.own, p.machineIds.slice(2), addDays(p.today, -30), 30, { runningS: 2160, parts: 36, wh: 3600 });
    await engineer.claims.submit({ id: claimId });
    const c = await official.claims.get({ id: claimId });
    const u = c.snapshot.usage;
    expect(u?.days).toBe(30);
    expect(u?.to).toBe(addDays(p.today, -1));
    expect(u?.machines.map((m) => [m.reported, m.coverageBp, m.utilizationBeforeBp, m.utilizationAfterBp])).toEqual([
      [true, 10_000, 5000, 7000],
      [true, 10_000, 5000, 7000],
      [true, 10_000, 5000, 6000],
    ]);
    expect(u?.coverageBp).toBe(10_000);
    expect(c.explanation.map((s) => s.key)).toContain('usageMet');
    expect(c.explanationText).toMatch(/3 of 3 machines reported ≥ 80% of planned hours over 30 days \(100%\) → at least 90%: met/);
    // the decision recomputes from the frozen evidence: new silence after submission does not move it
    await t.db.machineHour.deleteMany({ where: { machineId: { in: p.machineIds } } });
    expect((await official.claims.decide({ id: claimId, decision: 'approve' })).status).toBe('APPROVED');
    // the county still cannot read the results of the project itself
    expect(await codeOf(official.results.forProject({ projectId: p.projectId }))).toBe('NOT_FOUND:notFound');
  });
});
