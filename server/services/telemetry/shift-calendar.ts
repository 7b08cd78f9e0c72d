/**
 * An SME's shift calendar (server/domain/telemetry/calendar.ts): staff set it, the SME owner reads it. An SME without
 * one uses the stated default, and says so.
 */
import type { ScopedDb } from '../../db/scoped';
import { audit, toJson } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { DEFAULT_CALENDAR, resolveCalendar, type ShiftCalendar } from '../../domain/telemetry/calendar';

export async function getShiftCalendar(db: ScopedDb, smeClientId: string) {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true, calendarChangedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  const row = await db.shiftCalendar.findFirst({ where: { smeClientId }, select: { definition: true, updatedAt: true, updatedById: true } });
  const updatedBy = row?.updatedById ? await db.user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  const { calendar, isDefault } = resolveCalendar(row?.definition ?? null);
  return {
    smeClientId,
    /** true when the SME has set no calendar (or an unreadable one): the default below is used. */
    usesDefault: !row || isDefault,
    stored: Boolean(row),
    calendar,
    defaultCalendar: DEFAULT_CALENDAR,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: updatedBy?.name ?? null,
    /** true while the roll-up job is still planning the stored hours again with the calendar saved last. */
    replanning: sme.calendarChangedAt !== null,
  };
}

/** Sets (or replaces) an SME's calendar; with null, removes it so that the default applies again. */
export async function saveShiftCalendar(db: ScopedDb, scope: IntegratorScope, actorId: string, smeClientId: string, calendar: ShiftCalendar | null) {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true, archivedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  if (sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  return db.$transaction(async (tx) => {
    const old = await tx.shiftCalendar.findFirst({ where: { smeClientId }, select: { id: true, definition: true } });
    if (calendar === null) {
      if (old) await tx.shiftCalendar.delete({ where: { id: old.id }, select: { id: true } });
    } else if (old) {
      await tx.shiftCalendar.update({ where: { id: old.id }, data: { definition: toJson(calendar), updatedById: actorId }, select: { id: true } });
    } else {
      await tx.shiftCalendar.create({
        data: { integratorId: scope.integratorId, smeClientId, definition: toJson(calendar), updatedById: actorId },
        select: { id: true },
      });
    }
    // the stored hours computed with the old calendar are planned again by the roll-up job (replan.ts)
    await tx.smeClient.update({ where: { id: smeClientId }, data: { calendarChangedAt: new Date() }, select: { id: true } });
    await audit(tx, {
      actorId,
      action: calendar ? 'shiftCalendar.save' : 'shiftCalendar.reset',
      entity: 'SmeClient',
      entityId: smeClientId,
      data: { from: old?.definition ?? null, to: calendar },
    });
    return { smeClientId, usesDefault: calendar === null };
  });
}
