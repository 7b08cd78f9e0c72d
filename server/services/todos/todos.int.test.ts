import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectRecord, createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { todoTotal } from './todos';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
let quoted: string;
let building: string;
let otherQuoted: string;

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('TodoA'));
  b = await createTenantWorld(t.db, uniqueTag('TodoB'));
  const own = { integratorId: a.integrator.id, smeClientId: a.smes[0]?.id as string };
  quoted = (await createProjectRecord(t.db, own)).projectId;
  building = (await createProjectRecord(t.db, own)).projectId;
  await t.db.project.update({ where: { id: building }, data: { status: 'IN_PROGRESS' } });
  otherQuoted = (await createProjectRecord(t.db, { integratorId: b.integrator.id, smeClientId: b.smes[0]?.id as string })).projectId;
});
afterAll(() => t.close());

const kinds = (groups: { kind: string }[]) => groups.map((g) => g.kind);

describe(`to-do inbox (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('the SME owner is asked to answer their quote, with a link to it; nothing of another tenant', async () => {
    const owner = await callerAs(t.db, a.users.smeOwner.id);
    const groups = await owner.todos.list();
    const q = groups.find((g) => g.kind === 'quoteToAnswer');
    expect(q?.items.map((i) => i.href)).toContain(`/projects/${quoted}`);
    expect(JSON.stringify(groups)).not.toContain(otherQuoted);
    expect(kinds(groups)).not.toContain('toCommission');
  });

  it('the engineer sees the project to commission and the quote the firm has not answered', async () => {
    const engineer = await callerAs(t.db, a.users.engineer.id);
    const groups = await engineer.todos.list();
    expect(groups.find((g) => g.kind === 'toCommission')?.items.map((i) => i.href)).toEqual([`/projects/${building}`]);
    expect(groups.find((g) => g.kind === 'quoteUnanswered')?.count).toBe(1);
    expect(kinds(groups)).not.toContain('invitationPending');
  });

  it('the official sees a submitted claim to decide; an empty inbox for a county with none', async () => {
    const official = await callerAs(t.db, a.users.official.id);
    expect(await official.todos.list()).toEqual([]);
    const claim = await t.db.claim.create({
      data: {
        integratorId: a.integrator.id,
        smeClientId: a.smes[0]?.id as string,
        countyId: a.county.id,
        fundId: a.fund.id,
        projectId: quoted,
        number: `C-${uniqueTag('todo')}`,
        status: 'SUBMITTED',
        submittedAt: new Date(Date.now() - 40 * 86_400_000),
        rulesVersion: 1,
        rules: [],
      },
    });
    const groups = await official.todos.list();
    expect(groups.find((g) => g.kind === 'claimToDecide')?.items.map((i) => i.href)).toEqual([`/claims/${claim.id}`]);
    // 40 days waiting: past the 30 days a decision should take
    expect(groups.find((g) => g.kind === 'claimOverdue')?.count).toBe(1);
    // the other county's official sees none of it
    expect(await (await callerAs(t.db, b.users.official.id)).todos.list()).toEqual([]);
  });

  it('the header badge counts what the inbox lists, for every role, without reading the items', async () => {
    for (const user of [a.users.smeOwner, a.users.engineer, a.users.admin, a.users.official, b.users.official]) {
      const api = await callerAs(t.db, user.id);
      const [list, count] = [await api.todos.list(), await api.todos.count()];
      expect(count.total).toBe(todoTotal(list));
    }
    expect((await (await callerAs(t.db, a.users.official.id)).todos.count()).total).toBeGreaterThan(0);
  });
});
