/**
 * The county's view of a fund through the real stack: a county with 4 firms in one sector (ball bearings) and 5 in
 * another (gears). Every figure about firms appears only from 5 firms: the bearings' utilization is withheld (and its
 * value is nowhere in the answer), the gears' is published; counts over all 9 firms are published; the scorecard names
 * its claims. Another county reaches nothing of it.
 */
import type { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventory, createSmeClient, createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { commissionedProject } from '../../testing/acceptance-world';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
let official: Caller;
const claimNumbers: string[] = [];
const now = Date.now();
const day = 86_400_000;
const hourAt = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000);

/** One planned hour of a machine: `running` seconds of 3600, the rest idle. */
async function hour(own: { integratorId: string; smeClientId: string }, machineId: string, at: Date, running: number) {
  const s = { plannedS: 3600, runningS: running, idleS: 3600 - running, stoppedS: 0, alarmS: 0, setupS: 0, unknownS: 0 };
  const p = { plannedRunningS: running, plannedIdleS: 3600 - running, plannedStoppedS: 0, plannedAlarmS: 0, plannedSetupS: 0, plannedUnknownS: 0 };
  await t.db.machineHour.create({ data: { ...own, machineId, hour: at, ...s, ...p } });
}

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('CountyA'), { machinesPerSme: 3 });
  b = await createTenantWorld(t.db, uniqueTag('CountyB'), { machinesPerSme: 2 });
  const commissionedAt = new Date(now - 200 * day);
  const firms = [
    ...[0, 1, 2, 3].map((i) => ({ sector: 'BALL_BEARINGS' as const, running: 1800 + i * 300 })), // 50 %, 58 %, 67 %, 75 %
    ...[0, 1, 2, 3, 4].map((i) => ({ sector: 'GEARS' as const, running: 2520 + i * 180 })), // 70 %, 75 %, 80 %, 85 %, 90 %
  ];
  for (const [i, f] of firms.entries()) {
    const sme = await createSmeClient(t.db, a.integrator.id, { legalName: `${a.county.name} 企业 ${i}`, county: a.county.name, sector: f.sector });
    await createInventory(t.db, {
      integratorId: a.integrator.id,
      smeClientId: sme.id,
      machines: 3,
      seed: 10 + i,
      sites: [{ name: 'F', workshops: [{ name: 'W', lines: ['L'] }] }],
    });
    const own = { integratorId: a.integrator.id, smeClientId: sme.id };
    const p = await commissionedProject(
      t.db,
      { ...own, countyId: a.county.id, fundId: a.fund.id },
      { commissionedAt, measuredFen: 1_000_000n + BigInt(i) * 100_000n },
    );
    claimNumbers.push(p.claimNumber);
    for (const machineId of p.machineIds) {
      await hour(own, machineId, hourAt(now - 2 * day), f.running); // last 30 days
      await hour(own, machineId, hourAt(commissionedAt.getTime() + 80 * day), i === 0 ? 0 : 3000); // day 90: firm 0 idle
      await hour(own, machineId, hourAt(commissionedAt.getTime() + 170 * day), 3000); // day 180
    }
  }
  // the firm of a satisfaction record: one firm only, so the scorecard's satisfaction stays withheld
  official = await callerAs(t.db, a.users.official.id, 'en');
});
afterAll(() => t.close());

describe(`the county's view (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('withholds the sector of 4 firms and publishes the sector of 5', async () => {
    const v = await official.fundAdmin.countyView({ fundId: a.fund.id });
    const bySector = Object.fromEntries(v.utilizationBySector.map((g) => [g.group, g.figure]));
    expect(bySector.BALL_BEARINGS).toEqual({ published: false, firms: 4 });
    expect(bySector.GEARS).toMatchObject({ published: true, firms: 5, value: { quartiles: { p25: 0.75, median: 0.8, p75: 0.85 } } });
    // nothing of the withheld bearings' utilizations (50 %, 58.3 %, 66.7 %, 75 % alone) is in the answer
    const text = superjson.stringify(v.utilizationBySector);
    expect(text).not.toContain('0.5833');
    expect(text).not.toContain('0.6666');
  });

  it('publishes what rests on all 9 firms: connected, still used at 90 and 180 days, payback', async () => {
    const v = await official.fundAdmin.countyView({ fundId: a.fund.id });
    expect(v.firms).toBe(9);
    expect(v.machinesConnected).toEqual({ published: true, firms: 9, value: { connected: 18, total: 18 } });
    expect(v.stillUsed90).toMatchObject({ published: true, value: { due: 18, used: 16, idle: 2, silent: 0 } });
    expect(v.stillUsed180).toMatchObject({ published: true, value: { due: 18, used: 18 } });
    expect(v.payback).toMatchObject({ published: true, firms: 9 });
    if (v.payback.published) expect(v.payback.value.quartiles?.median).toBeGreaterThan(0);
  });

  it('a scorecard per integrator, each figure with its claims; firm figures under 5 firms withheld', async () => {
    const v = await official.fundAdmin.countyView({ fundId: a.fund.id });
    const card = v.scorecards.find((s) => s.integrator.id === a.integrator.id);
    expect(card?.firmsServed.count).toBe(9);
    expect(card?.firmsServed.sources.map((c) => c.number).sort()).toEqual([...claimNumbers].sort());
    expect(card?.machinesConnected.figure).toEqual({ published: true, firms: 9, value: { count: 18, of: 18 } });
    expect(card?.savings.figure).toMatchObject({ published: true, firms: 9 });
    expect(card?.satisfaction.figure).toEqual({ published: false, firms: 0 });
    expect(card?.returned.count).toBe(0);
  });

  it('scores each provider out of 100 from the published figures, showing the working', async () => {
    const v = await official.fundAdmin.countyView({ fundId: a.fund.id });
    const card = v.scorecards.find((s) => s.integrator.id === a.integrator.id);
    const parts = Object.fromEntries(card?.score.parts.map((p) => [p.key, [p.points10, p.notScored]]) ?? []);
    expect(parts).toEqual({
      firmsServed: [113, null], // 9 of 20 firms × 25 = 11.25
      machinesConnected: [150, null], // 18 of 18 × 15
      stillUsed90: [89, null], // 16 of 18 × 10 = 8.89
      savings: [146, null], // ¥126,000 measured of ¥172,800 promised = 72.9 % × 20 = 14.58
      satisfaction: [null, 'nothingYet'], // no owner has answered
      cleanClaims: [200, null], // 9 claims, none returned or rejected
    });
    expect(card?.score).toMatchObject({ score10: 698, outOf: 100, notScored: 10 });
  });

  it('links each figure to the claims, firms and machines behind it — names and numbers only', async () => {
    const src = await official.fundAdmin.scorecardSources({ fundId: a.fund.id, integratorId: a.integrator.id, figure: 'savings' });
    expect(src.claims.map((c) => c.number).sort()).toEqual([...claimNumbers].sort());
    expect(src.firms).toHaveLength(9);
    expect(src.machines).toHaveLength(18);
    expect(Object.keys(src.claims[0] ?? {}).sort()).toEqual(['firm', 'firmEn', 'id', 'number', 'project', 'status']);
    expect(Object.keys(src.machines[0] ?? {}).sort()).toEqual(['assetTag', 'kind', 'project']);
    // a figure with no source lists nothing
    const none = await official.fundAdmin.scorecardSources({ fundId: a.fund.id, integratorId: a.integrator.id, figure: 'rejected' });
    expect(none).toMatchObject({ claims: [], firms: [], machines: [] });
  });

  it('another county and the integrator reach nothing of it', async () => {
    const other = await callerAs(t.db, b.users.official.id, 'en');
    const e = await other.fundAdmin.countyView({ fundId: a.fund.id }).catch((x) => x);
    expect((e as TRPCError).code).toBe('NOT_FOUND');
    const staff = await callerAs(t.db, a.users.admin.id, 'en');
    expect(((await staff.fundAdmin.countyView({ fundId: a.fund.id }).catch((x) => x)) as TRPCError).code).toBe('FORBIDDEN');
    // county B's own (empty) fund: nothing published, nothing of A
    for (const [fundId, integratorId] of [
      [a.fund.id, a.integrator.id],
      [b.fund.id, a.integrator.id],
    ] as const) {
      const x = await other.fundAdmin.scorecardSources({ fundId, integratorId, figure: 'firmsServed' }).catch((e) => e);
      expect((x as TRPCError).code).toBe('NOT_FOUND');
    }
    expect(
      ((await staff.fundAdmin.scorecardSources({ fundId: a.fund.id, integratorId: a.integrator.id, figure: 'savings' }).catch((x) => x)) as TRPCError).code,
    ).toBe('FORBIDDEN');
    const own = await other.fundAdmin.countyView({ fundId: b.fund.id });
    expect(own.firms).toBe(0);
    expect(superjson.stringify(own)).not.toContain(a.integrator.id);
  });
});
