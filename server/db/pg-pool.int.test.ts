import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTenantWorld } from '../../prisma/seed/factories';
import { uniqueTag } from '../testing/db';
import { PrismaClient } from './generated/client';
import { pgPoolConfig } from './pg-pool';

const cfg = inject('testDb');

describe.runIf(cfg.kind === 'postgres')('queries started together in one transaction (PostgreSQL pool)', () => {
  const db = cfg.kind === 'postgres' ? new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(cfg.url, 2)) }) : null;
  afterAll(() => db?.$disconnect());

  it('run one after another in the order they were started, each with its own answer, and node-postgres does not warn', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const got = await (db as PrismaClient).$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TEMP TABLE serial_probe (n int) ON COMMIT DROP`;
        // the slow first insert must still land before the fast later ones: the order is the order of starting
        return Promise.all(
          Array.from({ length: 8 }, (_, n) =>
            n === 0
              ? tx.$queryRaw<{ n: number }[]>`INSERT INTO serial_probe SELECT ${n}::int FROM pg_sleep(0.05) RETURNING n`
              : tx.$queryRaw<{ n: number }[]>`INSERT INTO serial_probe VALUES (${n}::int) RETURNING n`,
          ),
        ).then(async (answers) => ({ answers: answers.map((r) => r[0]?.n), order: await tx.$queryRaw<{ n: number }[]>`SELECT n FROM serial_probe` }));
      });
      // a read with several relations: Prisma loads the relations with queries it starts together on the connection
      const w = await createTenantWorld(db as PrismaClient, uniqueTag('Serial'));
      const one = await (db as PrismaClient).$transaction((tx) =>
        tx.integrator.findUniqueOrThrow({
          where: { id: w.integrator.id },
          select: { clusters: { select: { id: true } }, users: { select: { id: true } }, smeClients: { select: { id: true } } },
        }),
      );
      expect(one.clusters.map((c) => c.id)).toEqual([w.cluster.id]);
      expect(one.users.length).toBeGreaterThan(0);
      expect(one.smeClients.map((c) => c.id).sort()).toEqual(w.smes.map((c) => c.id).sort());
      expect(got.answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(got.order.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      await new Promise((r) => setTimeout(r, 10));
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
