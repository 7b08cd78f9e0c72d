import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('AudA'));
  b = await createTenantWorld(t.db, uniqueTag('AudB'));
  // One audited change in each tenant: an SME client archived by each tenant's engineer.
  const ea = await callerAs(t.db, a.users.engineer.id);
  const eb = await callerAs(t.db, b.users.engineer.id);
  await ea.clients.setArchived({ id: a.smes[0]?.id as string, archived: true });
  await eb.clients.setArchived({ id: b.smes[0]?.id as string, archived: true });
});
afterAll(() => t.close());

describe(`audit viewer (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('shows the admin their own tenant’s events, newest first, with the actor’s name', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const page = await admin.audit.list({ page: 1, pageSize: 200 });
    expect(page.total).toBeGreaterThan(0);
    const rename = page.items.find((e) => e.entityId === a.smes[0]?.id && e.action.startsWith('client.'));
    const engineer = await t.db.user.findUniqueOrThrow({ where: { id: a.users.engineer.id }, select: { name: true } });
    expect(rename?.actorName).toBe(engineer.name);
    expect(page.items.some((e) => e.entityId === b.smes[0]?.id)).toBe(false);
    const times = page.items.map((e) => e.at.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('filters by action prefix', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const page = await admin.audit.list({ page: 1, pageSize: 200, action: 'client.' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.action.startsWith('client.'))).toBe(true);
  });

  it('exports every event of the tenant as CSV, formula-safe, and none of the other tenant', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const total = (await admin.audit.list({ page: 1, pageSize: 1 })).total;
    const file = await admin.audit.export({ format: 'csv' });
    const text = new TextDecoder().decode(file.bytes);
    expect(text.trim().split('\r\n')).toHaveLength(total + 1);
    expect(text).toContain(a.smes[0]?.id as string);
    expect(text).not.toContain(b.smes[0]?.id as string);
  });

  it('names the object and links to it, words the facts, and filters by object, person and Shanghai day', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const sme = await t.db.smeClient.findUniqueOrThrow({ where: { id: a.smes[0]?.id as string }, select: { legalName: true } });
    const page = await admin.audit.list({ page: 1, pageSize: 200, entity: 'SmeClient', actorId: a.users.engineer.id });
    const row = page.items.find((e) => e.entityId === a.smes[0]?.id);
    expect(row?.object).toEqual({ kind: 'SmeClient', label: sme.legalName, href: `/clients/${a.smes[0]?.id}` });
    expect(page.items.every((e) => e.entity === 'SmeClient' && e.actorId === a.users.engineer.id)).toBe(true);
    // an event written now falls on today's Shanghai day, not on the day before or after
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
    expect((await admin.audit.list({ page: 1, pageSize: 10, from: today, to: today })).total).toBeGreaterThan(0);
    expect((await admin.audit.list({ page: 1, pageSize: 10, from: tomorrow })).total).toBe(0);
    // nobody of the other tenant is offered as a person to filter by
    const people = await admin.audit.actors();
    expect(people.some((p) => p.id === a.users.engineer.id)).toBe(true);
    expect(people.some((p) => p.id === b.users.engineer.id)).toBe(false);
    // another tenant's person as a filter finds nothing
    expect((await admin.audit.list({ page: 1, pageSize: 10, actorId: b.users.engineer.id })).total).toBe(0);
  });

  it('refuses engineers and SME owners', async () => {
    for (const id of [a.users.engineer.id, a.users.smeOwner.id]) {
      const c = await callerAs(t.db, id);
      await expect(c.audit.list({ page: 1, pageSize: 10 })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'FORBIDDEN');
    }
  });
});
