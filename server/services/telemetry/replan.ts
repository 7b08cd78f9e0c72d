/**
 * When an SME's shift calendar changes, the hours already rolled up keep their state time but not their plan: which
 * of those seconds were planned. This step of the roll-up job plans them again from the stored state spans (kept for
 * good, unlike the raw samples), so that a machine's figures for any past day follow the calendar the SME has now —
 * the same figures the engine gives when it computes those hours from scratch with that calendar (tested).
 *
 * The SME is marked by `SmeClient.calendarChangedAt` (set in the calendar's transaction); the rows still to do are
 * those computed before it. Each step takes at most `batch` rows in one set-based statement under the job's lock;
 * the mark is cleared when none is left (and only if the calendar did not change again meanwhile).
 */
import type { PrismaClient } from '../../db/generated/client';
import { plannedIntervals, resolveCalendar } from '../../domain/telemetry/calendar';
import { stateCodes } from '../../domain/telemetry/payload';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const HOUR_MS = 3_600_000;

/** Plans again up to `batch` stored hours of one marked SME. Returns the rows re-planned and whether its mark was cleared. */
export async function replanStep(tx: Tx, batch: number): Promise<{ rows: number; cleared: number }> {
  const [sme] = await tx.$queryRaw<{ id: string; changedAt: Date; definition: unknown }[]>`
    SELECT s."id", s."calendarChangedAt" AS "changedAt", c."definition" FROM "SmeClient" s
    LEFT JOIN "ShiftCalendar" c ON c."smeClientId" = s."id" AND c."integratorId" = s."integratorId"
    WHERE s."calendarChangedAt" IS NOT NULL ORDER BY s."calendarChangedAt" LIMIT 1`;
  if (!sme) return { rows: 0, cleared: 0 };
  const [range] = await tx.$queryRaw<{ lo: Date | null; hi: Date | null }[]>`
    SELECT min(b."hour") AS lo, max(b."hour") AS hi FROM (
      SELECT "hour" FROM "MachineHour" WHERE "smeClientId" = ${sme.id} AND "computedAt" < ${sme.changedAt} ORDER BY "hour" LIMIT ${batch}) b`;
  if (!range?.lo || !range.hi) {
    const cleared = await tx.$executeRaw`
      UPDATE "SmeClient" SET "calendarChangedAt" = NULL WHERE "id" = ${sme.id} AND "calendarChangedAt" = ${sme.changedAt}`;
    return { rows: 0, cleared };
  }
  const { calendar, isDefault } = resolveCalendar(sme.definition ?? null);
  const planned = plannedIntervals(calendar, range.lo, new Date(range.hi.getTime() + HOUR_MS));
  const from = planned.map((p) => p.from.toISOString());
  const to = planned.map((p) => p.to.toISOString());
  const c = stateCodes;
  // an hour's end is its start plus the seconds it holds (the open hour was computed up to its "now")
  const rows = await tx.$executeRaw`
    WITH b AS (
      SELECT "machineId", "hour",
        tstzrange("hour", "hour" + make_interval(secs => "runningS" + "idleS" + "stoppedS" + "alarmS" + "setupS" + "unknownS")) AS span
      FROM "MachineHour" WHERE "smeClientId" = ${sme.id} AND "computedAt" < ${sme.changedAt}
      ORDER BY "hour" LIMIT ${batch} FOR UPDATE),
    p AS (SELECT tstzrange(f, t) AS r FROM unnest(${from}::timestamptz[], ${to}::timestamptz[]) AS x(f, t)),
    pl AS (
      SELECT b."machineId", b."hour", coalesce(sum(extract(epoch FROM upper(p.r * b.span) - lower(p.r * b.span))), 0)::int AS planned
      FROM b LEFT JOIN p ON p.r && b.span GROUP BY 1, 2),
    st AS (
      SELECT b."machineId", b."hour",
        sum(CASE WHEN s."state" = ${c.running} THEN extract(epoch FROM upper(p.r * x.r) - lower(p.r * x.r)) ELSE 0 END)::int AS running,
        sum(CASE WHEN s."state" = ${c.idle} THEN extract(epoch FROM upper(p.r * x.r) - lower(p.r * x.r)) ELSE 0 END)::int AS idle,
        sum(CASE WHEN s."state" = ${c.stopped} THEN extract(epoch FROM upper(p.r * x.r) - lower(p.r * x.r)) ELSE 0 END)::int AS stopped,
        sum(CASE WHEN s."state" = ${c.alarm} THEN extract(epoch FROM upper(p.r * x.r) - lower(p.r * x.r)) ELSE 0 END)::int AS alarm,
        sum(CASE WHEN s."state" = ${c.setup} THEN extract(epoch FROM upper(p.r * x.r) - lower(p.r * x.r)) ELSE 0 END)::int AS setup
      FROM b JOIN "MachineStateSpan" s ON s."machineId" = b."machineId" AND s."from" >= b."hour" AND s."from" < b."hour" + interval '1 hour'
      CROSS JOIN LATERAL (SELECT tstzrange(s."from", s."to") * b.span AS r) x
      JOIN p ON p.r && x.r
      GROUP BY 1, 2)
    UPDATE "MachineHour" h SET
      "plannedS" = pl.planned,
      "plannedRunningS" = coalesce(st.running, 0), "plannedIdleS" = coalesce(st.idle, 0), "plannedStoppedS" = coalesce(st.stopped, 0),
      "plannedAlarmS" = coalesce(st.alarm, 0), "plannedSetupS" = coalesce(st.setup, 0),
      "plannedUnknownS" = pl.planned - coalesce(st.running + st.idle + st.stopped + st.alarm + st.setup, 0),
      "defaultCalendar" = ${sme.definition == null || isDefault},
      "computedAt" = greatest(now(), ${sme.changedAt}::timestamptz)
    FROM pl LEFT JOIN st ON st."machineId" = pl."machineId" AND st."hour" = pl."hour"
    WHERE h."machineId" = pl."machineId" AND h."hour" = pl."hour"`;
  return { rows, cleared: 0 };
}
