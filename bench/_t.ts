import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../server/db/generated/client';
import { scopedDb } from '../server/db/scoped';

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://postgres@127.0.0.1:5432/rp_exp', max: 10 }) });
const sme = await db.smeClient.findFirstOrThrow({ select: { integratorId: true } });
const scoped = scopedDb(db, { kind: 'integrator', integratorId: sme.integratorId, role: 'INTEGRATOR_ADMIN' });
async function time(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) await fn();
  console.log(name, ((performance.now() - t0) / 200).toFixed(2), 'ms');
}
await time('plain findFirst', () => db.integrator.findFirst({ where: { id: sme.integratorId } }));
await time('batch tx [select1, findFirst]', () => db.$transaction([db.$executeRaw`SELECT 1`, db.integrator.findFirst({ where: { id: sme.integratorId } })]));
await time('interactive tx', () =>
  db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1`;
    return tx.integrator.findFirst({ where: { id: sme.integratorId } });
  }),
);
await time('scoped findFirst', () => scoped.integrator.findFirst({ where: { id: sme.integratorId } }));
await db.$disconnect();
