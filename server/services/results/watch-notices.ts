/**
 * The watch's notices (issue 17): a verified project whose machines go silent (nothing heard for more than a shift)
 * or unused raises a notice for the integrator's staff, and on a funded project (a claim approved or paid) one for
 * the county's officials. A background job with the owner connection, like the outbox's delivery: it reads the same
 * flags as the to-dos (watch.ts `projectsWithSilentMachines`) over every tenant's verified projects, a page at a time,
 * and appends outbox events, which the delivery job sends by the usual channels and choices.
 *
 * Each project remembers which of its machines were announced (MachineWatchNotice): a machine is announced once when it
 * goes quiet; a project is announced again only when a machine not yet announced joins, and, once every machine is
 * back, its memory is cleared so that the next silence is news again.
 */
import type { PrismaClient } from '../../db/generated/client';
import { unwalled } from '../../db/scoped';
import { log } from '../../log';
import { processSlot } from '../../process-slot';
import { kickNotifications } from '../notifications/runtime';
import { FUNDED_STATUSES } from '../todos/todos';
import { projectsWithSilentMachines } from './watch';

const PAGE = 200;

export type WatchRun = { projects: number; raised: number; cleared: number };

/** The announced machines of a project as one comparable string. */
const keyOf = (machines: readonly { machineId: string; flag: string }[]) =>
  machines
    .map((m) => `${m.machineId}:${m.flag}`)
    .sort()
    .join(',');

/** Whether `now` names a machine (with its flag) that `before` did not. */
function hasNews(before: string | undefined, now: string): boolean {
  if (!before) return now.length > 0;
  const old = new Set(before.split(','));
  return now.split(',').some((m) => m && !old.has(m));
}

/** One pass over every verified project. Never throws: a failure is logged and the next pass tries again. */
export async function raiseWatchNotices(db: PrismaClient, now = new Date()): Promise<WatchRun> {
  const run: WatchRun = { projects: 0, raised: 0, cleared: 0 };
  // every tenant at once: this job's purpose (the watch's reads are written for the gate's handle)
  const reader = unwalled(db);
  let after = '';
  for (;;) {
    const page = await db.project.findMany({
      where: { status: 'VERIFIED', id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, integratorId: true },
    });
    if (!page.length) break;
    after = page[page.length - 1]?.id ?? after;
    run.projects += page.length;
    const ids = page.map((p) => p.id);
    const [flagged, remembered, funded] = await Promise.all([
      projectsWithSilentMachines(reader, now, PAGE, ids),
      db.machineWatchNotice.findMany({ where: { projectId: { in: ids } }, select: { projectId: true, machines: true } }),
      db.claim.findMany({
        where: { projectId: { in: ids }, status: { in: [...FUNDED_STATUSES] } },
        orderBy: { updatedAt: 'desc' },
        select: { projectId: true, countyId: true },
      }),
    ]);
    const before = new Map(remembered.map((r) => [r.projectId, r.machines]));
    const countyOf = new Map<string, string>();
    for (const c of funded) if (!countyOf.has(c.projectId)) countyOf.set(c.projectId, c.countyId);
    const integratorOf = new Map(page.map((p) => [p.id, p.integratorId]));
    const quietNow = new Set<string>();
    for (const f of flagged) {
      const projectId = f.project.id;
      quietNow.add(projectId);
      const key = keyOf(f.flagged);
      const old = before.get(projectId);
      if (old === key) continue;
      const news = hasNews(old, key);
      const county = countyOf.get(projectId);
      await db.$transaction(async (tx) => {
        await tx.machineWatchNotice.upsert({
          where: { projectId },
          create: { projectId, machines: key, raisedAt: now },
          update: { machines: key, ...(news ? { raisedAt: now } : {}) },
          select: { projectId: true },
        });
        if (!news) return;
        const base = { entity: 'Project', entityId: projectId, actorId: null };
        await tx.notificationEvent.createMany({
          data: [
            { ...base, kind: 'machinesSilent', integratorId: integratorOf.get(projectId) ?? null },
            ...(county ? [{ ...base, kind: 'fundedMachinesSilent', countyId: county }] : []),
          ],
        });
      });
      if (news) run.raised++;
    }
    const back = ids.filter((id) => before.has(id) && !quietNow.has(id));
    if (back.length) run.cleared += (await db.machineWatchNotice.deleteMany({ where: { projectId: { in: back } } })).count;
    if (page.length < PAGE) break;
  }
  // a project no longer verified (or gone) is no longer watched
  const stale = await db.machineWatchNotice.findMany({ select: { projectId: true }, where: {} });
  if (stale.length) {
    const still = new Set(
      (await db.project.findMany({ where: { id: { in: stale.map((s) => s.projectId) }, status: 'VERIFIED' }, select: { id: true } })).map((p) => p.id),
    );
    const gone = stale.map((s) => s.projectId).filter((id) => !still.has(id));
    if (gone.length) run.cleared += (await db.machineWatchNotice.deleteMany({ where: { projectId: { in: gone } } })).count;
  }
  if (run.raised) kickNotifications();
  return run;
}

type Runner = { stop: () => void };
const slot = processSlot<Runner>('__rpWatchNotices');

/**
 * Started once per server process (instrumentation.ts): a pass every `WATCH_INTERVAL_MINUTES` (default 15), so that a
 * machine is announced at most that long after it counts as silent (SILENT_AFTER_HOURS, one shift, without data).
 * Passes never overlap. Several processes may run it: the memory row is written with the events in one transaction,
 * so at worst two processes announce the same machine once each.
 */
export function startWatchNotices(getDb: () => Promise<PrismaClient>, intervalMs = Number(process.env.WATCH_INTERVAL_MINUTES ?? 15) * 60_000): Runner {
  if (slot.value) return slot.value;
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const r = await raiseWatchNotices(await getDb());
      if (r.raised || r.cleared) log.info(r, 'watch notices: machines gone quiet announced');
    } catch (err) {
      log.error({ err }, 'watch notices pass failed: the next pass tries again');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void pass(), 60_000);
  first.unref();
  const every = setInterval(() => void pass(), Math.max(intervalMs, 60_000));
  every.unref();
  const runner: Runner = {
    stop() {
      clearTimeout(first);
      clearInterval(every);
      slot.value = undefined;
    },
  };
  slot.value = runner;
  return runner;
}
