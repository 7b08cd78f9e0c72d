/**
 * The second wall on its own: with the application's scoping bypassed (plain SQL and unfiltered Prisma queries in a
 * transaction that only entered the tenant), another tenant's rows are not there, and cannot be written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectRecord, createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import type { Scope } from '../domain/auth/scope';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { withTenant } from './rls';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
const scopes = (w: TenantWorld): Record<string, Scope> => ({
  integrator: { kind: 'integrator', integratorId: w.integrator.id, role: 'INTEGRATOR_ADMIN' },
  sme: { kind: 'sme', integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string, role: 'SME_OWNER' },
  county: { kind: 'county', countyId: w.county.id, role: 'COUNTY_OFFICIAL', admin: true },
});

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('RlsA'));
  b = await createTenantWorld(t.db, uniqueTag('RlsB'));
  for (const w of [a, b]) {
    const p = await createProjectRecord(t.db, { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string });
    await t.db.claim.create({
      data: {
        countyId: w.county.id,
        fundId: w.fund.id,
        integratorId: w.integrator.id,
        smeClientId: w.smes[0]?.id as string,
        projectId: p.projectId,
        number: `C-${w.integrator.id}`,
        status: 'SUBMITTED',
        rulesVersion: 1,
        rules: [],
        computedFen: 1n,
      },
    });
    await t.db.auditEvent.create({ data: { integratorId: w.integrator.id, countyId: w.county.id, action: 'x', entity: 'X', entityId: w.integrator.id } });
  }
});
afterAll(() => t.close());

/** Tables of the app and their tenant key columns, read from the catalogue (so a new table is covered too). */
async function tenantColumns() {
  const rows = await t.db.$queryRaw<{ table: string; column: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name IN ('integratorId', 'countyId', 'smeClientId')
    ORDER BY 1, 2`;
  return rows;
}

describe(`row-level security (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('is on for every table, and every table but the signed-out ones and the system jobs’ own has policies', async () => {
    const tables = await t.db.$queryRaw<{ name: string; rls: boolean; policies: bigint }[]>`
      SELECT c.relname AS name, c.relrowsecurity AS rls, (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`;
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((x) => !x.rls).map((x) => x.name)).toEqual([]);
    expect(tables.filter((x) => x.policies === 0n).map((x) => x.name)).toEqual([
      'MachineWatchNotice',
      'PasswordReset',
      'SignInThrottle',
      'TelemetryRollupPending',
      'TelemetryRollupState',
      'TelemetrySample',
    ]);
  });

  it('the raw telemetry is closed to every tenant role, whatever the query asks', async () => {
    for (const role of ['retrofit_integrator', 'retrofit_sme', 'retrofit_county']) {
      const read = t.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('role', '${role}', true)`);
        return tx.$queryRawUnsafe('SELECT count(*) FROM "TelemetrySample"');
      });
      await expect(read, role).rejects.toThrow(/permission denied|42501/i);
      for (const table of ['TelemetryRollupState', 'TelemetryRollupPending']) {
        const job = t.db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SELECT set_config('role', '${role}', true)`);
          return tx.$queryRawUnsafe(`SELECT count(*) FROM "${table}"`);
        });
        await expect(job, `${role} ${table}`).rejects.toThrow(/permission denied|42501/i);
      }
    }
  });

  it('a query that forgets its scope sees none of the other tenant’s rows, in any table, for any kind of scope', async () => {
    const cols = await tenantColumns();
    expect(cols.length).toBeGreaterThan(40);
    const bValue: Record<string, string> = { integratorId: b.integrator.id, countyId: b.county.id, smeClientId: b.smes[0]?.id as string };
    // the owner connection (no tenant entered) does see B: the rows are there to be hidden
    const visibleToOwner = await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Machine" WHERE "integratorId" = $1`, b.integrator.id);
    expect(Number(visibleToOwner[0]?.n)).toBeGreaterThan(0);
    for (const [kind, scope] of Object.entries(scopes(a))) {
      const leaks = await withTenant(t.db, scope, async (tx) => {
        const found: string[] = [];
        for (const { table, column } of cols) {
          const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1`, bValue[column]);
          if (Number(row?.n) > 0) found.push(`${table}.${column}`);
        }
        return found;
      });
      expect(leaks, `${kind} scope of A`).toEqual([]);
    }
  });

  it('shows each scope its own rows (so the denials above are not vacuous)', async () => {
    const s = scopes(a);
    const own = await withTenant(t.db, s.integrator as Scope, (tx) => tx.machine.count());
    expect(own).toBe(await t.db.machine.count({ where: { integratorId: a.integrator.id } }));
    const sme = await withTenant(t.db, s.sme as Scope, (tx) => tx.machine.findMany({ select: { smeClientId: true } }));
    expect(sme.length).toBeGreaterThan(0);
    expect(new Set(sme.map((m) => m.smeClientId))).toEqual(new Set([a.smes[0]?.id]));
    const county = await withTenant(t.db, s.county as Scope, async (tx) => ({
      claims: await tx.claim.count(),
      funds: await tx.fund.findMany({ select: { id: true } }),
      // a county reads the firms that filed claims with it, and nothing else of the integrator
      smes: await tx.smeClient.findMany({ select: { id: true } }),
      clusters: await tx.cluster.count(),
    }));
    expect(county).toEqual({ claims: 1, funds: [{ id: a.fund.id }], smes: [{ id: a.smes[0]?.id }], clusters: 0 });
    // no tenant named: nothing at all
    const none = await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', 'retrofit_integrator', true)`;
      return tx.machine.count();
    });
    expect(none).toBe(0);
  });

  it('refuses to write into the other tenant: inserts fail, updates and deletes touch nothing', async () => {
    const s = scopes(a).integrator as Scope;
    const insert = withTenant(t.db, s, (tx) =>
      tx.site.create({ data: { integratorId: b.integrator.id, smeClientId: b.smes[0]?.id as string, name: 'intruder' } }),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    const changed = await withTenant(t.db, s, async (tx) => ({
      updated: await tx.machine.updateMany({ where: { integratorId: b.integrator.id }, data: { notes: 'x' } }),
      deleted: await tx.smeContact.deleteMany({ where: { integratorId: b.integrator.id } }),
      raw: await tx.$executeRawUnsafe(`UPDATE "SmeClient" SET "legalName" = 'x' WHERE "integratorId" = $1`, b.integrator.id),
    }));
    expect(changed).toEqual({ updated: { count: 0 }, deleted: { count: 0 }, raw: 0 });
    // a county cannot write an integrator's inventory, even of a firm that filed a claim with it
    const countyWrite = await withTenant(t.db, scopes(a).county as Scope, (tx) =>
      tx.machine.updateMany({ where: { smeClientId: a.smes[0]?.id }, data: { notes: 'county was here' } }),
    );
    expect(countyWrite.count).toBe(0);
    expect(await t.db.machine.count({ where: { notes: { in: ['x', 'county was here'] } } })).toBe(0);
  });

  it('hides an integrator’s draft claim, and what hangs off it, from the county of its own fund', async () => {
    const p = await createProjectRecord(t.db, { integratorId: a.integrator.id, smeClientId: a.smes[0]?.id as string });
    const keys = { countyId: a.county.id, integratorId: a.integrator.id, smeClientId: a.smes[0]?.id as string };
    const draft = await t.db.claim.create({
      data: { ...keys, fundId: a.fund.id, projectId: p.projectId, number: uniqueTag('D'), status: 'DRAFT', rulesVersion: 1, rules: [], computedFen: 1n },
      select: { id: true },
    });
    await t.db.claimEvent.create({ data: { ...keys, claimId: draft.id, action: 'draft', from: 'NONE', to: 'DRAFT' } });
    const seen = (scope: Scope) =>
      withTenant(t.db, scope, async (tx) => {
        const [c] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Claim" WHERE id = ${draft.id}`;
        const [e] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ClaimEvent" WHERE "claimId" = ${draft.id}`;
        return [Number(c?.n), Number(e?.n)];
      });
    expect(await seen(scopes(a).county as Scope)).toEqual([0, 0]);
    expect(await seen(scopes(a).integrator as Scope)).toEqual([1, 1]);
  });
});
