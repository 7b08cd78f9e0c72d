import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { benchTelemetryReads } from './bench/telemetry-reads';
import { seedDemo } from './prisma/seed/demo';
import { PrismaClient } from './server/db/generated/client';
import { deployMigrations } from './server/db/migrate';
import { pgPoolConfig } from './server/db/pg-pool';

const admin = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const name = `rp_floor_bench_${process.pid}`;
const c = new pg.Client({ connectionString: admin });
await c.connect();
await c.query(`CREATE DATABASE ${name}`);
await c.end();
const url = admin.replace(/\/postgres$/, `/${name}`);
try {
  await deployMigrations({ kind: 'postgres', url });
  const db = new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(url, 10)) });
  await db.$transaction(
    async (tx) => {
      await seedDemo(tx as never);
    },
    { timeout: 600000, maxWait: 60000 },
  );
  const toman = await db.integrator.findFirstOrThrow({ where: { name: '新昌精密智改' } });
  const a = await db.user.findFirstOrThrow({ where: { email: 'admin@xinchang-retrofit.demo' } });
  const r = await benchTelemetryReads(db, { integratorId: toman.id, users: { admin: a.id } }, { smes: 7, runs: 20, say: console.log });
  console.table(r.figures);
  await db.$disconnect();
} finally {
  const d = new pg.Client({ connectionString: admin });
  await d.connect();
  await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await d.end();
}
process.exit(0);
