/**
 * Prepares the database the integration tests run on, once per run:
 * - TEST_DB=pglite (default): a migrated PGlite, dumped to a file that each test file loads (0.5 s);
 * - TEST_DB=postgres: a fresh database on TEST_PG_URL's server, migrated, dropped afterwards; beside it an untouched
 *   copy, the template of a file that needs a database of its own (openTestDb({ ownDatabase: true })).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { deployMigrations } from '../db/migrate';

export const defaultPgUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const started = performance.now();
    const db = await PGlite.create();
    await deployMigrations({ kind: 'pglite', pg: db });
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    const file = path.join(os.tmpdir(), `rp-test-template-${process.pid}.tar.gz`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('testDb', { kind: 'pglite', template: file });
    console.log(`[integration] PGlite template migrated in ${Math.round(performance.now() - started)} ms`);
    return () => fs.rmSync(file, { force: true });
  }
  const adminUrl = process.env.TEST_PG_URL ?? defaultPgUrl;
  const name = `rp_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL is not reachable at ${adminUrl} (${(e as Error).message}). Start it, or set TEST_PG_URL.`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await deployMigrations({ kind: 'postgres', url: url.toString() });
  const template = `${name}_tpl`;
  const t = new pg.Client({ connectionString: adminUrl });
  await t.connect();
  // the migration engine's connection may still be closing: nobody else uses the database yet
  await t.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  await t.query(`CREATE DATABASE ${template} TEMPLATE ${name}`);
  await t.end();
  project.provide('testDb', { kind: 'postgres', url: url.toString(), adminUrl, template });
  console.log(`[integration] PostgreSQL database ${name} migrated on ${url.host}`);
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await c.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; template: string } | { kind: 'postgres'; url: string; adminUrl: string; template: string };
  }
}
