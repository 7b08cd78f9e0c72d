/**
 * One batch of the roll-up job: for a set of (machine, hour) units, read the raw samples of the hour and the latest
 * sample before it (it carries the state into the hour and is the counters' baseline), run the state engine with
 * the SME's calendar, and write the hour's MachineHour row and its state spans. Every read and every write is one
 * statement for the whole batch (arrays through unnest), never one per row. Runs inside the caller's transaction,
 * as the owner (raw samples are closed to tenant roles).
 */

import type { Prisma } from '../../db/generated/client';
import { resolveCalendar, type ShiftCalendar } from '../../domain/telemetry/calendar';
import { computeHours, stateSpans } from '../../domain/telemetry/engine';
import { type Sample, type StateCode, stateCodes } from '../../domain/telemetry/payload';
import { type MachineHourValues, machineHourValues, recordsByHour } from './machine-hour-rows';

type Raw = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

const HOUR_MS = 3600_000;

/** One machine-hour to compute: the machine's terminals (a replaced terminal's samples still count), its SME's calendar. */
export type Unit = {
  machineId: string;
  integratorId: string;
  smeClientId: string;
  hour: Date;
  terminals: number[];
  calendar: ShiftCalendar;
  defaultCalendar: boolean;
};

type SampleRow = {
  i: number;
  prev: boolean;
  terminal: number;
  seq: bigint;
  at: Date;
  state: number;
  alarm: string | null;
  count: bigint | null;
  good: bigint | null;
  wh: bigint | null;
};

/** The units of a batch of queued (terminal, hour) pairs: terminals without a machine (gateways) drop out. */
export async function unitsOf(tx: Raw, pairs: readonly { terminal: number; hour: Date }[]): Promise<Unit[]> {
  if (!pairs.length) return [];
  const nums = [...new Set(pairs.map((p) => p.terminal))];
  const terms = await tx.$queryRaw<{ num: number; machineId: string; integratorId: string; smeClientId: string; all: number[]; definition: unknown }[]>`
    SELECT t."num", t."machineId", t."integratorId", t."smeClientId",
      (SELECT array_agg(o."num" ORDER BY o."num") FROM "Terminal" o WHERE o."machineId" = t."machineId") AS "all",
      c."definition"
    FROM "Terminal" t LEFT JOIN "ShiftCalendar" c ON c."smeClientId" = t."smeClientId" AND c."integratorId" = t."integratorId"
    WHERE t."num" = ANY(${nums}::int[]) AND t."machineId" IS NOT NULL`;
  const byNum = new Map(terms.map((t) => [t.num, t]));
  const units = new Map<string, Unit>();
  for (const p of pairs) {
    const t = byNum.get(p.terminal);
    if (!t) continue;
    const key = `${t.machineId}|${p.hour.getTime()}`;
    if (units.has(key)) continue;
    const { calendar, isDefault } = resolveCalendar(t.definition ?? null);
    units.set(key, {
      machineId: t.machineId,
      integratorId: t.integratorId,
      smeClientId: t.smeClientId,
      hour: p.hour,
      terminals: t.all.map(Number),
      calendar,
      defaultCalendar: t.definition == null || isDefault,
    });
  }
  return [...units.values()];
}

/** Every unit's samples: those of the hour and, flagged prev, each terminal's latest one before it. One statement. */
async function readSamples(tx: Raw, units: readonly Unit[]): Promise<SampleRow[]> {
  const idx: number[] = [];
  const term: number[] = [];
  const from: string[] = [];
  const to: string[] = [];
  units.forEach((u, i) => {
    for (const t of u.terminals) {
      idx.push(i);
      term.push(t);
      from.push(u.hour.toISOString());
      to.push(new Date(u.hour.getTime() + HOUR_MS).toISOString());
    }
  });
  return tx.$queryRaw<SampleRow[]>`
    WITH u AS (SELECT * FROM unnest(${idx}::int[], ${term}::int[], ${from}::timestamptz[], ${to}::timestamptz[]) AS u(i, term, f, t))
    SELECT u.i, false AS prev, s."terminal", s."seq", s."at", s."state", s."alarm", s."count", s."good", s."wh"
      FROM u JOIN "TelemetrySample" s ON s."terminal" = u.term AND s."at" >= u.f AND s."at" < u.t
    UNION ALL
    SELECT u.i, true AS prev, p."terminal", p."seq", p."at", p."state", p."alarm", p."count", p."good", p."wh"
      FROM u CROSS JOIN LATERAL (
        SELECT s."terminal", s."seq", s."at", s."state", s."alarm", s."count", s."good", s."wh" FROM "TelemetrySample" s
        WHERE s."terminal" = u.term AND s."at" < u.f ORDER BY s."at" DESC, s."seq" DESC LIMIT 1) p`;
}

/**
 * The engine's input for one unit. Each terminal's seq is unique only for that terminal: the samples of all the
 * machine's terminals (already one per (terminal, seq) in the store) get fresh sequence numbers in time order.
 */
function samplesOf(rows: readonly SampleRow[]): Sample[] {
  const prev = rows.filter((r) => r.prev).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  const inHour = rows.filter((r) => !r.prev);
  const ordered = [...(prev ? [prev] : []), ...inHour].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.terminal - b.terminal || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0),
  );
  return ordered.map((r, n) => {
    const s: Sample = { seq: BigInt(n), at: r.at, state: r.state as StateCode }; // a code the engine does not know reads as unknown
    if (r.alarm !== null) s.alarm = r.alarm;
    if (r.count !== null) s.count = Number(r.count);
    if (r.good !== null) s.good = Number(r.good);
    if (r.wh !== null) s.wh = BigInt(r.wh);
    return s;
  });
}

export type UnitResult = { unit: Unit; row: MachineHourValues | null; spans: { from: Date; to: Date; state: number; alarm: string | null }[] };

/** Runs the engine for each unit over [hour, min(hour + 1 h, now)). Pure given the rows read. */
export function computeUnits(units: readonly Unit[], rows: readonly SampleRow[], now: Date, heartbeatTimeoutMs?: number): UnitResult[] {
  const byUnit = units.map(() => [] as SampleRow[]);
  for (const r of rows) byUnit[r.i]?.push(r);
  const nowSec = Math.floor(now.getTime() / 1000) * 1000;
  return units.map((unit, i) => {
    const from = unit.hour;
    const to = new Date(Math.min(unit.hour.getTime() + HOUR_MS, nowSec));
    if (to <= from) return { unit, row: null, spans: [] };
    const samples = samplesOf(byUnit[i] as SampleRow[]);
    const records = computeHours({ samples, from, to, calendar: unit.calendar, heartbeatTimeoutMs });
    const hourRecords = recordsByHour(records).find((g) => g[0]?.hour.getTime() === from.getTime()) ?? [];
    const spans = stateSpans(samples, from, to, heartbeatTimeoutMs)
      .filter((s) => s.state !== 'unknown')
      .map((s) => ({ from: s.from, to: s.to, state: stateCodes[s.state], alarm: s.alarm ?? null }));
    return { unit, row: machineHourValues(hourRecords), spans };
  });
}

/** Upserts the hours computed, deletes those that came out empty, and replaces each hour's spans: four statements. */
async function writeResults(tx: Raw, results: readonly UnitResult[]): Promise<{ hours: number; spans: number }> {
  const kept = results.filter((r): r is UnitResult & { row: MachineHourValues } => r.row !== null);
  const col = <T>(f: (r: (typeof kept)[number]) => T) => kept.map(f);
  if (kept.length) {
    await tx.$executeRaw`
      INSERT INTO "MachineHour" ("integratorId", "smeClientId", "machineId", "hour", "plannedS", "runningS", "idleS", "stoppedS", "alarmS", "setupS",
        "unknownS", "plannedRunningS", "plannedIdleS", "plannedStoppedS", "plannedAlarmS", "plannedSetupS", "plannedUnknownS", "parts", "goodParts",
        "wh", "samples", "alarms", "defaultCalendar", "computedAt")
      SELECT u.*, now() FROM unnest(
        ${col((r) => r.unit.integratorId)}::text[], ${col((r) => r.unit.smeClientId)}::text[], ${col((r) => r.unit.machineId)}::text[],
        ${col((r) => r.unit.hour.toISOString())}::timestamptz[], ${col((r) => r.row.plannedS)}::int[], ${col((r) => r.row.runningS)}::int[],
        ${col((r) => r.row.idleS)}::int[], ${col((r) => r.row.stoppedS)}::int[], ${col((r) => r.row.alarmS)}::int[], ${col((r) => r.row.setupS)}::int[],
        ${col((r) => r.row.unknownS)}::int[], ${col((r) => r.row.plannedRunningS)}::int[], ${col((r) => r.row.plannedIdleS)}::int[],
        ${col((r) => r.row.plannedStoppedS)}::int[], ${col((r) => r.row.plannedAlarmS)}::int[], ${col((r) => r.row.plannedSetupS)}::int[],
        ${col((r) => r.row.plannedUnknownS)}::int[], ${col((r) => r.row.parts)}::int[], ${col((r) => r.row.goodParts)}::int[],
        ${col((r) => (r.row.wh === null ? null : r.row.wh.toString()))}::bigint[], ${col((r) => r.row.samples)}::int[],
        ${col((r) => (r.row.alarms ? JSON.stringify(r.row.alarms) : null))}::jsonb[], ${col((r) => r.unit.defaultCalendar)}::boolean[]
      ) AS u
      ON CONFLICT ("machineId", "hour") DO UPDATE SET "plannedS" = EXCLUDED."plannedS", "runningS" = EXCLUDED."runningS",
        "idleS" = EXCLUDED."idleS", "stoppedS" = EXCLUDED."stoppedS", "alarmS" = EXCLUDED."alarmS", "setupS" = EXCLUDED."setupS",
        "unknownS" = EXCLUDED."unknownS", "plannedRunningS" = EXCLUDED."plannedRunningS", "plannedIdleS" = EXCLUDED."plannedIdleS",
        "plannedStoppedS" = EXCLUDED."plannedStoppedS", "plannedAlarmS" = EXCLUDED."plannedAlarmS", "plannedSetupS" = EXCLUDED."plannedSetupS",
        "plannedUnknownS" = EXCLUDED."plannedUnknownS", "parts" = EXCLUDED."parts", "goodParts" = EXCLUDED."goodParts", "wh" = EXCLUDED."wh",
        "samples" = EXCLUDED."samples", "alarms" = EXCLUDED."alarms", "defaultCalendar" = EXCLUDED."defaultCalendar", "computedAt" = now()`;
  }
  const empty = results.filter((r) => r.row === null);
  if (empty.length) {
    await tx.$executeRaw`
      DELETE FROM "MachineHour" h USING unnest(${empty.map((r) => r.unit.machineId)}::text[], ${empty.map((r) => r.unit.hour.toISOString())}::timestamptz[]) AS u(m, h)
      WHERE h."machineId" = u.m AND h."hour" = u.h`;
  }
  await tx.$executeRaw`
    DELETE FROM "MachineStateSpan" s USING unnest(${results.map((r) => r.unit.machineId)}::text[], ${results.map((r) => r.unit.hour.toISOString())}::timestamptz[]) AS u(m, h)
    WHERE s."machineId" = u.m AND s."from" >= u.h AND s."from" < u.h + interval '1 hour'`;
  const spans = results.flatMap((r) => r.spans.map((s) => ({ ...s, unit: r.unit })));
  if (spans.length) {
    await tx.$executeRaw`
      INSERT INTO "MachineStateSpan" ("integratorId", "smeClientId", "machineId", "from", "to", "state", "alarm")
      SELECT * FROM unnest(${spans.map((s) => s.unit.integratorId)}::text[], ${spans.map((s) => s.unit.smeClientId)}::text[],
        ${spans.map((s) => s.unit.machineId)}::text[], ${spans.map((s) => s.from.toISOString())}::timestamptz[],
        ${spans.map((s) => s.to.toISOString())}::timestamptz[], ${spans.map((s) => s.state)}::smallint[], ${spans.map((s) => s.alarm)}::text[])`;
  }
  return { hours: kept.length, spans: spans.length };
}

/** Computes and stores a batch of units; `now` is the database's clock (an open hour is computed up to it). */
export async function rollUpUnits(tx: Raw, units: readonly Unit[], now: Date, heartbeatTimeoutMs?: number) {
  if (!units.length) return { hours: 0, spans: 0 };
  const rows = await readSamples(tx, units);
  return writeResults(tx, computeUnits(units, rows, now, heartbeatTimeoutMs));
}
