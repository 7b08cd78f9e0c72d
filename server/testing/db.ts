import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { inject } from 'vitest';
import { transactionOptions } from '../db/client';
import { PrismaClient } from '../db/generated/client';
import { pgPoolConfig } from '../db/pg-pool';
import { markPooled } from '../db/scoped';

export type TestDb = { db: PrismaClient; kind: 'pglite' | 'postgres'; close: () => Promise<void> };

/**
 * A database for one test file: a private PGlite cloned from the migrated template, or the run's PostgreSQL database
 * (shared by the files running at the same time) — or, with `ownDatabase`, a PostgreSQL database of the file's own,
 * copied from the migrated template and dropped on close (for a test of something global, such as the outbox).
 */
export async function openTestDb(
  opts: { transactionOptions?: { maxWait: number; timeout: number }; poolSize?: number; ownDatabase?: boolean } = {},
): Promise<TestDb> {
  const cfg = inject('testDb');
  const txOptions = opts.transactionOptions ?? transactionOptions;
  if (cfg.kind === 'pglite') {
    const pg = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(cfg.template)]) });
    const db = new PrismaClient({ adapter: new PrismaPGlite(pg), transactionOptions: txOptions });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.$disconnect();
        await pg.close();
      },
    };
  }
  if (opts.ownDatabase) {
    const name = `rp_own_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: cfg.adminUrl });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE ${name} TEMPLATE ${cfg.template}`);
    const url = new URL(cfg.url);
    url.pathname = `/${name}`;
    const db = new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(url.toString(), opts.poolSize ?? 10)), transactionOptions: txOptions });
    markPooled(db);
    return {
      db,
      kind: 'postgres',
      close: async () => {
        await db.$disconnect();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const db = new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(cfg.url, opts.poolSize ?? 20)), transactionOptions: txOptions });
  markPooled(db); // as the app's PostgreSQL client: read procedures run as one tenant transaction
  return { db, kind: 'postgres', close: () => db.$disconnect() };
}

/** A tag unique to this test run, so that tenants seeded by concurrent files never collide. */
export function uniqueTag(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
