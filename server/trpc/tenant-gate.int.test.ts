/** What each role does see: the other half of the cross-tenant table (its denials must not be vacuous). */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import { scopedDb } from '../db/scoped';
import { callerAs } from '../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('A'), { machinesPerSme: 20 });
  b = await createTenantWorld(t.db, uniqueTag('B'));
});
afterAll(() => t.close());

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
}

describe(`tenant gate (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('integrator staff see their clients with machine counts, and nothing of B', async () => {
    const api = await callerAs(t.db, a.users.engineer.id);
    const list = await api.clients.list({ page: 1, pageSize: 10 });
    expect(list.total).toBe(2);
    expect(list.items.map((c) => c.id).sort()).toEqual(a.smes.map((s) => s.id).sort());
    expect(list.items.every((c) => c.machines === 20)).toBe(true);
    const summary = await api.clients.summary();
    expect(summary).toMatchObject({ clients: 2, machines: 40 });
    const clusters = await api.clusters.list();
    expect(clusters).toEqual([expect.objectContaining({ id: a.cluster.id, clients: 2, machines: 40 })]);
  });

  it('paginates and searches clients on the server', async () => {
    const api = await callerAs(t.db, a.users.admin.id);
    const page2 = await api.clients.list({ page: 2, pageSize: 1 });
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBe(2);
    const found = await api.clients.list({ q: 'Co. 2', page: 1, pageSize: 10 });
    expect(found.items.map((c) => c.id)).toEqual([a.smes[1]?.id]);
  });

  it('an SME owner sees their own firm and not a sibling SME of the same integrator', async () => {
    const api = await callerAs(t.db, a.users.smeOwner.id);
    const own = await api.clients.get({ id: a.smes[0]?.id as string });
    expect(own.machines).toBe(20);
    expect(own.allowances).toEqual([expect.objectContaining({ fundId: a.fund.id, percent: 5 })]);
    expect(await codeOf(api.clients.get({ id: a.smes[1]?.id as string }))).toBe('NOT_FOUND');
    expect(await codeOf(api.clients.list({ page: 1, pageSize: 10 }))).toBe('FORBIDDEN');
  });

  it('a county official sees its fund with the participating integrator, not the SMEs', async () => {
    const api = await callerAs(t.db, a.users.official.id);
    const funds = await api.funds.list();
    expect(funds.map((f) => f.id)).toEqual([a.fund.id]);
    expect(funds[0]?.participants.map((p) => p.id)).toEqual([a.integrator.id]);
    expect(funds[0]?.budgetFen).toBe(100_000_000n);
    expect(await codeOf(api.clients.get({ id: a.smes[0]?.id as string }))).toBe('NOT_FOUND');
  });

  it('an integrator sees the funds it takes part in', async () => {
    const api = await callerAs(t.db, a.users.admin.id);
    expect((await api.funds.get({ id: a.fund.id })).id).toBe(a.fund.id);
    expect(await codeOf(api.funds.get({ id: b.fund.id }))).toBe('NOT_FOUND');
  });

  it('only an admin lists staff', async () => {
    const admin = await callerAs(t.db, a.users.admin.id);
    const staff = await admin.staff.list();
    expect(staff.map((s) => s.email).sort()).toEqual([a.users.admin.email, a.users.engineer.email, a.users.smeOwner.email].sort());
    const engineer = await callerAs(t.db, a.users.engineer.id);
    expect(await codeOf(engineer.staff.list())).toBe('FORBIDDEN');
  });

  it('an anonymous caller is told to sign in', async () => {
    const anon = await callerAs(t.db, null);
    expect(await codeOf(anon.me.get())).toBe('UNAUTHORIZED');
    expect(await codeOf(anon.clients.get({ id: a.smes[0]?.id as string }))).toBe('UNAUTHORIZED');
  });

  it('errors come back in the caller’s language', async () => {
    const zh = await callerAs(t.db, a.users.admin.id, 'zh-CN');
    const e = await zh.clients.get({ id: b.smes[0]?.id as string }).catch((x: TRPCError) => x);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe('NOT_FOUND');
  });

  it('the language choice is saved on the user', async () => {
    const api = await callerAs(t.db, a.users.engineer.id);
    await api.me.setLocale({ locale: 'en' });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: a.users.engineer.id } })).locale).toBe('en');
    await api.me.setLocale({ locale: 'zh-CN' });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: a.users.engineer.id } })).locale).toBe('zh_CN');
  });
});

describe('scoped data-access handle', () => {
  it('stamps the tenant key on rows it creates and refuses another tenant’s key', async () => {
    const db = scopedDb(t.db, { kind: 'integrator', integratorId: a.integrator.id, role: 'INTEGRATOR_ENGINEER' });
    const c = await db.cluster.create({ data: { name: 'new', county: 'x', sector: 'GEARS' } as never, select: { id: true, integratorId: true } });
    expect(c.integratorId).toBe(a.integrator.id);
    await expect(db.cluster.create({ data: { name: 'evil', county: 'x', sector: 'GEARS', integratorId: b.integrator.id } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('updates and deletes only inside the scope', async () => {
    const db = scopedDb(t.db, { kind: 'integrator', integratorId: a.integrator.id, role: 'INTEGRATOR_ADMIN' });
    const res = await db.machine.updateMany({ where: { smeClientId: b.smes[0]?.id as string }, data: { notes: 'hacked' } });
    expect(res.count).toBe(0);
    await expect(db.cluster.update({ where: { id: b.cluster.id }, data: { name: 'hacked' } })).rejects.toMatchObject({ code: 'P2025' });
    expect((await t.db.cluster.findUniqueOrThrow({ where: { id: b.cluster.id } })).name).not.toBe('hacked');
  });

  it('an SME owner and a county official cannot create inventory rows', async () => {
    const sme = scopedDb(t.db, { kind: 'sme', integratorId: a.integrator.id, smeClientId: a.smes[0]?.id as string, role: 'SME_OWNER' });
    await expect(sme.site.create({ data: { name: 'x', smeClientId: a.smes[0]?.id as string } as never })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const county = scopedDb(t.db, { kind: 'county', countyId: a.county.id, role: 'COUNTY_OFFICIAL', admin: false });
    expect(await county.machine.count()).toBe(0);
  });
});
