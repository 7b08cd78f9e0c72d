/**
 * "Really used" before payout through the real stack (PGlite and PostgreSQL): an approved claim whose rules ask for
 * 90 % of the claimed machines reporting ≥ 80 % of planned hours over the 30 days before payout. With 2 of 3 machines
 * reporting, the payout is refused, naming the numbers in the reader's language, and nothing moves; once the third
 * reports, it is paid, the claim event carries the check's reasoning and the check is audited — in one transaction.
 * A rule judged before approval does not hold the payout; another county reaches nothing.
 */
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { addDays } from '../../domain/time';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { hourRows, seedCommissionedProject } from '../../testing/results';
import { describeError } from '../../trpc/errors';

let t: TestDb;
let w: TenantWorld;
let other: TenantWorld;
let p: Awaited<ReturnType<typeof seedCommissionedProject>>;

/** A claim's snapshot as submission writes it (what the claim page parses). */
const snapshot = {
  sme: { legalName: 'x', legalNameEn: null, creditCode: null, sector: 'BALL_BEARINGS', clusters: [] },
  integrator: 'x',
  project: { number: 'P', title: 't', status: 'VERIFIED', machines: 3, budgetFen: '0', target: 'D1N1', paybackMonths: null },
  facts: {
    inServiceMachines: 10,
    machinesAlreadyClaimed: 0,
    machines: [],
    paidSpendFen: '600000',
    unpaidSpendFen: '0',
    levelReached: null,
    contractDate: null,
    completionDate: null,
    batch: null,
    filedOn: '2026-06-01',
  },
  assessments: { before: null, after: null },
};
const usageRule = (stage: 'APPROVAL' | 'PAYOUT') => ({ kind: 'USAGE_REQUIRED', minMachinesPercent: 90, minHoursPercent: 80, days: 30, stage });

async function approvedClaim(n: string, stage: 'APPROVAL' | 'PAYOUT') {
  await t.db.fund.update({ where: { id: w.fund.id }, data: { committedFen: { increment: 300_000n } } });
  const c = await t.db.claim.create({
    data: {
      countyId: w.county.id,
      fundId: w.fund.id,
      integratorId: w.integrator.id,
      smeClientId: p.own.smeClientId,
      projectId: p.projectId,
      number: `C-PU-${n}`,
      status: 'APPROVED',
      rulesVersion: 1,
      rules: [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }, usageRule(stage)],
      computedFen: 300_000n,
      approvedFen: 300_000n,
      submittedAt: new Date(),
      snapshot,
    },
    select: { id: true },
  });
  await t.db.claimMachine.createMany({
    data: p.machineIds.map((machineId, i) => ({
      countyId: w.county.id,
      integratorId: w.integrator.id,
      smeClientId: p.own.smeClientId,
      claimId: c.id,
      machineId,
      assetTag: p.assetTags[i] as string,
      costFen: 100_000n,
      covered: true,
    })),
  });
  return c.id;
}

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('PayUse'), { machinesPerSme: 4 });
  other = await createTenantWorld(t.db, uniqueTag('PayUseB'), { machinesPerSme: 2 });
  p = await seedCommissionedProject(t.db, w, { machines: 3, goLiveDaysAgo: 60, status: 'VERIFIED' });
  // machines 1 and 2 report every hour of the last 40 days; machine 3 only over the first 10 of them (then silent)
  const [a, b, c] = p.machineIds as [string, string, string];
  await hourRows(t.db, p.own, [a, b], addDays(p.today, -40), 40, { runningS: 2400, parts: 20, wh: 1000 });
  await hourRows(t.db, p.own, [c], addDays(p.today, -40), 10, { runningS: 2400, parts: 20, wh: 1000 });
}, 120_000);
afterAll(async () => t?.close());

describe(`usage required before payout (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('refuses the payout with the numbers, in both languages, and changes nothing', async () => {
    const claimId = await approvedClaim('1', 'PAYOUT');
    const input = { id: claimId, date: p.today, amountFen: 300_000n, reference: 'BANK-1' };
    const en = await callerAs(t.db, w.users.official.id, 'en');
    const e = (await en.claims.disburse(input).catch((x) => x)) as TRPCError;
    expect(e.code).toBe('PRECONDITION_FAILED');
    expect(describeError(e, 'en').message).toBe(
      'Not paid out yet: the fund asks for the machines to be really used before payout. Over the last 30 days 2 of 3 claimed machines reported at least 80% of planned hours (66.7%), below the 90% required.',
    );
    expect(describeError(e, 'zh-CN').message).toBe(
      '暂不能拨付：基金要求拨付前设备真实使用。近 30 天内，3 台申报设备中 2 台上报了不少于 80% 的计划工时（66.7%），低于要求的 90%。',
    );
    // the claim page says the same before the official records anything
    const now = await en.claims.payoutUsage({ id: claimId });
    expect(now).toMatchObject({ met: false, text: '2 of 3 machines reported ≥ 80% of planned hours over 30 days (66.7%) → below 90%: not yet' });
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, disbursedFen: true } });
    expect(claim).toEqual({ status: 'APPROVED', disbursedFen: 0n });
    expect(await t.db.auditEvent.count({ where: { entityId: claimId } })).toBe(0);
  });

  it('pays once the machines report, with the check in the claim event and the audit', async () => {
    const claimId = (await t.db.claim.findFirstOrThrow({ where: { number: 'C-PU-1' }, select: { id: true } })).id;
    const c = p.machineIds[2] as string;
    await hourRows(t.db, p.own, [c], addDays(p.today, -30), 30, { runningS: 2400, parts: 20, wh: 1000 });
    const official = await callerAs(t.db, w.users.official.id, 'en');
    await official.claims.disburse({ id: claimId, date: p.today, amountFen: 300_000n, reference: 'BANK-1' });
    const got = await official.claims.get({ id: claimId });
    expect(got.status).toBe('DISBURSED');
    const event = got.events.find((x) => x.action === 'disburse');
    expect(event?.explanationText).toContain('3 of 3 machines reported ≥ 80% of planned hours over 30 days (100%) → at least 90%: met');
    const audits = await t.db.auditEvent.findMany({ where: { entityId: claimId }, orderBy: { at: 'asc' }, select: { action: true, data: true } });
    expect(audits.map((a) => a.action)).toEqual(['claim.usageCheckedAtPayout', 'claim.disburse']);
    expect(audits[0]?.data).toMatchObject({ qualifying: 3, machines: 3, shareBp: 10_000 });
  });

  it('a rule judged before approval does not hold the payout (it was judged on the claim as submitted)', async () => {
    await t.db.machineHour.deleteMany({ where: { machineId: p.machineIds[2] as string, hour: { gte: new Date(Date.now() - 31 * 86_400_000) } } });
    const claimId = await approvedClaim('2', 'APPROVAL');
    const official = await callerAs(t.db, w.users.official.id, 'en');
    expect(await official.claims.payoutUsage({ id: claimId })).toBeNull();
    await official.claims.disburse({ id: claimId, date: p.today, amountFen: 100_000n, reference: 'BANK-2' });
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } })).status).toBe('DISBURSED');
  });

  it("another county's official and the integrator cannot pay it (NOT_FOUND / FORBIDDEN)", async () => {
    const claimId = await approvedClaim('3', 'PAYOUT');
    const input = { id: claimId, date: p.today, amountFen: 1n, reference: 'X' };
    const otherOfficial = await callerAs(t.db, other.users.official.id, 'en');
    expect(((await otherOfficial.claims.disburse(input).catch((x) => x)) as TRPCError).code).toBe('NOT_FOUND');
    expect(((await otherOfficial.claims.payoutUsage({ id: claimId }).catch((x) => x)) as TRPCError).code).toBe('NOT_FOUND');
    const staff = await callerAs(t.db, w.users.admin.id, 'en');
    expect(((await staff.claims.disburse(input).catch((x) => x)) as TRPCError).code).toBe('FORBIDDEN');
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } })).status).toBe('APPROVED');
  });
});
