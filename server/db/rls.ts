/**
 * The second wall: PostgreSQL row-level security (prisma/migrations/*_row_level_security, docs/decisions/0011).
 * Each tenant-scoped transaction drops from the owner connection to the database role of its kind of scope and
 * names its tenant; the policies then hide every row of other tenants, whatever the query asks for.
 */
import type { Scope } from '../domain/auth/scope';
import type { PrismaClient } from './generated/client';

export const tenantRoles = { integrator: 'retrofit_integrator', sme: 'retrofit_sme', county: 'retrofit_county' } as const;

/** The role and tenant keys a scope runs under. */
export function tenantSettings(scope: Scope, userId = '') {
  return {
    userId,
    role: tenantRoles[scope.kind],
    integratorId: scope.kind === 'county' ? '' : scope.integratorId,
    smeClientId: scope.kind === 'sme' ? scope.smeClientId : '',
    countyId: scope.kind === 'county' ? scope.countyId : '',
  };
}

type Raw = Pick<PrismaClient, '$executeRaw'>;

/** The statement that opens a tenant transaction (transaction-local: it ends with COMMIT or ROLLBACK). */
export function enterTenant(db: Raw, scope: Scope, userId = '') {
  const s = tenantSettings(scope, userId);
  return db.$executeRaw`SELECT set_config('role', ${s.role}, true), set_config('app.integrator_id', ${s.integratorId}, true),
    set_config('app.sme_client_id', ${s.smeClientId}, true), set_config('app.county_id', ${s.countyId}, true),
    set_config('app.user_id', ${s.userId}, true)`;
}

/** Runs `fn` in one transaction under the scope's role and tenant, with no application-level filter at all. */
export function withTenant<T>(db: PrismaClient, scope: Scope, fn: (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]) => Promise<T>, userId = '') {
  return db.$transaction(async (tx) => {
    await enterTenant(tx, scope, userId);
    return fn(tx);
  });
}

/**
 * Fresh planner statistics for a table that a bulk write just filled, inside the caller's tenant transaction.
 * Why: every foreign key between tenant tables carries the tenant keys (0015), so the database's own key check
 * looks a row up by (id, integratorId, smeClientId). On a table the planner has no statistics for (a new install, a
 * first big import) it rates the (integratorId, smeClientId, …) list indexes as good as the unique key and then
 * filters a whole SME's machines for every check: 12,753 history rows took 16–20 s instead of well under one.
 * ANALYZE needs the table's owner, so the transaction steps out of the tenant role for this one statement (it reads
 * nothing back) and returns to it at once; it sees the transaction's own uncommitted rows.
 */
export async function refreshStatistics(
  tx: Pick<PrismaClient, '$executeRaw' | '$executeRawUnsafe' | '$queryRaw'>,
  scope: Scope,
  table: 'Machine',
  opts: { adding?: number } = {},
): Promise<boolean> {
  // statistics that already describe a table at least four times the rows being added still rate the unique key
  // right (one row against many): then there is nothing to refresh (a table at TOMAN's ×10 scale takes 12,753 rows so)
  if (opts.adding !== undefined) {
    const [c] = await tx.$queryRaw<{ n: number }[]>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = ${`"${table}"`}::regclass`;
    if ((c?.n ?? -1) >= 4 * opts.adding) return false;
  }
  await tx.$executeRaw`SELECT set_config('role', 'none', true)`;
  // the key columns are what the key check needs: fewer columns, a shorter ANALYZE
  await tx.$executeRawUnsafe(`ANALYZE "${table}" ("id", "integratorId", "smeClientId")`);
  await tx.$executeRaw`SELECT set_config('role', ${tenantRoles[scope.kind]}, true)`;
  return true;
}
