/**
 * The watch after verification (server/domain/results/watch.ts): for one verified project, its machines now (silent /
 * unused / ok) and the 30-, 90- and 180-day checkpoints; for the integrator's to-dos, the verified projects with a
 * silent or unused machine. Read through the tenant gate; a few grouped queries whatever the number of machines.
 */
import type { ScopedOrTx } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { EMPTY_TOTALS } from '../../domain/results/measure';
import { CHECKPOINT_DAYS, type CheckpointCount, checkpointsReached, countCheckpoint, machineFlag, RECENT_DAYS } from '../../domain/results/watch';
import { addDays, shanghaiDate } from '../../domain/time';
import { asCountyReader, type PackReaderContext } from '../acceptance/pack-access';
import { calendarOf } from '../telemetry/reads-common';
import { machineWindowTotals, windowMoments } from './window-totals';

const machineSelect = {
  machine: {
    select: { id: true, assetTag: true, terminals: { where: { revokedAt: null }, select: { health: { select: { lastAt: true, lastSeenAt: true } } } } },
  },
} as const;
type MachineRow = { machine: { id: string; assetTag: string; terminals: { health: { lastAt: Date | null; lastSeenAt: Date | null } | null }[] } };

function lastHeardOf(m: MachineRow['machine']): Date | null {
  let last: Date | null = null;
  for (const t of m.terminals) {
    const at = t.health?.lastAt ?? t.health?.lastSeenAt ?? null;
    if (at && (!last || at > last)) last = at;
  }
  return last;
}

async function flagsOf(db: ScopedOrTx, machines: MachineRow[], now: Date) {
  const recent = await machineWindowTotals(
    db,
    machines.map((m) => m.machine.id),
    { from: new Date(now.getTime() - RECENT_DAYS * 86_400_000), to: now },
    null,
  );
  return machines.map(({ machine: m }) => {
    const lastHeard = lastHeardOf(m);
    return {
      machineId: m.id,
      assetTag: m.assetTag,
      lastHeard,
      flag: machineFlag({ machineId: m.id, assetTag: m.assetTag, lastHeard, recent: recent.get(m.id) ?? EMPTY_TOTALS }, now),
    };
  });
}

export async function projectWatch(db: ScopedOrTx, projectId: string, now = new Date()) {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: {
      status: true,
      smeClientId: true,
      machines: { select: machineSelect },
      statusChanges: { where: { to: 'VERIFIED' }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
  });
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'VERIFIED' || !p.statusChanges[0]) return null;
  const verifiedDay = shanghaiDate(p.statusChanges[0].at);
  const { days, reached } = checkpointsReached(verifiedDay, shanghaiDate(now));
  const { calendar } = await calendarOf(db, p.smeClientId);
  const ids = p.machines.map((m) => m.machine.id);
  const checkpoints: CheckpointCount[] = await Promise.all(
    CHECKPOINT_DAYS.map(async (day) => {
      if (!reached.includes(day)) return countCheckpoint(day, false, []);
      const window = { from: addDays(verifiedDay, day - 30), to: addDays(verifiedDay, day - 1) };
      const totals = await machineWindowTotals(db, ids, windowMoments(window), calendar);
      return countCheckpoint(
        day,
        true,
        ids.map((id) => totals.get(id) ?? EMPTY_TOTALS),
      );
    }),
  );
  const machines = (await flagsOf(db, p.machines, now)).sort((a, b) => a.assetTag.localeCompare(b.assetTag));
  return { verifiedDay, days, checkpoints, machines };
}

/**
 * Verified projects with machines gone silent (more than a shift) or unused: the integrator's to-do "machinesSilent",
 * and, narrowed to the projects of its funded claims (`projectIds`), the county's "fundedMachinesSilent".
 */
export async function projectsWithSilentMachines(db: ScopedOrTx, now = new Date(), limit = 200, projectIds?: readonly string[]) {
  if (projectIds && !projectIds.length) return [];
  const projects = await db.project.findMany({
    where: { status: 'VERIFIED', ...(projectIds ? { id: { in: [...projectIds] } } : {}) },
    orderBy: { updatedAt: 'asc' },
    take: limit,
    select: { id: true, number: true, title: true, updatedAt: true, smeClient: { select: { legalName: true } }, machines: { select: machineSelect } },
  });
  if (!projects.length) return [];
  const flags = await flagsOf(
    db,
    projects.flatMap((p) => p.machines),
    now,
  );
  const byMachine = new Map(flags.map((f) => [f.machineId, f]));
  return projects.flatMap((p) => {
    const mine = p.machines.map((m) => byMachine.get(m.machine.id)).filter((f) => f !== undefined);
    const silent = mine.filter((f) => f.flag === 'silent');
    const unused = mine.filter((f) => f.flag === 'unused');
    if (!silent.length && !unused.length) return [];
    const since =
      silent
        .map((f) => f.lastHeard)
        .filter((d): d is Date => d !== null)
        .sort((a, b) => a.getTime() - b.getTime())[0] ?? p.updatedAt;
    const flagged = [...silent, ...unused].map((f) => ({ machineId: f.machineId, flag: f.flag }));
    return [{ project: p, silent: silent.length, unused: unused.length, machines: mine.length, since, flagged }];
  });
}

/**
 * The watch of a claim's project, as the claim page shows it: staff and the owner through the tenant gate; a county
 * official for a claim of its own (found through the gate) through the county's database role, narrowed to that
 * claim's project. null before verification.
 */
export async function claimWatch(c: PackReaderContext, claimId: string, now = new Date()) {
  const claim = await c.db.claim.findUnique({ where: { id: claimId }, select: { projectId: true } });
  if (!claim) throw new AppError('NOT_FOUND');
  if (c.scope.kind === 'county') return asCountyReader(c, (db) => projectWatch(db, claim.projectId, now));
  return projectWatch(c.db, claim.projectId, now);
}
