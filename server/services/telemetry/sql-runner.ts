/**
 * The one way telemetry code talks to the database: a single SQL statement with positional parameters, run on its
 * own (so it is its own transaction). Two implementations: the app's Prisma client ($queryRawUnsafe, PGlite and
 * PostgreSQL alike), and node-postgres' pool for the ingestion worker on PostgreSQL (measured in
 * docs/decisions/0019-connected-machines.md).
 */
import pg from 'pg';
import type { PrismaClient } from '../../db/generated/client';
import { pgPoolConfig } from '../../db/pg-pool';

export type SqlRunner = {
  kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
  close?: () => Promise<void>;
};

export function prismaRunner(db: Pick<PrismaClient, '$queryRawUnsafe'>, kind: SqlRunner['kind']): SqlRunner {
  return { kind, query: <T>(sql: string, params: unknown[]) => db.$queryRawUnsafe<T[]>(sql, ...params) };
}

export function pgPoolRunner(url: string, max = 4): SqlRunner & { pool: pg.Pool } {
  const pool = new pg.Pool(pgPoolConfig(url, max));
  pool.on('error', () => {}); // an idle client's failure is seen by the next query; it must not end the process
  return {
    kind: 'postgres',
    pool,
    query: async <T>(sql: string, params: unknown[]) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}
