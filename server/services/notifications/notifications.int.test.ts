import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProjectRecord, createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { scopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { scopeForUser } from '../../domain/auth/scope';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';
import { startTestSmtp, type TestMail } from '../../testing/smtp';
import type { NotificationChannel } from './channel';
import { deliverPending } from './deliver';
import { emailChannel } from './email-channel';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
let inbox: TestMail[] = [];
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
/** Addresses the test SMTP server refuses (a mailbox that does not exist). */
const refused = new Set<string>();

/** A quoted-printable or base64 body as text. */
function decode(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const flat = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '=' && /^[0-9A-F]{2}$/.test(flat.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(flat[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
/** The Subject header, its RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
  return line
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
/** Each mail to an address as "subject\n\nbody". */
const mailsTo = (to: string) => inbox.filter((m) => m.to === to).map((m) => `${subjectOf(m.body)}\n\n${decode(m.body)}`);

beforeAll(async () => {
  t = await openTestDb({ ownDatabase: true });
  a = await createTenantWorld(t.db, uniqueTag('NtfA'), { machinesPerSme: 3 });
  b = await createTenantWorld(t.db, uniqueTag('NtfB'), { machinesPerSme: 3 });
  smtp = await startTestSmtp({ refused });
  inbox = smtp.inbox;
});
afterAll(async () => {
  await smtp.stop();
  await t.close();
});

/** Runs the outbox until nothing due is left (as the job would), with the email channel. */
/**
 * The delivery run drains the whole outbox, as the job does in production: this file has a database of its own on
 * PostgreSQL too (openTestDb({ ownDatabase: true })), so that the notices of other files running at the same time are
 * not delivered and counted here.
 */

async function drain(channels: NotificationChannel[] = [emailChannel], now = new Date()) {
  let total = { events: 0, sent: 0, failed: 0 };
  for (let i = 0; i < 20; i++) {
    const r = await deliverPending(t.db, { channels, now });
    total = { events: total.events + r.events, sent: total.sent + r.sent, failed: total.failed + r.failed };
    if (!r.events) break;
  }
  return total;
}

async function draftProject(w: TenantWorld) {
  const p = await createProjectRecord(t.db, { integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string });
  await t.db.project.update({ where: { id: p.projectId }, data: { status: 'DRAFT' } });
  return p.projectId;
}

beforeEach(async () => {
  // each test starts from an empty outbox (earlier tests' leftovers would be delivered by its drain)
  await t.db.notificationEvent.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
  refused.clear();
});

describe(`notifications (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('the outbox row commits with the audited change, and not without it', async () => {
    const projectId = await draftProject(a);
    const engineer = await callerAs(t.db, a.users.engineer.id);
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    const events = await t.db.notificationEvent.findMany({ where: { entityId: projectId } });
    expect(events).toMatchObject([
      { kind: 'quoteToAnswer', entity: 'Project', integratorId: a.integrator.id, actorId: a.users.engineer.id, processedAt: null },
    ]);

    // a change that rolls back leaves no notice behind
    const scope = scopeForUser({ role: 'INTEGRATOR_ENGINEER', integratorId: a.integrator.id, smeClientId: null, countyId: null });
    const db = scopedDb(t.db, scope, a.users.engineer.id);
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, { actorId: a.users.engineer.id, action: 'project.commission', entity: 'Project', entityId: 'rolled-back' });
        throw new Error('the change fails after its audit entry');
      }),
    ).rejects.toThrow('the change fails');
    expect(await t.db.notificationEvent.count({ where: { entityId: 'rolled-back' } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { entityId: 'rolled-back' } })).toBe(0);
  });

  it('delivers by email after the commit, in each person’s language, to those who want it, not to the one who acted', async () => {
    const projectId = await draftProject(a);
    await t.db.user.update({ where: { id: a.users.admin.id }, data: { locale: 'en' } });
    const engineer = await callerAs(t.db, a.users.engineer.id);
    const owner = await callerAs(t.db, a.users.smeOwner.id);
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    expect(mailsTo(a.users.smeOwner.email)).toHaveLength(0); // nothing is sent inside the request
    expect(await drain()).toMatchObject({ sent: 1, failed: 0 });
    const [quoteMail] = mailsTo(a.users.smeOwner.email);
    expect(quoteMail).toContain('有一份报价待您确认');
    expect(quoteMail).toContain(`https://retrofit.example.test/projects/${projectId}`);
    expect(quoteMail).toContain(a.integrator.name);

    // the owner accepts: the staff hear of it (the admin in English), the owner of the deposit now due
    const before = inbox.length;
    await owner.projects.transition({ id: projectId, name: 'accept' });
    await drain();
    expect(mailsTo(a.users.admin.email).at(-1)).toContain('Quote accepted');
    expect(mailsTo(a.users.engineer.email).at(-1)).toContain('报价已接受');
    expect(mailsTo(a.users.smeOwner.email).slice(1).join('\n')).toMatch(/应付款提醒/);
    expect(inbox.length).toBe(before + 3);
    // nothing of this reached the other tenant's people
    for (const u of Object.values(b.users)) expect(mailsTo(u.email)).toHaveLength(0);
    // a second run sends nothing twice
    expect(await drain()).toMatchObject({ events: 0, sent: 0 });
  });

  it('a person who switched a kind off does not get it; their choice is theirs alone', async () => {
    const owner = await callerAs(t.db, a.users.smeOwner.id);
    const mine = await owner.notifications.myChoices();
    expect(mine.kinds.map((k) => k.kind)).toEqual(['quoteToAnswer', 'paymentDue', 'claimPaid']);
    expect(mine.kinds.every((k) => k.on)).toBe(true);
    expect(mine.channels).toEqual(['email']);
    const after = await owner.notifications.setMyChoices({ quoteToAnswer: false, claimToDecide: false });
    expect(after.kinds.find((k) => k.kind === 'quoteToAnswer')?.on).toBe(false);
    const saved = await t.db.user.findUniqueOrThrow({ where: { id: a.users.smeOwner.id }, select: { notificationChoices: true } });
    expect(saved.notificationChoices).toEqual({ quoteToAnswer: false }); // a kind not theirs is not stored
    await expect(owner.notifications.setMyChoices({ nonsense: true } as never)).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'BAD_REQUEST');

    const count = mailsTo(a.users.smeOwner.email).length;
    const engineer = await callerAs(t.db, a.users.engineer.id);
    await engineer.projects.transition({ id: await draftProject(a), name: 'issueQuote' });
    await drain();
    expect(mailsTo(a.users.smeOwner.email)).toHaveLength(count);
    await owner.notifications.setMyChoices({ quoteToAnswer: true });
  });

  it('a refused delivery is recorded, retried later, shown to the tenant’s admin only, and sent once the server takes it', async () => {
    const projectId = await draftProject(a);
    refused.add(a.users.smeOwner.email);
    const engineer = await callerAs(t.db, a.users.engineer.id);
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    const now = new Date();
    expect(await drain([emailChannel], now)).toMatchObject({ events: 1, sent: 0, failed: 1 });
    const event = await t.db.notificationEvent.findFirstOrThrow({ where: { entityId: projectId } });
    expect(event.processedAt).toBeNull();
    expect(event.attempts).toBe(1);
    expect(event.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    // not due yet: the same run time finds nothing to do
    expect(await drain([emailChannel], now)).toMatchObject({ events: 0 });

    const admin = await callerAs(t.db, a.users.admin.id);
    const ownerName = (await t.db.user.findUniqueOrThrow({ where: { id: a.users.smeOwner.id }, select: { name: true } })).name;
    const failures = await admin.notifications.failures();
    const row = failures.items.find((f) => f.kind === 'quoteToAnswer');
    expect(row).toMatchObject({ channel: 'email', recipient: ownerName, attempts: 1 });
    expect(row?.error).toMatch(/mailbox unavailable/);
    const otherAdmin = await callerAs(t.db, b.users.admin.id);
    expect((await otherAdmin.notifications.failures()).items.some((f) => f.recipient === ownerName)).toBe(false);
    for (const id of [a.users.engineer.id, a.users.smeOwner.id, a.users.official.id])
      await expect((await callerAs(t.db, id)).notifications.failures()).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'FORBIDDEN');

    refused.clear();
    expect(await drain([emailChannel], new Date(now.getTime() + 61_000))).toMatchObject({ events: 1, sent: 1, failed: 0 });
    const done = await t.db.notificationEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(done.processedAt).not.toBeNull();
    expect(await t.db.notificationDelivery.findFirst({ where: { eventId: event.id } })).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('gives up after the last attempt; a channel that throws never breaks a run', async () => {
    const projectId = await draftProject(a);
    const engineer = await callerAs(t.db, a.users.engineer.id);
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    const throwing: NotificationChannel = {
      id: 'broken',
      send: () => Promise.reject(new Error('gateway exploded')),
    };
    let now = Date.now();
    for (let i = 0; i < 6; i++) {
      const r = await deliverPending(t.db, { channels: [throwing], now: new Date(now) });
      expect(r).toMatchObject({ events: 1, failed: 1 });
      now += 13 * 3600_000;
    }
    const event = await t.db.notificationEvent.findFirstOrThrow({ where: { entityId: projectId } });
    expect(event).toMatchObject({ attempts: 6, lastError: 'some deliveries failed' });
    expect(event.processedAt).not.toBeNull();
    expect(await t.db.notificationDelivery.findFirst({ where: { eventId: event.id, channel: 'broken' } })).toMatchObject({
      status: 'FAILED',
      attempts: 6,
      lastError: 'gateway exploded',
    });
  });

  it('a run takes a bounded batch, oldest first; a stale notice (quote already answered) goes to no one', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await draftProject(a));
    const engineer = await callerAs(t.db, a.users.engineer.id);
    for (const id of ids) await engineer.projects.transition({ id, name: 'issueQuote' });
    await t.db.project.update({ where: { id: ids[2] as string }, data: { status: 'DRAFT' } });
    const before = mailsTo(a.users.smeOwner.email).length;
    expect(await deliverPending(t.db, { channels: [emailChannel], batch: 2 })).toMatchObject({ events: 2, sent: 2 });
    expect(await deliverPending(t.db, { channels: [emailChannel], batch: 2 })).toMatchObject({ events: 1, sent: 0 });
    expect(mailsTo(a.users.smeOwner.email).length).toBe(before + 2);
  });

  it('a submitted claim reaches the county’s officials; its return reaches the integrator’s staff with the reason', async () => {
    const projectId = await draftProject(a);
    const c = await t.db.claim.create({
      data: {
        countyId: a.county.id,
        fundId: a.fund.id,
        integratorId: a.integrator.id,
        smeClientId: a.smes[0]?.id as string,
        projectId,
        number: `C-N-${Date.now()}`,
        status: 'SUBMITTED',
        rulesVersion: 1,
        rules: [],
        requestedFen: 7_500_000n,
        snapshot: {},
      },
      select: { id: true, number: true },
    });
    // each change audited through its own tenant's transaction, as the claim use cases do
    const integrator = scopedDb(
      t.db,
      scopeForUser({ role: 'INTEGRATOR_ENGINEER', integratorId: a.integrator.id, smeClientId: null, countyId: null }),
      a.users.engineer.id,
    );
    await integrator.$transaction((tx) => audit(tx, { actorId: a.users.engineer.id, action: 'claim.submit', entity: 'Claim', entityId: c.id }));
    await drain();
    expect(mailsTo(a.users.official.email).at(-1)).toContain(`有一份补贴申请待审批：${c.number}（7.50 万元）`);
    expect(mailsTo(b.users.official.email)).toHaveLength(0);

    await t.db.claim.update({ where: { id: c.id }, data: { status: 'RETURNED' } });
    await t.db.claimEvent.create({
      data: {
        countyId: a.county.id,
        integratorId: a.integrator.id,
        smeClientId: a.smes[0]?.id as string,
        claimId: c.id,
        action: 'return',
        from: 'SUBMITTED',
        to: 'RETURNED',
        reason: '缺少发票',
        actorId: a.users.official.id,
        actorName: 'x',
      },
    });
    const county = scopedDb(t.db, scopeForUser({ role: 'COUNTY_OFFICIAL', integratorId: null, smeClientId: null, countyId: a.county.id }), a.users.official.id);
    await county.$transaction((tx) => audit(tx, { actorId: a.users.official.id, action: 'claim.return', entity: 'Claim', entityId: c.id }));
    expect(await t.db.notificationEvent.findFirst({ where: { entityId: c.id, kind: 'claimReturned' } })).toMatchObject({ countyId: a.county.id });
    const officialMails = mailsTo(a.users.official.email).length;
    await drain();
    expect(mailsTo(a.users.engineer.email).at(-1)).toContain('原因：缺少发票');
    expect(mailsTo(a.users.official.email)).toHaveLength(officialMails); // not to the county
  });
});
