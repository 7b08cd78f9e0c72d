import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTenantWorld } from '../../prisma/seed/factories';
import { uniqueTag } from '../testing/db';
import { BackupInvalidError, backupPglite, restorePglite } from './backup';
import { createDb } from './client';
import { PrismaClient } from './generated/client';
import { deployMigrations } from './migrate';
import { openPglite } from './pglite';

const cfg = inject('testDb');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-backup-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/**
 * Everything a round trip must keep: row counts of the main tables and the full audit trail — of one integrator
 * when given (on the shared PostgreSQL database other test files write at the same time), else of the whole database.
 */
async function snapshot(db: PrismaClient, integratorId?: string) {
  const own = integratorId ? { integratorId } : {};
  return {
    integrators: await db.integrator.count({ where: integratorId ? { id: integratorId } : {} }),
    smes: await db.smeClient.count({ where: own }),
    machines: await db.machine.count({ where: own }),
    users: await db.user.count({ where: own }),
    audit: await db.auditEvent.findMany({ where: own, orderBy: { id: 'asc' }, select: { id: true, action: true, entityId: true, at: true } }),
    machineTags: (await db.machine.findMany({ where: own, orderBy: { id: 'asc' }, select: { assetTag: true } })).map((m) => m.assetTag),
  };
}

describe.runIf(cfg.kind === 'pglite')('PGlite backup and restore (npm run db:backup / db:restore)', () => {
  const dbDir = path.join(work, 'pglite');
  const filesDir = path.join(work, 'files');
  const backup = path.join(work, 'backups', 'b.zip');

  it('round-trips the database and the uploaded files, moving the replaced folder aside', async () => {
    const { pg, release } = await openPglite(dbDir, { create: true });
    await deployMigrations({ kind: 'pglite', pg });
    await pg.close();
    release();

    let h = await createDb({ kind: 'pglite', dir: dbDir });
    await createTenantWorld(h.db, uniqueTag('Bak'), { machinesPerSme: 5 });
    await h.db.auditEvent.create({ data: { action: 'test.backup', entity: 'Test', entityId: 'before' } });
    const before = await snapshot(h.db);
    await h.close();
    fs.mkdirSync(filesDir, { recursive: true });
    fs.writeFileSync(path.join(filesDir, 'evidence-1'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]));

    const manifest = await backupPglite(dbDir, filesDir, backup);
    expect(manifest.files).toBe(1);
    expect(manifest.auditEvents).toBe(before.audit.length);

    // Life goes on after the backup: more data, a lost file.
    h = await createDb({ kind: 'pglite', dir: dbDir });
    await createTenantWorld(h.db, uniqueTag('After'));
    expect((await snapshot(h.db)).smes).toBeGreaterThan(before.smes);
    await h.close();
    fs.rmSync(path.join(filesDir, 'evidence-1'));

    const { movedAside } = await restorePglite(backup, dbDir, filesDir);
    expect(movedAside && fs.existsSync(movedAside)).toBe(true);
    h = await createDb({ kind: 'pglite', dir: dbDir });
    expect(await snapshot(h.db)).toEqual(before);
    await h.close();
    expect([...fs.readFileSync(path.join(filesDir, 'evidence-1'))]).toEqual([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]);
  }, 120_000);

  it('refuses a file that is not a backup, and leaves the database alone', async () => {
    const bogus = path.join(work, 'bogus.zip');
    fs.writeFileSync(bogus, 'not a zip');
    await expect(restorePglite(bogus, dbDir, filesDir)).rejects.toThrow(BackupInvalidError);
    await expect(restorePglite(path.join(work, 'missing.zip'), dbDir, filesDir)).rejects.toThrow(/does not exist/);
    const h = await createDb({ kind: 'pglite', dir: dbDir });
    expect(await h.db.auditEvent.count({ where: { action: 'test.backup' } })).toBe(1);
    await h.close();
  }, 60_000);
});

describe.runIf(cfg.kind === 'postgres')('PostgreSQL backup and restore as the README gives it (pg_dump / pg_restore)', () => {
  it('round-trips the database through pg_dump -Fc and pg_restore into a new database', async () => {
    if (cfg.kind !== 'postgres') return;
    const src = new PrismaClient({ adapter: new PrismaPg({ connectionString: cfg.url, max: 2 }) });
    const world = await createTenantWorld(src, uniqueTag('PgBak'), { machinesPerSme: 3 });
    await src.auditEvent.create({ data: { integratorId: world.integrator.id, action: 'test.backup', entity: 'Test', entityId: 'pg' } });
    const before = await snapshot(src, world.integrator.id);
    const file = path.join(work, 'pg.dump');
    execFileSync('pg_dump', ['-Fc', '-f', file, cfg.url]);

    const name = `rp_restore_${process.pid}`;
    await src.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name}`);
    await src.$executeRawUnsafe(`CREATE DATABASE ${name}`);
    const url = new URL(cfg.url);
    url.pathname = `/${name}`;
    const dst = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 2 }) });
    try {
      execFileSync('pg_restore', ['--no-owner', '-d', url.toString(), file]);
      expect(await snapshot(dst, world.integrator.id)).toEqual(before);
      // The append-only trigger came back with the data.
      await expect(dst.$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(/append-only/);
    } finally {
      await dst.$disconnect();
      await src.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await src.$disconnect();
    }
  }, 120_000);
});
