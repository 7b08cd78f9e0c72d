/**
 * The demo shows work to everyone (issue 16): after the seed, each demo person's to-do inbox has the items their first
 * screen is meant to show, the claims are at every stage, and nothing of the demo's history waits to be mailed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../../server/testing/caller';
import { openTestDb, type TestDb } from '../../server/testing/db';
import { seedDemo } from './demo';
import { seedDemoWork } from './demo-work';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb({ transactionOptions: { maxWait: 60_000, timeout: 300_000 } });
  await t.db.$transaction((tx) => seedDemo(tx), { timeout: 300_000, maxWait: 60_000 });
  await seedDemoWork(t.db);
}, 600_000);
afterAll(() => t.close());

const inbox = async (email: string) => {
  const u = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const groups = await (await callerAs(t.db, u.id, 'zh-CN')).todos.list();
  return Object.fromEntries(groups.map((g) => [g.kind, g.count]));
};

describe(`demo data at every stage (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('every role’s first screen has work', async () => {
    expect(await inbox('owner@wanfeng-bearing.demo')).toMatchObject({ quoteToAnswer: 1, paymentDue: expect.any(Number) });
    expect(await inbox('official@xinchang.gov.demo')).toMatchObject({ claimToDecide: 1, payoutToRecord: 1 });
    const staff = { claimReturned: 1, toCommission: 1, toVerify: 5, quoteUnanswered: 1 };
    expect(await inbox('engineer@xinchang-retrofit.demo')).toMatchObject(staff);
    expect(await inbox('admin@xinchang-retrofit.demo')).toMatchObject(staff);
  });

  it('projects from draft to verified and claims from drafted to paid, with money and measured savings', async () => {
    // the demo's own tenants only: on PostgreSQL the other test files write into the same database
    const users = await t.db.user.findMany({
      where: { email: { in: ['admin@xinchang-retrofit.demo', 'admin@shengzhou-gear.demo', 'official@xinchang.gov.demo', 'official@shengzhou.gov.demo'] } },
      select: { integratorId: true, countyId: true },
    });
    const integratorId = { in: users.flatMap((u) => (u.integratorId ? [u.integratorId] : [])) };
    const countyId = { in: users.flatMap((u) => (u.countyId ? [u.countyId] : [])) };
    const projects = await t.db.project.groupBy({ by: ['status'], where: { integratorId }, _count: true });
    expect(Object.fromEntries(projects.map((p) => [p.status, p._count]))).toEqual({ DRAFT: 1, QUOTED: 1, IN_PROGRESS: 1, COMMISSIONED: 5, VERIFIED: 1 });
    const claims = await t.db.claim.findMany({ where: { integratorId }, select: { status: true, requestedFen: true, approvedFen: true, disbursedFen: true } });
    expect(claims.map((c) => c.status).sort()).toEqual(['APPROVED', 'DISBURSED', 'DRAFT', 'RETURNED', 'SUBMITTED']);
    for (const c of claims) expect(c.requestedFen).toBeGreaterThan(0n);
    const paid = claims.find((c) => c.status === 'DISBURSED');
    expect(paid?.disbursedFen).toBe(paid?.approvedFen);
    expect(await t.db.measuredSaving.count({ where: { integratorId } })).toBeGreaterThanOrEqual(5);
    expect(await t.db.quote.count({ where: { integratorId, decision: 'ACCEPTED' } })).toBe(7);
    // the verified project's firm has an assessment before and the one its outcome was verified with
    const verified = await t.db.project.findFirstOrThrow({
      where: { integratorId, status: 'VERIFIED' },
      select: { smeClientId: true, outcomeAssessmentId: true },
    });
    expect(await t.db.assessment.count({ where: { smeClientId: verified.smeClientId, status: 'SIGNED_OFF' } })).toBe(2);
    expect(verified.outcomeAssessmentId).not.toBeNull();
    // the demo's history is not news
    const demoEvents = { OR: [{ integratorId }, { countyId }] };
    expect(await t.db.notificationEvent.count({ where: { ...demoEvents, processedAt: null } })).toBe(0);
    expect(await t.db.notificationEvent.count({ where: demoEvents })).toBeGreaterThan(0);
  });
});
