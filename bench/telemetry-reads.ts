/**
 * Telemetry reads at the scale of the TOMAN ×10 fleet (issue 19's proof): a machine's day timeline ≤ 50 ms, an SME's
 * plant floor ≤ 100 ms, an integrator's terminal health ≤ 200 ms (p95, through the procedures, on PostgreSQL).
 *
 * What it seeds, by set-based SQL (generate_series) into a database that already holds the fleet (bench/scale-seed.ts):
 * - a terminal and its health row on every machine in service of the integrator (≈ 122,000): 90 % reporting, 5 %
 *   silent for hours, 5 % never reported, 1 % with refused or malformed messages;
 * - 30 days of machine-hours (every hour, planned or not) and state spans (three a hour) for the machines of the
 *   first `smes` SMEs (default 100, BENCH_TELEMETRY_SMES: ≈ 2,100 machines, ≈ 1.6 million machine-hours, ≈ 4.8
 *   million spans; 200 SMEs took 20 minutes to write on this machine under load). The whole fleet would be 92 million
 *   machine-hours and 276 million spans, hours of writing here; the reads measured touch one machine or one SME through
 *   its indexes, so their cost does not depend on how many other SMEs have roll-ups (the terminal health read covers
 *   every terminal of the fleet).
 */
import type { PrismaClient } from '../server/db/generated/client';
import { markPooled } from '../server/db/scoped';
import { callerAs } from '../server/testing/caller';

export type TelemetryReadFigure = { read: string; p50: number; p95: number; targetMs: number; ok: boolean; note: string };

const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: Math.round(q(ms, 0.5) * 10) / 10, p95: Math.round(q(ms, 0.95) * 10) / 10 };
}

/** Terminals, health rows and 30 days of roll-ups (see above). Returns what it wrote. */
export async function seedTelemetryReads(db: PrismaClient, integratorId: string, opts: { smes?: number } = {}) {
  const started = performance.now();
  const terminals = await db.$executeRaw`
    INSERT INTO "Terminal" ("id", "integratorId", "smeClientId", "kind", "serial", "machineId", "secretHash")
    SELECT 'bt' || substr(md5(m."id"), 1, 22), m."integratorId", m."smeClientId", 'TERMINAL', 'BT-' || m."id", m."id", md5(m."id")
    FROM "Machine" m
    WHERE m."integratorId" = ${integratorId} AND m."status" <> 'RETIRED'
      AND NOT EXISTS (SELECT 1 FROM "Terminal" t WHERE t."machineId" = m."id" AND t."revokedAt" IS NULL)
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "TerminalHealth" ("terminalId", "integratorId", "smeClientId", "firstSeenAt", "lastSeenAt", "lastAt", "lastState", "accepted", "refused", "malformed")
    SELECT t."id", t."integratorId", t."smeClientId",
      CASE WHEN r < 0.95 THEN now() - interval '30 days' END,
      CASE WHEN r < 0.90 THEN now() - (r * interval '50 seconds') WHEN r < 0.95 THEN now() - interval '9 hours' END,
      CASE WHEN r < 0.90 THEN now() - (r * interval '50 seconds') WHEN r < 0.95 THEN now() - interval '9 hours' END,
      CASE WHEN r < 0.95 THEN 1 + floor(r * 1000)::int % 5 END,
      CASE WHEN r < 0.95 THEN 259200 ELSE 0 END,
      CASE WHEN r BETWEEN 0.50 AND 0.505 THEN 3 ELSE 0 END,
      CASE WHEN r BETWEEN 0.60 AND 0.605 THEN 2 ELSE 0 END
    FROM (SELECT t.*, random() AS r FROM "Terminal" t WHERE t."integratorId" = ${integratorId} AND t."serial" LIKE 'BT-%') t
    ON CONFLICT ("terminalId") DO UPDATE SET "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt", "lastAt" = EXCLUDED."lastAt",
      "lastState" = EXCLUDED."lastState", "accepted" = EXCLUDED."accepted", "refused" = EXCLUDED."refused", "malformed" = EXCLUDED."malformed"`;
  const smes = opts.smes ?? Number(process.env.BENCH_TELEMETRY_SMES ?? 100);
  const hours = await db.$executeRaw`
    INSERT INTO "MachineHour" ("integratorId", "smeClientId", "machineId", "hour", "plannedS", "runningS", "idleS", "stoppedS", "alarmS", "setupS",
      "unknownS", "plannedRunningS", "plannedIdleS", "plannedStoppedS", "plannedAlarmS", "plannedSetupS", "plannedUnknownS", "parts", "wh", "samples", "computedAt")
    SELECT m."integratorId", m."smeClientId", m."id", h, p, run, 3600 - run - 120, 0, 60, 60, 0, p * run / 3600, p * (3600 - run - 120) / 3600, 0,
      p * 60 / 3600, p * 60 / 3600, 0, run / 60, run * 3, 60, now()
    FROM (SELECT "id" FROM "SmeClient" WHERE "integratorId" = ${integratorId} ORDER BY "id" LIMIT ${smes}) s
    JOIN "Machine" m ON m."smeClientId" = s."id" AND m."status" <> 'RETIRED'
    CROSS JOIN generate_series(date_trunc('hour', now(), 'UTC') - interval '30 days', date_trunc('hour', now(), 'UTC') - interval '1 hour', interval '1 hour') h
    CROSS JOIN LATERAL (SELECT CASE WHEN extract(hour FROM h AT TIME ZONE 'Asia/Shanghai') BETWEEN 8 AND 23 THEN 3600 ELSE 0 END AS p,
      1800 + (abs(hashtext(m."id" || h::text)) % 1500) AS run) v
    ON CONFLICT DO NOTHING`;
  const spans = await db.$executeRaw`
    INSERT INTO "MachineStateSpan" ("integratorId", "smeClientId", "machineId", "from", "to", "state")
    SELECT m."integratorId", m."smeClientId", m."id", h + (k * interval '20 minutes'), h + ((k + 1) * interval '20 minutes'), 1 + (k + abs(hashtext(m."id")) % 3)
    FROM (SELECT "id" FROM "SmeClient" WHERE "integratorId" = ${integratorId} ORDER BY "id" LIMIT ${smes}) s
    JOIN "Machine" m ON m."smeClientId" = s."id" AND m."status" <> 'RETIRED'
    CROSS JOIN generate_series(date_trunc('hour', now(), 'UTC') - interval '30 days', date_trunc('hour', now(), 'UTC') - interval '1 hour', interval '1 hour') h
    CROSS JOIN generate_series(0, 2) k
    ON CONFLICT DO NOTHING`;
  // statistics as on a running system; the terminals' visibility map as autovacuum keeps it for a table that is written
  // rarely (their health rows, rewritten by every batch, are not vacuumed: their counts read the heap as they would live)
  await db.$executeRawUnsafe('VACUUM ANALYZE "Terminal"');
  await db.$executeRawUnsafe('ANALYZE "TerminalHealth", "MachineHour", "MachineStateSpan"');
  return { terminals, hours, spans, seconds: Math.round((performance.now() - started) / 1000) };
}

/**
 * Seeds (above) and times the three reads through the procedures, as the integrator's admin and, for the plant floor,
 * also as the SME's owner would see it. `users.admin` is a staff member of `integratorId`.
 */
export async function benchTelemetryReads(
  db: PrismaClient,
  w: { integratorId: string; users: { admin: string } },
  opts: { smes?: number; runs?: number; say?: (s: string) => void } = {},
): Promise<{ seeded: Awaited<ReturnType<typeof seedTelemetryReads>>; figures: TelemetryReadFigure[] }> {
  markPooled(db); // as the app's PostgreSQL client: a read procedure is one tenant transaction
  const say = opts.say ?? (() => {});
  say('telemetry: seeding terminals, health and 30 days of roll-ups');
  const seeded = await seedTelemetryReads(db, w.integratorId, opts);
  say(`telemetry: ${seeded.terminals} terminals, ${seeded.hours} machine-hours, ${seeded.spans} spans in ${seeded.seconds} s`);
  // the largest SME with roll-ups, and one of its machines
  const [sme] = await db.$queryRaw<{ smeClientId: string; machines: number }[]>`
    SELECT h."smeClientId", count(DISTINCT h."machineId")::int AS machines FROM "MachineHour" h
    WHERE h."integratorId" = ${w.integratorId}
      AND h."hour" = (SELECT max(x."hour") FROM "MachineHour" x WHERE x."integratorId" = ${w.integratorId}) GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  if (!sme) throw new Error('no roll-ups seeded');
  const machine = await db.machineHour.findFirstOrThrow({ where: { smeClientId: sme.smeClientId }, select: { machineId: true } });
  const api = await callerAs(db, w.users.admin, 'zh-CN');
  const runs = opts.runs ?? 50;
  const figures: TelemetryReadFigure[] = [];
  const add = (read: string, targetMs: number, note: string, t: { p50: number; p95: number }) =>
    figures.push({ read, ...t, targetMs, ok: t.p95 <= targetMs, note });
  add('machine day timeline', 50, 'telemetry.machineTimeline, today', await time(runs, () => api.telemetry.machineTimeline({ machineId: machine.machineId })));
  add(
    'machine 30 days',
    100,
    'telemetry.machineDays (not a target of the issue)',
    await time(runs, () => api.telemetry.machineDays({ machineId: machine.machineId, days: 30 })),
  );
  add(`SME plant floor (${sme.machines} machines)`, 100, 'telemetry.floor', await time(runs, () => api.telemetry.floor({ smeClientId: sme.smeClientId })));
  add('terminal health, page 1', 200, 'telemetry.terminalHealth, all SMEs', await time(runs, () => api.telemetry.terminalHealth({ page: 1, pageSize: 50 })));
  add(
    'terminal health page, page 1',
    200,
    'telemetry.terminalHealth + telemetry.connectedSmes, as the page asks',
    await time(runs, () => Promise.all([api.telemetry.terminalHealth({ page: 1, pageSize: 50 }), api.telemetry.connectedSmes()])),
  );
  add(
    'terminal health, silent',
    200,
    'telemetry.terminalHealth, state = silent',
    await time(runs, () => api.telemetry.terminalHealth({ state: 'silent', page: 1, pageSize: 50 })),
  );
  add(
    'terminal health, one SME',
    200,
    'telemetry.terminalHealth, one SME',
    await time(runs, () => api.telemetry.terminalHealth({ smeClientId: sme.smeClientId, page: 1, pageSize: 50 })),
  );
  return { seeded, figures };
}
