/**
 * npm run bench: prints the figures the issues ask for and writes bench/results.json.
 * PostgreSQL is used when reachable at BENCH_PG_URL (default: the local server).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../server/db/generated/client';
import { deployMigrations } from '../server/db/migrate';
import { benchImport, ROWS } from './import';
import { benchLists, type ListFigures } from './lists';

async function reachable(url: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
  const hasPg = await reachable(pgUrl);
  if (!hasPg) console.log(`PostgreSQL not reachable at ${pgUrl}: PGlite figures only.`);
  console.log(`\nImport of one SME file with ${ROWS.toLocaleString('en')} machines (target: preview + commit ≤ 5,000 ms)\n`);
  const figures = await benchImport(hasPg ? pgUrl : null);
  console.table(
    figures.map((f) => ({
      target: f.target,
      format: f.format,
      'preview ms': f.previewMs,
      'commit ms': f.commitMs,
      'total ms': f.totalMs,
      'raw COPY ms': f.copyMs,
      'total / COPY': f.ratio,
      'RSS MB': f.rssMb,
      '≤ 5 s': f.totalMs <= 5000 ? 'yes' : 'NO',
    })),
  );

  console.log('\nLists at 100,000 machines in one tenant (20 runs each, ms)\n');
  const lists: ListFigures[] = [];
  {
    const pgl = await PGlite.create();
    await deployMigrations({ kind: 'pglite', pg: pgl });
    const db = new PrismaClient({ adapter: new PrismaPGlite(pgl) });
    lists.push(...(await benchLists('PGlite', db)));
    await db.$disconnect();
    await pgl.close();
  }
  if (hasPg) {
    const name = `rp_bench_lists_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    await deployMigrations({ kind: 'postgres', url: url.toString() });
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    try {
      lists.push(...(await benchLists('PostgreSQL', db)));
    } finally {
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  console.table(lists.map((l) => ({ target: l.target, query: l.query, 'p50 ms': l.p50, 'p95 ms': l.p95, rows: l.rows })));

  const file = path.join(process.cwd(), 'bench', 'results.json');
  const os = await import('node:os');
  fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length }, import: figures, lists }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
