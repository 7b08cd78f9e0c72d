/**
 * Transactions under contention (issue 14, item 8): many writers on one fund row either wait their turn or answer
 * BUSY (503, "busy, try again"), never INTERNAL_SERVER_ERROR; and the budget invariant holds whatever the order.
 * Goes through generic paths (fund updates, project status changes), not through the claims services.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectRecord, createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import { AppError } from '../domain/errors/app-error';
import { callerAs } from '../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { describeError } from '../trpc/errors';

let t: TestDb;
let w: TenantWorld;

function outcome(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.cause instanceof AppError ? e.cause.code : e.message}` : `THROWN:${String(e)}`),
  );
}

const fundInput = (budgetFen: bigint) => ({
  name: '并发测试基金',
  nameEn: 'Contention fund',
  budgetFen,
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  sectors: ['BALL_BEARINGS' as const],
  rules: [{ kind: 'FREE_SHARE' as const, freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }],
  evidenceRequired: [],
  batches: [],
});

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Busy'), { machinesPerSme: 2 });
});
afterAll(() => t.close());

describe(`contention (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('60 concurrent budget changes of one fund: each succeeds, is refused by the invariant, or is BUSY — never a 500', async () => {
    const committed = 40_000_000n;
    await t.db.fund.update({ where: { id: w.fund.id }, data: { committedFen: committed, disbursedFen: 5_000_000n } });
    const official = await callerAs(t.db, w.users.official.id);
    // half of them would take the budget below what is committed and paid
    const budgets = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 50_000_000n + BigInt(i) * 1_000n : 30_000_000n + BigInt(i)));
    const results = await Promise.all(budgets.map((b) => outcome(official.fundAdmin.update({ id: w.fund.id, ...fundInput(b) }))));
    const allowed = new Set(['OK', 'PRECONDITION_FAILED:PRECONDITION_FAILED', 'SERVICE_UNAVAILABLE:BUSY']);
    expect(results.filter((r) => !allowed.has(r))).toEqual([]);
    // most simply waited their turn
    expect(results.filter((r) => r === 'OK').length).toBeGreaterThanOrEqual(20);
    results.forEach((r, i) => {
      if (r === 'OK') expect(budgets[i] as bigint).toBeGreaterThanOrEqual(45_000_000n);
    });
    const fund = await t.db.fund.findUniqueOrThrow({ where: { id: w.fund.id } });
    expect(fund.budgetFen).toBeGreaterThanOrEqual(fund.committedFen + fund.disbursedFen);
    expect(budgets.filter((_b, i) => results[i] === 'OK')).toContain(fund.budgetFen);
  });

  it('concurrent status changes of one project: exactly one moves it, the others are refused cleanly', async () => {
    const p = await createProjectRecord(t.db, { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string });
    const admin = await callerAs(t.db, w.users.admin.id);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => outcome(admin.projects.transition({ id: p.projectId, name: 'cancel', reason: '测试' }))),
    );
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    expect(results.filter((r) => !['OK', 'CONFLICT:CONFLICT', 'PRECONDITION_FAILED:PRECONDITION_FAILED', 'SERVICE_UNAVAILABLE:BUSY'].includes(r))).toEqual([]);
  });

  it('a transaction that cannot get its turn in time answers BUSY in the user’s language, not a 500', async () => {
    // a client that waits at most 50 ms for its turn, on one connection (PostgreSQL) or PGlite's one transaction at a time
    const busy = await openTestDb({ transactionOptions: { maxWait: 50, timeout: 10_000 }, poolSize: 1 });
    try {
      const world = await createTenantWorld(busy.db, uniqueTag('Busy1'), { machinesPerSme: 1 });
      const official = await callerAs(busy.db, world.users.official.id, 'zh-CN');
      let release = () => {};
      const held = busy.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1`;
        await new Promise<void>((r) => {
          release = r;
        });
      });
      await new Promise((r) => setTimeout(r, 100));
      const err = await official.fundAdmin.update({ id: world.fund.id, ...fundInput(200_000_000n) }).then(
        () => null,
        (e: unknown) => e,
      );
      release();
      await held;
      expect(err).toBeInstanceOf(TRPCError);
      const e = err as TRPCError;
      expect(e.code).toBe('SERVICE_UNAVAILABLE');
      expect(describeError(e, 'zh-CN')).toMatchObject({ appCode: 'BUSY', httpStatus: 503, message: '系统正忙，请稍候几秒再试。' });
      expect(describeError(e, 'en').message).toMatch(/busy/);
    } finally {
      await busy.close();
    }
  });
});
