/**
 * Terminal health for the integrator's staff, across all its SMEs: which terminals report, which went silent, which
 * never reported, and which send messages that are refused or malformed. Filters by SME, state and serial; paged.
 * The counts are one statement (with the tenant key in its WHERE, and row-level security behind it); the page is
 * one more, ordered by serial (the integrator's unique index).
 */
import type { Prisma } from '../../db/generated/client';
import type { ScopedOrTx } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { pageWindow } from '../../domain/paging';
import { stateName } from '../../domain/telemetry/payload';
import { HEARTBEAT_TIMEOUT_MS } from './reads-common';

export const healthStates = ['reporting', 'silent', 'never', 'problems'] as const;
export type HealthState = (typeof healthStates)[number];

export type TerminalHealthInput = { smeClientId?: string; state?: HealthState; q?: string; page: number; pageSize: number };

function stateWhere(state: HealthState | undefined, cut: Date): Prisma.TerminalWhereInput {
  switch (state) {
    case 'reporting':
      return { health: { is: { lastAt: { gte: cut } } } };
    case 'silent':
      return { health: { is: { lastSeenAt: { not: null }, OR: [{ lastAt: null }, { lastAt: { lt: cut } }] } } };
    case 'never':
      return { OR: [{ health: { is: null } }, { health: { is: { lastSeenAt: null } } }] };
    case 'problems':
      return { health: { is: { OR: [{ refused: { gt: 0 } }, { malformed: { gt: 0 } }] } } };
    default:
      return {};
  }
}

/** The integrator's SMEs that have a live terminal (for choosing one), by name; at most 2,000. */
export async function connectedSmes(db: ScopedOrTx, scope: IntegratorScope) {
  return db.$queryRaw<{ id: string; legalName: string; legalNameEn: string | null }[]>`
    SELECT s."id", s."legalName", s."legalNameEn" FROM "SmeClient" s
    WHERE s."integratorId" = ${scope.integratorId}
      AND s."id" IN (SELECT t."smeClientId" FROM "Terminal" t WHERE t."integratorId" = ${scope.integratorId} AND t."revokedAt" IS NULL)
    ORDER BY s."legalName", s."id" LIMIT 2000`;
}

export async function terminalHealth(db: ScopedOrTx, scope: IntegratorScope, input: TerminalHealthInput, now = new Date()) {
  const cut = new Date(now.getTime() - HEARTBEAT_TIMEOUT_MS);
  const sme = input.smeClientId ?? null;
  const q = input.q?.trim() || null;
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const [countRows] = await Promise.all([
    db.$queryRaw<{ all: number; reporting: number; silent: number; never: number; problems: number }[]>`
      SELECT count(*)::int AS "all",
        count(*) FILTER (WHERE h."lastAt" >= ${cut})::int AS "reporting",
        count(*) FILTER (WHERE h."lastSeenAt" IS NOT NULL AND (h."lastAt" IS NULL OR h."lastAt" < ${cut}))::int AS "silent",
        count(*) FILTER (WHERE h."lastSeenAt" IS NULL)::int AS "never",
        count(*) FILTER (WHERE h."refused" > 0 OR h."malformed" > 0)::int AS "problems"
      FROM "Terminal" t LEFT JOIN "TerminalHealth" h ON h."terminalId" = t."id"
      WHERE t."integratorId" = ${scope.integratorId} AND t."revokedAt" IS NULL AND t."kind" = 'TERMINAL'
        AND (${sme}::text IS NULL OR t."smeClientId" = ${sme}) AND (${like}::text IS NULL OR t."serial" ILIKE ${like})`,
  ]);
  // gateways report nothing of their own: each is as alive as the terminals it carries
  const gateways = await db.terminal.findMany({
    where: { revokedAt: null, kind: 'GATEWAY', ...(sme ? { smeClientId: sme } : {}) },
    orderBy: { serial: 'asc' },
    take: 100,
    select: {
      id: true,
      serial: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
      carried: { where: { revokedAt: null }, select: { health: { select: { lastSeenAt: true } } } },
    },
  });
  const counts = countRows[0] ?? { all: 0, reporting: 0, silent: 0, never: 0, problems: 0 };
  const where: Prisma.TerminalWhereInput = {
    revokedAt: null,
    kind: 'TERMINAL',
    ...(sme ? { smeClientId: sme } : {}),
    ...(q ? { serial: { contains: q, mode: 'insensitive' } } : {}),
    ...stateWhere(input.state, cut),
  };
  const rows = await db.terminal.findMany({
    where,
    orderBy: { serial: 'asc' },
    ...pageWindow(input),
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
