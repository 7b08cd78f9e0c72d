/**
 * Who may read a project's acceptance pack, and through which handle (docs/decisions/0021):
 * - the integrator's staff and the SME owner of the firm: through the tenant gate, as for the project page;
 * - a county official: only for a project with a claim past the draft under one of the county's funds (found through
 *   the gate), and then through the county's database role, whose row-level security lets it read the firms that
 *   filed a claim with it; this service narrows every read to that one project and that county's claim.
 * Anything else answers NOT_FOUND, as a row that does not exist.
 */
import type { PrismaClient } from '../../db/generated/client';
import { enterTenant } from '../../db/rls';
import { type ScopedDb, unwalled } from '../../db/scoped';
import type { ScopedOrTx } from '../../db/tx';
import type { Scope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { loadPack, type PackData } from './pack-data';

export type PackReaderContext = {
  db: ScopedDb;
  scope: Scope;
  userId: string;
  getRaw: () => Promise<PrismaClient>;
  /** false only in the test that compares the application's filter with the database's wall */
  rowLevelSecurity?: boolean;
};

/** Runs `fn` over the claimant's rows as the county may read them: the county's database role, nothing wider. */
export async function asCountyReader<T>(c: PackReaderContext, fn: (db: ScopedOrTx) => Promise<T>): Promise<T> {
  const scope = c.scope;
  if (scope.kind !== 'county') throw new AppError('FORBIDDEN');
  // no application filter: the wall is the database's, the county role's row-level security
  const raw = unwalled(await c.getRaw());
  if (c.rowLevelSecurity === false) return fn(raw);
  return raw.$transaction(async (tx) => {
    await enterTenant(tx, scope, c.userId);
    return fn(tx);
  });
}

export async function readPack(c: PackReaderContext, projectId: string): Promise<PackData> {
  if (c.scope.kind === 'county') {
    const countyId = c.scope.countyId;
    const claim = await c.db.claim.findFirst({ where: { projectId, status: { not: 'DRAFT' } }, select: { id: true } });
    if (!claim) throw new AppError('NOT_FOUND');
    const pack = await asCountyReader(c, (db) => loadPack(db, projectId, { countyId, notDraft: true }));
    if (!pack) throw new AppError('NOT_FOUND');
    return pack;
  }
  const pack = await loadPack(c.db, projectId);
  if (!pack) throw new AppError('NOT_FOUND');
  return pack;
}
