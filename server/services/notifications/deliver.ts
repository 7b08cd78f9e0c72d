/**
 * Delivers the notification outbox after the changes that wrote it have committed: a bounded batch of due events at
 * a time, each held by a short lease so that two processes never send it at once. Per event: who hears of it, who
 * wants it, the message in each person's language, one delivery per person and channel. A delivery that fails is
 * recorded (its admin sees it) and retried with a growing wait; after the last attempt the event is given up. Nothing
 * here ever reaches the request that made the change: it runs in the background and only logs.
 */
import type { PrismaClient } from '../../db/generated/client';
import { MAX_ATTEMPTS, type NotificationKind, notificationKinds, reachesActor, retryAfterMs, wants } from '../../domain/notifications/kinds';
import { fromDbLocale } from '../../i18n/locales';
import { log } from '../../log';
import type { NotificationChannel } from './channel';
import { configuredChannels } from './channels';
import { renderNotification } from './render';
import { resolveEvent } from './resolve';

export const BATCH = 20;
const LEASE_MS = 2 * 60_000;
/** A channel that has not answered by then counts as failed (and is retried): one slow server never holds the batch. */
const SEND_TIMEOUT_MS = 30_000;

export type DeliveryRun = { events: number; sent: number; failed: number };

function appOrigin(): string {
  const configured = (process.env.APP_URL || process.env.AUTH_URL || '').trim().replace(/\/$/, '');
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT ?? 3000}`;
}

async function sendWithin(channel: NotificationChannel, ...args: Parameters<NotificationChannel['send']>) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false; error: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `no answer within ${SEND_TIMEOUT_MS / 1000} s` }), SEND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      channel.send(...args).catch((err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

type EventRow = { id: string; kind: string; entity: string; entityId: string; actorId: string | null; attempts: number };

/** Sends what one event still owes; true when nothing is left to send. */
async function deliverEvent(db: PrismaClient, e: EventRow, channels: NotificationChannel[], counts: DeliveryRun, now: Date): Promise<boolean> {
  if (!(notificationKinds as readonly string[]).includes(e.kind)) return true;
  const kind = e.kind as NotificationKind;
  if (!channels.length) return true; // no channel configured: nothing can be sent, and nothing is owed later
  const resolved = await resolveEvent(db, { kind, entity: e.entity, entityId: e.entityId }, now);
  if (!resolved || !resolved.people.length) return true;
  const people = await db.user.findMany({
    where: { active: true, OR: resolved.people, ...(e.actorId && !reachesActor(kind) ? { id: { not: e.actorId } } : {}) },
    select: { id: true, name: true, email: true, locale: true, role: true, isAdmin: true, integratorId: true, countyId: true, notificationChoices: true },
  });
  const done = new Set(
    (await db.notificationDelivery.findMany({ where: { eventId: e.id, status: 'SENT' }, select: { userId: true, channel: true } })).map(
      (d) => `${d.userId}:${d.channel}`,
    ),
  );
  let complete = true;
  const origin = appOrigin();
  for (const person of people.filter((p) => wants(p, kind))) {
    const locale = fromDbLocale(person.locale);
    const message = renderNotification(kind, locale, person, resolved.facts, { item: `${origin}${resolved.href}`, account: `${origin}/account` });
    for (const channel of channels) {
      if (done.has(`${person.id}:${channel.id}`)) continue;
      const r = await sendWithin(channel, { userId: person.id, name: person.name, email: person.email, locale }, message);
      const lastError = r.ok ? null : r.error.slice(0, 500);
      const status = r.ok ? 'SENT' : 'FAILED';
      await db.notificationDelivery.upsert({
        where: { eventId_userId_channel: { eventId: e.id, userId: person.id, channel: channel.id } },
        create: {
          eventId: e.id,
          userId: person.id,
          channel: channel.id,
          kind,
          integratorId: person.integratorId,
          countyId: person.countyId,
          status,
          lastError,
        },
        update: { status, lastError, attempts: { increment: 1 } },
        select: { id: true },
      });
      if (r.ok) counts.sent++;
      else {
        counts.failed++;
        complete = false;
        log.warn({ eventId: e.id, kind, userId: person.id, channel: channel.id, error: lastError }, 'notification not delivered: retried later');
      }
    }
  }
  return complete;
}

/** One run over the due events (at most `batch`). Never throws: a failure is recorded on the event and logged. */
export async function deliverPending(db: PrismaClient, opts: { channels?: NotificationChannel[]; batch?: number; now?: Date } = {}): Promise<DeliveryRun> {
  const now = opts.now ?? new Date();
  const channels = opts.channels ?? configuredChannels();
  const counts: DeliveryRun = { events: 0, sent: 0, failed: 0 };
  const free = { processedAt: null, nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  let due: EventRow[];
  try {
    due = await db.notificationEvent.findMany({
      where: free,
      orderBy: { createdAt: 'asc' },
      take: Math.min(Math.max(opts.batch ?? BATCH, 1), 200),
      select: { id: true, kind: true, entity: true, entityId: true, actorId: true, attempts: true },
    });
  } catch (err) {
    log.error({ err }, 'notification outbox could not be read');
    return counts;
  }
  for (const e of due) {
    // the lease: only the run that moves it delivers the event
    const held = await db.notificationEvent.updateMany({ where: { id: e.id, ...free }, data: { leaseUntil: new Date(now.getTime() + LEASE_MS) } });
    if (held.count !== 1) continue;
    counts.events++;
    let complete = false;
    let error: string | null = null;
    try {
      complete = await deliverEvent(db, e, channels, counts, now);
      if (!complete) error = 'some deliveries failed';
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 500) : String(err);
      log.error({ err, eventId: e.id, kind: e.kind }, 'notification event failed: retried later');
    }
    const attempts = e.attempts + 1;
    const givenUp = !complete && attempts >= MAX_ATTEMPTS;
    if (givenUp) log.error({ eventId: e.id, kind: e.kind, attempts }, 'notification given up after the last attempt');
    await db.notificationEvent
      .update({
        where: { id: e.id },
        data: {
          attempts,
          leaseUntil: null,
          lastError: error,
          ...(complete || givenUp ? { processedAt: new Date() } : { nextAttemptAt: new Date(now.getTime() + retryAfterMs(attempts)) }),
        },
        select: { id: true },
      })
      .catch((err: unknown) => log.error({ err, eventId: e.id }, 'notification event state not saved: the lease runs out and it is tried again'));
  }
  return counts;
}
