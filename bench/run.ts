/**
 * npm run bench: prints the figures the issues ask for and writes bench/results.json.
 * PostgreSQL is used when reachable at BENCH_PG_URL (default: the local server).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { benchImport, ROWS } from './import';

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
  const file = path.join(process.cwd(), 'bench', 'results.json');
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length }, import: figures }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
