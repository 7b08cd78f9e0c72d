/** A person's own notification choices (the account page): which kinds, on or off, and which channels reach them. */
import type { SessionUser } from '../../auth/session-user';
import type { PrismaClient } from '../../db/generated/client';
import { effectiveChoices, kindsForPerson, type NotificationKind, savedChoices } from '../../domain/notifications/kinds';
import { configuredChannels } from './channels';

export async function getMyNotificationChoices(db: PrismaClient, user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { notificationChoices: true, role: true, isAdmin: true } });
  const on = effectiveChoices(row.notificationChoices);
  return {
    kinds: kindsForPerson(row.role, row.isAdmin).map((kind) => ({ kind, on: on[kind] })),
    channels: configuredChannels().map((c) => c.id),
  };
}

/** Saves the kinds named (only those the person can hear of; others are refused silently by being left out). */
export async function setMyNotificationChoices(db: PrismaClient, user: SessionUser, input: Partial<Record<NotificationKind, boolean>>) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { notificationChoices: true, role: true, isAdmin: true } });
  const mine = new Set(kindsForPerson(row.role, row.isAdmin));
  const saved = savedChoices.safeParse(row.notificationChoices);
  const next: Record<string, boolean> = saved.success ? { ...saved.data } : {};
  for (const [k, v] of Object.entries(input)) if (mine.has(k as NotificationKind) && typeof v === 'boolean') next[k] = v;
  await db.user.update({ where: { id: user.id }, data: { notificationChoices: next }, select: { id: true } });
  return getMyNotificationChoices(db, user);
}
