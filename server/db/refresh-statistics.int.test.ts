/**
 * The import refreshes the planner's statistics of the machines table inside a tenant transaction (rls.ts): the
 * statistics must be there afterwards, and the transaction must be back behind the wall at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import type { Scope } from '../domain/auth/scope';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { refreshStatistics, withTenant } from './rls';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('StatA'), { machinesPerSme: 3 });
  b = await createTenantWorld(t.db, uniqueTag('StatB'), { machinesPerSme: 3 });
});
afterAll(() => t.close());

describe(`fresh statistics inside a tenant transaction (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('analyzes the table, then the transaction is the tenant role again and sees only its own machines', async () => {
    const scope: Scope = { kind: 'integrator', integratorId: a.integrator.id, role: 'INTEGRATOR_ADMIN' };
    const seen = await withTenant(t.db, scope, async (tx) => {
      await refreshStatistics(tx, scope, 'Machine');
      const [who] = await tx.$queryRaw<{ role: string }[]>`SELECT current_user::text AS role`;
      const tenants = await tx.$queryRaw<{ integratorId: string }[]>`SELECT DISTINCT "integratorId" FROM "Machine"`;
      return { role: who?.role, tenants: tenants.map((r) => r.integratorId) };
    });
    expect(seen.role).toBe('retrofit_integrator');
    expect(seen.tenants).toEqual([a.integrator.id]);
    expect(seen.tenants).not.toContain(b.integrator.id);
    const [stats] = await t.db.$queryRaw<{ reltuples: number }[]>`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'Machine'`;
    expect(Number(stats?.reltuples)).toBeGreaterThan(0);
  });

  it('skips the ANALYZE when the statistics already describe a table at least four times the rows being added', async () => {
    const scope: Scope = { kind: 'integrator', integratorId: a.integrator.id, role: 'INTEGRATOR_ADMIN' };
    const [stats] = await t.db.$queryRaw<{ n: number }[]>`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'Machine'`;
    const rows = Number(stats?.n);
    expect(rows).toBeGreaterThan(0);
    const small = await withTenant(t.db, scope, (tx) => refreshStatistics(tx, scope, 'Machine', { adding: Math.floor(rows / 4) }));
    expect(small).toBe(false);
    const large = await withTenant(t.db, scope, (tx) => refreshStatistics(tx, scope, 'Machine', { adding: rows }));
    expect(large).toBe(true);
  });
});
