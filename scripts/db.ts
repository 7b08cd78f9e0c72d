/**
 * Database commands, offline, for either target (PGlite folder by default, PostgreSQL when
 * DATABASE_URL is set):
 *   npm run db:migrate -- <name>   create a migration from prisma/schema.prisma, then apply it
 *   npm run db:deploy              apply pending migrations
 *   npm run db:seed                load the demo data (into an empty database)
 *   npm run db:setup               deploy, then seed when the database has no data yet
 *   npm run db:backup [-- file]    PGlite + uploaded files into one zip (default backups/<time>.zip)
 *   npm run db:restore -- file     restore such a zip (the current folder is moved aside, not deleted)
 */

import { DEMO_PASSWORD, demoUsers, seedDemo } from '../prisma/seed/demo';
import { seedDemoWork } from '../prisma/seed/demo-work';
import { resolveAuthSecret } from '../server/auth/secret';
import { backupPglite, restorePglite } from '../server/db/backup';
import { createDb } from '../server/db/client';
import { createMigration, deployMigrations, type MigrationTarget } from '../server/db/migrate';
import { openPglite } from '../server/db/pglite';
import { describeDbTarget, directUrl, resolveDbTarget } from '../server/db/target';
import { filesDir } from '../server/services/files/files';

function pgliteOnly(what: string) {
  const target = resolveDbTarget();
  if (target.kind === 'postgres') {
    throw new Error(`db:${what} is for the embedded database. For PostgreSQL use pg_dump / pg_restore (see the README, "Backup and restore").`);
  }
  return target.dir;
}

async function withMigrationTarget<T>(fn: (t: MigrationTarget) => Promise<T>): Promise<T> {
  const target = resolveDbTarget();
  // migrations hold a session lock: past a transaction pooler they go to PostgreSQL directly (DATABASE_DIRECT_URL)
  if (target.kind === 'postgres') return fn({ kind: 'postgres', url: directUrl(target, 'migrate') });
  const { pg, release } = await openPglite(target.dir, { create: true });
  try {
    return await fn({ kind: 'pglite', pg });
  } finally {
    await pg.close();
    release();
  }
}

async function deploy() {
  const target = resolveDbTarget();
  const applied = await withMigrationTarget(deployMigrations);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeDbTarget(target)}: ${applied.join(', ')}`
      : `${describeDbTarget(target)} is up to date.`,
  );
}

async function seed({ onlyWhenEmpty }: { onlyWhenEmpty: boolean }) {
  const h = await createDb(resolveDbTarget(), { create: false });
  try {
    if (onlyWhenEmpty && (await h.db.integrator.count()) > 0) {
      console.log('Demo data already present: seed skipped.');
      return;
    }
    const started = performance.now();
    const summary = await h.db.$transaction((tx) => seedDemo(tx), { timeout: 300_000, maxWait: 60_000 });
    // work at every stage, through the app's own procedures (they open their own transactions, so after the commit)
    const based = performance.now();
    const work = await seedDemoWork(h.db, { history: h.target.kind });
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `Seeded demo data into ${describeDbTarget(h.target)} in ${s(performance.now() - started)} (base ${s(based - started)}, work ${s(performance.now() - based)}): ${summary}; ${work}`,
    );
  } finally {
    await h.close();
  }
}

function printDemoLogins() {
  const port = process.env.PORT ?? '3000';
  console.log(`\nRetrofit Pathway will be at http://localhost:${port}  (demo password for every account: ${DEMO_PASSWORD})`);
  for (const u of demoUsers) console.log(`  ${u.email.padEnd(34)} ${u.role.padEnd(20)} ${u.who}`);
  console.log('');
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  switch (cmd) {
    case 'migrate': {
      const name = rest.join('_');
      if (!name) throw new Error('Give the migration a name: npm run db:migrate -- add_machines');
      const dir = await createMigration(name);
      console.log(dir ? `Created ${dir}` : 'The schema matches the migration history: nothing to create.');
      await deploy();
      break;
    }
    case 'deploy':
      await deploy();
      break;
    case 'seed':
      await seed({ onlyWhenEmpty: false });
      break;
    case 'setup':
      resolveAuthSecret(); // generated into .data/ on a local install; required in production
      await deploy();
      await seed({ onlyWhenEmpty: true });
      printDemoLogins();
      break;
    case 'preflight':
      resolveAuthSecret();
      await deploy();
      break;
    case 'backup': {
      const dir = pgliteOnly('backup');
      const out = rest[0] ?? `backups/retrofit-pathway-${new Date().toISOString().replace(/[:.]/g, '-')}.zip`;
      const m = await backupPglite(dir, filesDir(), out);
      console.log(`Backed up ${dir} (${m.migrations.length} migrations, ${m.auditEvents} audit events) and ${m.files} uploaded files to ${out}`);
      break;
    }
    case 'restore': {
      const dir = pgliteOnly('restore');
      if (!rest[0]) throw new Error('Name the backup to restore: npm run db:restore -- backups/<file>.zip');
      const { manifest, movedAside } = await restorePglite(rest[0], dir, filesDir());
      console.log(`Restored the backup of ${manifest.createdAt} into ${dir} (${manifest.files} uploaded files).`);
      if (movedAside) console.log(`The previous database was moved aside to ${movedAside}; delete it once you are satisfied.`);
      break;
    }
    default:
      throw new Error(`Unknown command "${cmd ?? ''}". Use migrate <name> | deploy | seed | setup | preflight | backup [file] | restore <file>.`);
  }
}

main().then(
  () => process.exit(0), // the WASM engine leaves a timer alive
  (e: unknown) => {
    console.error(`\n✖ ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
