/**
 * The plumbing every use case shares: the transaction handle's type, the one audit writer and the one JSON helper
 * (bigint-safe), so that no service declares its own.
 */
import { kindsRaisedBy } from '../domain/notifications/kinds';
import type { Prisma } from './generated/client';
import type { ScopedDb } from './scoped';

/** The handle a use case gets inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<ScopedDb['$transaction']>[0]>[0];

/** A tenant-scoped handle, in a transaction or not (reads that may run in either). */
export type ScopedOrTx = ScopedDb | Tx;

/** Plain JSON for a Json column: bigints become decimal strings, Dates ISO strings, undefined drops out. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  data?: unknown;
  integratorId?: string | null;
  countyId?: string | null;
};

/** Anything that can append to the audit log: a tenant transaction, or the owner client on the signed-out paths. */
type AuditWriter = {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput; select: { id: true } }): PromiseLike<unknown> };
  notificationEvent: { createMany(args: { data: Prisma.NotificationEventUncheckedCreateInput[] }): PromiseLike<unknown> };
};

/**
 * Appends one entry to the audit log, in the caller's transaction (the change and its record commit together). A
 * change that someone may want to hear of also leaves its row in the notification outbox, in the same transaction:
 * it is delivered after the commit (server/services/notifications/deliver.ts), so sending never slows or breaks it.
 */
export async function audit(tx: AuditWriter, e: AuditEntry): Promise<void> {
  const kinds = kindsRaisedBy(e.action);
  if (kinds.length)
    // createMany: no RETURNING, so a tenant that may append an event needs no right to read it back
    await tx.notificationEvent.createMany({
      data: kinds.map((kind) => ({
        kind,
        entity: e.entity,
        entityId: e.entityId,
        actorId: e.actorId,
        ...(e.integratorId ? { integratorId: e.integratorId } : {}),
        ...(e.countyId ? { countyId: e.countyId } : {}),
      })),
    });
  await tx.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      data: toJson(e.data ?? {}),
      ...(e.integratorId ? { integratorId: e.integratorId } : {}),
      ...(e.countyId ? { countyId: e.countyId } : {}),
    },
    select: { id: true },
  });
}
