/**
 * The one write of a batch: its samples and the health of every terminal it touched, in ONE statement (so one
 * transaction, one round trip): a multi-row INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING whose RETURNING
 * names the samples that were new (the others were already stored: duplicates), and, in a data-modifying CTE reading
 * that RETURNING, one upsert of TerminalHealth rows: counters added, first/last seen set, and the last state only when
 * the batch's newest sample is newer than the one stored (late data never rewinds "status now").
 *
 * Timestamps travel as ISO text in UTC; the health columns are `timestamp(3)` (UTC by the app's convention), the
 * sample columns `timestamptz(3)`; the conversion names UTC explicitly, whatever the session's time zone.
 */
import { contentionAppError } from '../../db/errors';
import type { SqlRunner } from './sql-runner';

export type SampleRow = {
  num: number;
  seq: bigint;
  at: Date;
  state: number;
  alarm: string | null;
  count: number | null;
  good: number | null;
  wh: bigint | null;
  extra: Record<string, unknown> | null;
};

export type HealthDelta = {
  terminalId: string;
  integratorId: string;
  smeClientId: string;
  num: number;
  /** samples of this terminal sent to the INSERT (accepted = those returned, duplicates = the rest) */
  candidates: number;
  refused: number;
  malformed: number;
  problem: string | null;
};

const writeSql = `WITH s AS (
  SELECT * FROM unnest($1::int[], $2::bigint[], $3::timestamptz[], $4::smallint[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::jsonb[])
    AS s(terminal, seq, at, state, alarm, count, good, wh, extra)
), ins AS (
  INSERT INTO "TelemetrySample" (terminal, seq, at, "receivedAt", state, alarm, count, good, wh, extra)
  SELECT terminal, seq, at, $10::timestamptz, state, alarm, count, good, wh, extra FROM s
  ON CONFLICT DO NOTHING
  RETURNING terminal, seq, at, state, alarm
), h AS (
  SELECT * FROM unnest($11::text[], $12::text[], $13::text[], $14::int[], $15::int[], $16::int[], $17::int[], $18::text[])
    AS h(tid, integ, sme, num, candidates, refused, malformed, problem)
), counts AS (
  SELECT terminal, count(*)::int AS n FROM ins GROUP BY terminal
), latest AS (
  SELECT DISTINCT ON (terminal) terminal, at, state, alarm FROM ins ORDER BY terminal, at DESC
), up AS (
  INSERT INTO "TerminalHealth" AS th ("terminalId", "integratorId", "smeClientId", "firstSeenAt", "lastSeenAt", "lastAt", "lastState",
    "lastAlarm", accepted, duplicates, refused, malformed, "lastProblem", "lastProblemAt")
  SELECT h.tid, h.integ, h.sme,
    CASE WHEN c.n > 0 THEN $10::timestamptz AT TIME ZONE 'UTC' END, CASE WHEN c.n > 0 THEN $10::timestamptz AT TIME ZONE 'UTC' END,
    l.at AT TIME ZONE 'UTC', l.state, l.alarm,
    COALESCE(c.n, 0), h.candidates - COALESCE(c.n, 0), h.refused, h.malformed,
    h.problem, CASE WHEN h.problem IS NOT NULL THEN $10::timestamptz AT TIME ZONE 'UTC' END
  FROM h LEFT JOIN counts c ON c.terminal = h.num LEFT JOIN latest l ON l.terminal = h.num
  ORDER BY h.tid
  ON CONFLICT ("terminalId") DO UPDATE SET
    "firstSeenAt" = COALESCE(th."firstSeenAt", EXCLUDED."firstSeenAt"),
    "lastSeenAt" = GREATEST(th."lastSeenAt", EXCLUDED."lastSeenAt"),
    "lastAt" = CASE WHEN EXCLUDED."lastAt" > th."lastAt" OR th."lastAt" IS NULL THEN COALESCE(EXCLUDED."lastAt", th."lastAt") ELSE th."lastAt" END,
    "lastState" = CASE WHEN EXCLUDED."lastAt" > th."lastAt" OR th."lastAt" IS NULL THEN COALESCE(EXCLUDED."lastState", th."lastState") ELSE th."lastState" END,
    "lastAlarm" = CASE WHEN EXCLUDED."lastAt" > th."lastAt" OR (th."lastAt" IS NULL AND EXCLUDED."lastAt" IS NOT NULL) THEN EXCLUDED."lastAlarm" ELSE th."lastAlarm" END,
    accepted = th.accepted + EXCLUDED.accepted,
    duplicates = th.duplicates + EXCLUDED.duplicates,
    refused = th.refused + EXCLUDED.refused,
    malformed = th.malformed + EXCLUDED.malformed,
    "lastProblem" = COALESCE(EXCLUDED."lastProblem", th."lastProblem"),
    "lastProblemAt" = COALESCE(EXCLUDED."lastProblemAt", th."lastProblemAt")
  RETURNING 1
)
SELECT terminal, seq::text AS seq FROM ins`;

/** The key of a stored sample, as the RETURNING names it. */
export const sampleKey = (num: number, seq: bigint | string) => `${num}:${seq}`;

/** Writes a batch; returns the keys of the samples that were new. Retries a deadlock or serialization failure twice. */
export async function writeBatch(sql: SqlRunner, rows: SampleRow[], health: HealthDelta[], receivedAt: Date): Promise<Set<string>> {
  if (rows.length === 0 && health.length === 0) return new Set();
  const params = [
    rows.map((r) => r.num),
    rows.map((r) => r.seq.toString()),
    rows.map((r) => r.at.toISOString()),
    rows.map((r) => r.state),
    rows.map((r) => r.alarm),
    rows.map((r) => (r.count === null ? null : String(r.count))),
    rows.map((r) => (r.good === null ? null : String(r.good))),
    rows.map((r) => (r.wh === null ? null : r.wh.toString())),
    rows.map((r) => (r.extra === null ? null : JSON.stringify(r.extra))),
    receivedAt.toISOString(),
    health.map((h) => h.terminalId),
    health.map((h) => h.integratorId),
    health.map((h) => h.smeClientId),
    health.map((h) => h.num),
    health.map((h) => h.candidates),
    health.map((h) => h.refused),
    health.map((h) => h.malformed),
    health.map((h) => (h.problem === null ? null : h.problem.slice(0, 200))),
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await sql.query<{ terminal: number; seq: string }>(writeSql, params);
      return new Set(stored.map((r) => sampleKey(Number(r.terminal), r.seq)));
    } catch (e) {
      if (attempt >= 3 || !contentionAppError(e)) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}
