import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../testing/db';
import { migrationDrift } from './migrate';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe(`audit log is append-only in the database (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('accepts new entries and refuses to change or remove any', async () => {
    const e = await t.db.auditEvent.create({ data: { action: 'test.append', entity: 'Test', entityId: 'x' }, select: { id: true } });
    await expect(t.db.$executeRaw`UPDATE "AuditEvent" SET action = 'forged' WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.deleteMany({ where: { id: e.id } })).rejects.toThrow();
    expect((await t.db.auditEvent.findUniqueOrThrow({ where: { id: e.id } })).action).toBe('test.append');
  });

  it('the hand-written trigger migration leaves the schema and history in step', async () => {
    expect(await migrationDrift()).toBe('');
  });
});
