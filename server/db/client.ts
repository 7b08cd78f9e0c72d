import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { databaseAppError } from './errors';
import { PrismaClient } from './generated/client';
import { pgPoolConfig } from './pg-pool';
import { openPglite } from './pglite';
import { markPooled } from './scoped';
import { type DbTarget, resolveDbTarget } from './target';

export type Db = PrismaClient;

/**
 * Every transaction waits its turn: up to 20 s for a connection of the pool (PostgreSQL) or for the one transaction
 * PGlite runs at a time, instead of Prisma's default 2 s, which under 50 concurrent approvals answered "Unable to start
 * a transaction in the given time". A transaction may then run 30 s. What still cannot get its turn answers BUSY
 * (server/db/errors.ts): 503 with Retry-After, never a 500.
 */
export const transactionOptions = { maxWait: 20_000, timeout: 30_000 } as const;

export type DbHandle = { db: PrismaClient; target: DbTarget; close: () => Promise<void> };

/** Creates a Prisma client for a target. PGlite folders must already exist unless create is set. */
export async function createDb(target: DbTarget, opts: { create?: boolean } = {}): Promise<DbHandle> {
  if (target.kind === 'postgres') {
    const max = Number(process.env.DATABASE_POOL_SIZE) || 20;
    const db = new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(target.url, max)), transactionOptions });
    markPooled(db);
    return { db, target, close: () => db.$disconnect() };
  }
  const { pg, release } = await openPglite(target.dir, { create: opts.create ?? false });
  const db = new PrismaClient({ adapter: new PrismaPGlite(pg), transactionOptions });
  return {
    db,
    target,
    close: async () => {
      await db.$disconnect();
      await pg.close();
      release();
    },
  };
}

const globalForDb = globalThis as unknown as { __rpDb?: Promise<DbHandle> };

/** The process-wide database of the app server (one owner of the PGlite folder). */
export function getDb(): Promise<PrismaClient> {
  if (!globalForDb.__rpDb) {
    globalForDb.__rpDb = createDb(resolveDbTarget()).catch((e) => {
      globalForDb.__rpDb = undefined; // try again on the next request (e.g. after db:setup)
      throw databaseAppError(e) ?? e;
    });
  }
  return globalForDb.__rpDb.then((h) => h.db);
}
