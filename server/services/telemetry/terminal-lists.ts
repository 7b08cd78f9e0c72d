/**
 * Reading terminals: a machine's, an SME's (terminals and gateways, with their health), a project's machines (and
 * whether each one's terminal has reported: commissioning needs it). Never the secret or its hash. Staff read the
 * counts of refused and malformed messages and the last problem; an SME owner reads serial, machine and when it was
 * last seen.
 */
import type { ScopedDb } from '../../db/scoped';
import type { ScopedOrTx } from '../../db/tx';
import type { Scope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { topicFor } from '../../domain/telemetry-topics';
import { machinesNotReady, readinessOf, terminalHealthStatus } from '../../domain/terminals/health';

const terminalSelect = {
  id: true,
  kind: true,
  serial: true,
  machineId: true,
  gatewayId: true,
  secretSetAt: true,
  revokedAt: true,
  createdAt: true,
  machine: { select: { assetTag: true, kind: true, status: true } },
  gateway: { select: { serial: true, revokedAt: true } },
  health: {
    select: {
      firstSeenAt: true,
      lastSeenAt: true,
      lastState: true,
      lastAlarm: true,
      accepted: true,
      refused: true,
      malformed: true,
      lastProblem: true,
      lastProblemAt: true,
    },
  },
} as const;

type Row = {
  id: string;
  kind: 'TERMINAL' | 'GATEWAY';
  serial: string;
  machineId: string | null;
  gatewayId: string | null;
  secretSetAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  machine: { assetTag: string; kind: string; status: string } | null;
  gateway: { serial: string; revokedAt: Date | null } | null;
  health: {
    firstSeenAt: Date | null;
    lastSeenAt: Date | null;
    lastState: number | null;
    lastAlarm: string | null;
    accepted: bigint;
    refused: bigint;
    malformed: bigint;
    lastProblem: string | null;
    lastProblemAt: Date | null;
  } | null;
};

/** One terminal as its reader may see it: staff see the health counters and the topic, an owner what it is and when it was seen. */
function present(r: Row, scope: Scope, now: Date) {
  const status = terminalHealthStatus({ revokedAt: r.revokedAt, lastSeenAt: r.health?.lastSeenAt }, now);
  const base = {
    id: r.id,
    kind: r.kind,
    serial: r.serial,
    machineId: r.machineId,
    assetTag: r.machine?.assetTag ?? null,
    machineKind: r.machine?.kind ?? null,
    gatewayId: r.gatewayId,
    gatewaySerial: r.gateway?.serial ?? null,
    revokedAt: r.revokedAt,
    createdAt: r.createdAt,
    status,
    firstSeenAt: r.health?.firstSeenAt ?? null,
    lastSeenAt: r.health?.lastSeenAt ?? null,
  };
  if (scope.kind !== 'integrator') return { ...base, staff: null };
  return {
    ...base,
    staff: {
      topic: topicFor(r.id),
      secretSetAt: r.secretSetAt,
      accepted: r.health?.accepted ?? 0n,
      refused: r.health?.refused ?? 0n,
      malformed: r.health?.malformed ?? 0n,
      lastProblem: r.health?.lastProblem ?? null,
      lastProblemAt: r.health?.lastProblemAt ?? null,
    },
  };
}
export type TerminalView = ReturnType<typeof present>;

/** A machine's terminals, the live one first, then the revoked ones newest first (its history). */
export async function listMachineTerminals(db: ScopedDb, scope: Scope, machineId: string, now = new Date()) {
  const machine = await db.machine.findUnique({ where: { id: machineId }, select: { id: true, status: true, smeClientId: true } });
  if (!machine) throw new AppError('NOT_FOUND');
  const rows = (await db.terminal.findMany({
    where: { machineId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: 50,
    select: terminalSelect,
  })) as Row[];
  const views = rows.map((r) => present(r, scope, now));
  const live = views.find((v) => !v.revokedAt) ?? null;
  const gateways =
    scope.kind === 'integrator'
      ? await db.terminal.findMany({
          where: { smeClientId: machine.smeClientId, kind: 'GATEWAY', revokedAt: null },
          orderBy: { serial: 'asc' },
          select: { id: true, serial: true },
        })
      : [];
  return { machineId, machineStatus: machine.status, live, history: views.filter((v) => v !== live), gateways };
}

/** An SME's terminals and gateways, live first; with the revoked ones when asked. */
export async function listSmeTerminals(db: ScopedDb, scope: Scope, input: { smeClientId: string; includeRevoked?: boolean }, now = new Date()) {
  const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  const rows = (await db.terminal.findMany({
    where: { smeClientId: sme.id, ...(input.includeRevoked ? {} : { revokedAt: null }) },
    orderBy: [{ kind: 'desc' }, { serial: 'asc' }],
    take: 5_000,
    select: terminalSelect,
  })) as Row[];
  const views = rows.map((r) => present(r, scope, now));
  const count = (s: string) => views.filter((v) => v.kind === 'TERMINAL' && v.status === s).length;
  return {
    gateways: views.filter((v) => v.kind === 'GATEWAY'),
    terminals: views.filter((v) => v.kind === 'TERMINAL'),
    counts: { reporting: count('reporting'), silent: count('silent'), never: count('never'), revoked: count('revoked') },
  };
}

/**
 * Each machine of a project with its live terminal and whether that terminal has reported: what commissioning asks.
 * Used by the project page and, inside the commissioning transaction, by the guard.
 */
export async function projectTerminalReadiness(db: ScopedOrTx, projectId: string) {
  const machines = await db.projectMachine.findMany({
    where: { projectId },
    select: {
      machine: {
        select: {
          id: true,
          assetTag: true,
          kind: true,
          status: true,
          terminals: {
            where: { revokedAt: null },
            take: 1,
            select: { id: true, serial: true, health: { select: { firstSeenAt: true, lastSeenAt: true } } },
          },
        },
      },
    },
    orderBy: { machine: { assetTag: 'asc' } },
  });
  return machines.map(({ machine: m }) => {
    const t = m.terminals[0] ?? null;
    return {
      machineId: m.id,
      assetTag: m.assetTag,
      kind: m.kind,
      terminalId: t?.id ?? null,
      serial: t?.serial ?? null,
      firstSeenAt: t?.health?.firstSeenAt ?? null,
      lastSeenAt: t?.health?.lastSeenAt ?? null,
      readiness: readinessOf(m.status, t ? { firstSeenAt: t.health?.firstSeenAt ?? null } : null),
    };
  });
}

export async function listProjectTerminals(db: ScopedDb, projectId: string) {
  const p = await db.project.findUnique({ where: { id: projectId }, select: { id: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  const machines = await projectTerminalReadiness(db, projectId);
  return { projectId, status: p.status, machines, ready: machines.filter((m) => m.readiness === 'ready').length, blocking: machinesNotReady(machines) };
}
