/**
 * Terminal health for the integrator's staff, across all its SMEs: which terminals report, which went silent, which
 * never reported, and which send messages that are refused or malformed. Filters by SME, state and serial; paged.
 *
 * At the TOMAN ×10 fleet (≈ 127,000 terminals in one integrator) a count that joins every terminal to its health row
 * took 370 ms; the counts now read partial indexes instead (migration terminal_health_counts): every terminal has a
 * health row from the start, flagged `live` while it is a data terminal that is not revoked, so the few silent, never
 * and problem terminals are counted on their own small indexes, the live terminals on Terminal's (index-only), and
 * the reporting ones are the rest. A filter by SME or serial counts the few rows it selects with one join instead.
 * The page is the ids in serial order (one statement), then their rows. Every statement carries the tenant key in
 * its WHERE, with row-level security behind it; times are compared as UTC `timestamp` (the columns' type), so the
 * comparison is leakproof and row-level security lets it use the index.
 */
import { Prisma } from '../../db/generated/client';
import type { ScopedOrTx } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { pageWindow } from '../../domain/paging';
import { stateName } from '../../domain/telemetry/payload';
import { HEARTBEAT_TIMEOUT_MS } from './reads-common';

export const healthStates = ['reporting', 'silent', 'never', 'problems'] as const;
export type HealthState = (typeof healthStates)[number];

export type TerminalHealthInput = { smeClientId?: string; state?: HealthState; q?: string; page: number; pageSize: number };

type Counts = { all: number; reporting: number; silent: number; never: number; problems: number };

/** A moment as the health columns hold it: UTC `timestamp(3)`. */
const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** Each state as a condition on the health row `h` (a live terminal's). */
function stateSql(state: HealthState, cut: Date): Prisma.Sql {
  switch (state) {
    case 'reporting':
      return Prisma.sql`h."lastSeenAt" IS NOT NULL AND h."lastAt" >= ${utc(cut)}`;
    case 'silent':
      return Prisma.sql`h."lastSeenAt" IS NOT NULL AND (h."lastAt" IS NULL OR h."lastAt" < ${utc(cut)})`;
    case 'never':
      return Prisma.sql`h."lastSeenAt" IS NULL`;
    case 'problems':
      return Prisma.sql`(h."refused" > 0 OR h."malformed" > 0)`;
  }
}

/** The whole integrator's counts, on the partial indexes (see above). */
async function fleetCounts(db: ScopedOrTx, integratorId: string, cut: Date): Promise<Counts> {
  const [r] = await db.$queryRaw<Omit<Counts, 'reporting'>[]>`
    SELECT
      (SELECT count(*) FROM "Terminal" t WHERE t."integratorId" = ${integratorId} AND t."revokedAt" IS NULL AND t."kind" = 'TERMINAL')::int AS "all",
      ((SELECT count(*) FROM "TerminalHealth" h WHERE h."integratorId" = ${integratorId} AND h."live" AND h."lastSeenAt" IS NOT NULL AND h."lastAt" < ${utc(cut)})
        + (SELECT count(*) FROM "TerminalHealth" h WHERE h."integratorId" = ${integratorId} AND h."live" AND h."lastSeenAt" IS NOT NULL AND h."lastAt" IS NULL))::int AS "silent",
      (SELECT count(*) FROM "TerminalHealth" h WHERE h."integratorId" = ${integratorId} AND h."live" AND h."lastSeenAt" IS NULL)::int AS "never",
      (SELECT count(*) FROM "TerminalHealth" h WHERE h."integratorId" = ${integratorId} AND h."live" AND (h."refused" > 0 OR h."malformed" > 0))::int AS "problems"`;
  const c = r ?? { all: 0, silent: 0, never: 0, problems: 0 };
  return { ...c, reporting: Math.max(0, c.all - c.silent - c.never) };
}

/** The counts of the terminals a filter by SME or serial selects (few): one join. */
async function filteredCounts(db: ScopedOrTx, integratorId: string, where: Prisma.Sql, cut: Date): Promise<Counts> {
  const [r] = await db.$queryRaw<Counts[]>`
    SELECT count(*)::int AS "all",
      count(*) FILTER (WHERE ${stateSql('reporting', cut)})::int AS "reporting",
      count(*) FILTER (WHERE ${stateSql('silent', cut)})::int AS "silent",
      count(*) FILTER (WHERE ${stateSql('never', cut)})::int AS "never",
      count(*) FILTER (WHERE ${stateSql('problems', cut)})::int AS "problems"
    FROM "Terminal" t JOIN "TerminalHealth" h ON h."terminalId" = t."id" AND h."integratorId" = ${integratorId}
    WHERE ${where}`;
  return r ?? { all: 0, reporting: 0, silent: 0, never: 0, problems: 0 };
}

/**
 * Which gateways a filter shows. A gateway is as alive as the terminals it carries: reporting when one of them reports,
 * silent when one was heard but none reports now, never when none was ever heard (or it carries none), with problems
 * when it or one of them had messages refused or malformed. A search matches its own serial or a carried terminal's.
 */
function gatewayWhere(f: { sme: string | null; q: string | null; state: HealthState | null; cut: Date }): Prisma.TerminalWhereInput[] {
  const live = { revokedAt: null, kind: 'TERMINAL' } as const;
  const problems: Prisma.TerminalHealthWhereInput = { OR: [{ refused: { gt: 0n } }, { malformed: { gt: 0n } }] };
  const reporting: Prisma.TerminalWhereInput = { carried: { some: { ...live, health: { lastSeenAt: { not: null }, lastAt: { gte: f.cut } } } } };
  const heard: Prisma.TerminalWhereInput = { carried: { some: { ...live, health: { lastSeenAt: { not: null } } } } };
  const byState: Record<HealthState, Prisma.TerminalWhereInput> = {
    reporting,
    silent: { AND: [heard, { NOT: reporting }] },
    never: { NOT: heard },
    problems: { OR: [{ health: problems }, { carried: { some: { ...live, health: problems } } }] },
  };
  return [
    { revokedAt: null, kind: 'GATEWAY' },
    f.sme ? { smeClientId: f.sme } : {},
    f.q ? { OR: [{ serial: { contains: f.q, mode: 'insensitive' } }, { carried: { some: { ...live, serial: { contains: f.q, mode: 'insensitive' } } } }] } : {},
    f.state ? byState[f.state] : {},
  ];
}

/** The integrator's SMEs that have a live terminal (for choosing one), by name; at most 2,000. */
export async function connectedSmes(db: ScopedOrTx, scope: IntegratorScope) {
  return db.$queryRaw<{ id: string; legalName: string; legalNameEn: string | null }[]>`
    SELECT s."id", s."legalName", s."legalNameEn" FROM "SmeClient" s
    WHERE s."integratorId" = ${scope.integratorId}
      AND EXISTS (SELECT 1 FROM "Terminal" t WHERE t."smeClientId" = s."id" AND t."integratorId" = ${scope.integratorId} AND t."revokedAt" IS NULL)
    ORDER BY s."legalName", s."id" LIMIT 2000`;
}

export async function terminalHealth(db: ScopedOrTx, scope: IntegratorScope, input: TerminalHealthInput, now = new Date()) {
  const cut = new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS);
  const integratorId = scope.integratorId;
  const sme = input.smeClientId ?? null;
  const q = input.q?.trim() || null;
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  // the live data terminals a filter selects: `live` on the health row is "not revoked and not a gateway"; the search
  // matches the terminal's serial or its machine's asset tag
  const live = Prisma.sql`t."integratorId" = ${integratorId} AND t."revokedAt" IS NULL AND t."kind" = 'TERMINAL' AND h."live"
    AND (${sme}::text IS NULL OR t."smeClientId" = ${sme}) AND (${like}::text IS NULL OR t."serial" ILIKE ${like}
      OR EXISTS (SELECT 1 FROM "Machine" m WHERE m."id" = t."machineId" AND m."integratorId" = ${integratorId} AND m."assetTag" ILIKE ${like}))`;
  // an SME the caller cannot see (another tenant's, or none) answers NOT_FOUND, as every read by id does
  if (sme && !(await db.smeClient.findUnique({ where: { id: sme }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  const counts = sme || q ? await filteredCounts(db, integratorId, live, cut) : await fleetCounts(db, integratorId, cut);
  const { skip, take } = pageWindow(input);
  const pageIds = (
    await db.$queryRaw<{ id: string }[]>`
      SELECT t."id" FROM "Terminal" t JOIN "TerminalHealth" h ON h."terminalId" = t."id" AND h."integratorId" = ${integratorId}
      WHERE ${live} AND ${input.state ? stateSql(input.state, cut) : Prisma.sql`TRUE`}
      ORDER BY t."serial" LIMIT ${take} OFFSET ${skip}`
  ).map((r) => r.id);
  // gateways report nothing of their own: each is as alive as the terminals it carries, and follows the page's filters
  const gateways = await db.terminal.findMany({
    where: { AND: gatewayWhere({ sme, q, state: input.state ?? null, cut }) },
    orderBy: { serial: 'asc' },
    take: 100,
    select: {
      id: true,
      serial: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
      carried: { where: { revokedAt: null }, select: { health: { select: { lastSeenAt: true } } } },
    },
  });
  const rows = await db.terminal.findMany({
    where: { id: { in: pageIds } },
    orderBy: { serial: 'asc' },
    select: {
      id: true,
      serial: true,
      kind: true,
      createdAt: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
      machine: { select: { id: true, assetTag: true } },
      health: {
        select: {
          firstSeenAt: true,
          lastSeenAt: true,
          lastAt: true,
          lastState: true,
          lastAlarm: true,
          accepted: true,
          duplicates: true,
          refused: true,
          malformed: true,
          lastProblem: true,
          lastProblemAt: true,
        },
      },
    },
  });
  return {
    counts,
    total: input.state ? counts[input.state] : counts.all,
    page: input.page,
    pageSize: input.pageSize,
    gateways: gateways.map((g) => {
      const seen = g.carried.map((c) => c.health?.lastSeenAt?.getTime() ?? 0).filter((x) => x > 0);
      return { id: g.id, serial: g.serial, sme: g.smeClient, carried: g.carried.length, lastSeenAt: seen.length ? new Date(Math.max(...seen)) : null };
    }),
    rows: rows.map((r) => {
      const h = r.health;
      const state: Exclude<HealthState, 'problems'> = !h?.lastSeenAt ? 'never' : h.lastAt && h.lastAt >= cut ? 'reporting' : 'silent';
      return {
        id: r.id,
        serial: r.serial,
        kind: r.kind,
        createdAt: r.createdAt,
        sme: r.smeClient,
        machine: r.machine,
        state,
        lastState: h?.lastState == null ? null : stateName(h.lastState),
        lastSeenAt: h?.lastSeenAt ?? null,
        lastAt: h?.lastAt ?? null,
        accepted: Number(h?.accepted ?? 0n),
        duplicates: Number(h?.duplicates ?? 0n),
        refused: Number(h?.refused ?? 0n),
        malformed: Number(h?.malformed ?? 0n),
        lastProblem: h?.lastProblem ?? null,
        lastProblemAt: h?.lastProblemAt ?? null,
      };
    }),
  };
}
