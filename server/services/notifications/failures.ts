/**
 * The notices that could not be delivered to a tenant's own people, newest first, for its admin: when, what, to whom,
 * on which channel, how many attempts, and the server's answer. Read through the tenant gate.
 */
import type { ScopedDb } from '../../db/scoped';
import { configuredChannels } from './channels';

export const FAILURES_SHOWN = 20;

export async function listDeliveryFailures(db: ScopedDb) {
  const [count, rows] = await Promise.all([
    db.notificationDelivery.count({ where: { status: 'FAILED' } }),
    db.notificationDelivery.findMany({
      where: { status: 'FAILED' },
      orderBy: { updatedAt: 'desc' },
      take: FAILURES_SHOWN,
      select: { id: true, kind: true, channel: true, attempts: true, lastError: true, updatedAt: true, userId: true },
    }),
  ]);
  const ids = [...new Set(rows.map((r) => r.userId))];
  const people = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    /** The channels this server sends on (none: no notice goes out at all, which the admin should know). */
    channels: configuredChannels().map((c) => c.id),
    count,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      attempts: r.attempts,
      error: r.lastError,
      at: r.updatedAt,
      recipient: byId.get(r.userId)?.name ?? null,
    })),
  };
}
