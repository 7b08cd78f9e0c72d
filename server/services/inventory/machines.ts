import type { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { pageWindow } from '../../domain/paging';
import { ensureLine } from './hierarchy';

export type MachineListInput = {
  smeClientId: string;
  q?: string;
  siteId?: string;
  workshopId?: string;
  lineId?: string;
  kind?: string;
  controlType?: 'MANUAL' | 'RELAY' | 'PLC' | 'CNC' | 'OTHER';
  status?: 'IN_SERVICE' | 'IDLE' | 'RETIRED';
  networked?: boolean;
  sort: 'assetTag' | 'kind' | 'year' | 'controlType' | 'status' | 'updatedAt';
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const machineSelect = {
  id: true,
  assetTag: true,
  kind: true,
  maker: true,
  model: true,
  year: true,
  controlType: true,
  networked: true,
  operatorsPerShift: true,
  shiftsPerDay: true,
  status: true,
  notes: true,
  updatedAt: true,
  smeClientId: true,
  lineId: true,
  line: { select: { id: true, name: true, workshop: { select: { id: true, name: true, site: { select: { id: true, name: true } } } } } },
} as const;

async function requireSme(db: ScopedDb, smeClientId: string) {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true, legalName: true, legalNameEn: true, archivedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  return sme;
}

/** One page of an SME's machines, filtered and sorted on the server (indexed on SME + status/kind/control type). */
export async function listMachines(db: ScopedDb, input: MachineListInput) {
  await requireSme(db, input.smeClientId);
  const q = input.q?.trim();
  const where: Prisma.MachineWhereInput = {
    smeClientId: input.smeClientId,
    ...(input.lineId
      ? { lineId: input.lineId }
      : input.workshopId
        ? { line: { workshopId: input.workshopId } }
        : input.siteId
          ? { line: { workshop: { siteId: input.siteId } } }
          : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.controlType ? { controlType: input.controlType } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.networked !== undefined ? { networked: input.networked } : {}),
    ...(q
      ? {
          OR: [
            { assetTag: { contains: q, mode: 'insensitive' } },
            { model: { contains: q, mode: 'insensitive' } },
            { maker: { contains: q, mode: 'insensitive' } },
            { kind: { contains: q, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [total, items] = await Promise.all([
    db.machine.count({ where }),
    db.machine.findMany({
      where,
      orderBy: [{ [input.sort]: input.dir }, { assetTag: 'asc' }, { id: 'asc' }],
      ...pageWindow(input),
      select: machineSelect,
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items };
}

export async function getMachine(db: ScopedDb, id: string) {
  const found = await db.machine.findUnique({
    where: { id },
    select: { ...machineSelect, idealCycleS: true, smeClient: { select: { id: true, legalName: true, legalNameEn: true } } },
  });
  if (!found) throw new AppError('NOT_FOUND');
  // a decimal column, as a plain number (seconds to the millisecond)
  const machine = { ...found, idealCycleS: found.idealCycleS === null ? null : Number(found.idealCycleS) };
  const changes = await db.machineChange.findMany({
    where: { machineId: id },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, at: true, actorId: true, source: true, kind: true, changes: true, importId: true },
  });
  const actorIds = [...new Set(changes.map((c) => c.actorId).filter((x): x is string => Boolean(x)))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  // line ids in the history, as "factory / workshop / line"
  const lineIds = new Set<string>();
  for (const c of changes) {
    const pair = (c.changes as Record<string, unknown[]>).lineId;
    for (const v of pair ?? []) if (typeof v === 'string') lineIds.add(v);
  }
  const lines = lineIds.size
    ? await db.productionLine.findMany({
        where: { id: { in: [...lineIds] } },
        select: { id: true, name: true, workshop: { select: { name: true, site: { select: { name: true } } } } },
      })
    : [];
  const lineNames = Object.fromEntries(lines.map((l) => [l.id, `${l.workshop.site.name} / ${l.workshop.name} / ${l.name}`]));
  return {
    ...machine,
    lineNames,
    history: changes.map((c) => ({
      ...c,
      changes: c.changes as Record<string, [unknown, unknown]>,
      actorName: c.actorId ? (names.get(c.actorId) ?? null) : null,
    })),
  };
}

export type MachineInput = {
  assetTag: string;
  kind: string;
  maker?: string | null;
  model?: string | null;
  year?: number | null;
  controlType: 'MANUAL' | 'RELAY' | 'PLC' | 'CNC' | 'OTHER';
  networked: boolean;
  operatorsPerShift: number;
  shiftsPerDay: number;
  /** Ideal cycle time, seconds per part (OEE); null: not set. */
  idealCycleS?: number | null;
  status: 'IN_SERVICE' | 'IDLE' | 'RETIRED';
  notes?: string | null;
  /** Factory, workshop and line by name (created when new); all three or none. */
  location?: { site: string; workshop: string; line: string } | null;
};

const trackedFields = [
  'assetTag',
  'lineId',
  'kind',
  'maker',
  'model',
  'year',
  'controlType',
  'networked',
  'operatorsPerShift',
  'shiftsPerDay',
  'idealCycleS',
  'status',
  'notes',
] as const;

export async function createMachine(db: ScopedDb, scope: IntegratorScope, actorId: string, smeClientId: string, input: MachineInput) {
  const sme = await requireSme(db, smeClientId);
  if (sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  const taken = await db.machine.findFirst({ where: { smeClientId, assetTag: input.assetTag }, select: { id: true } });
  if (taken) throw new AppError('CONFLICT', 'assetTagTaken', { assetTag: input.assetTag });
  return db.$transaction(async (tx) => {
    const lineId = input.location ? await ensureLine(tx, scope.integratorId, smeClientId, input.location) : null;
    const { location: _l, ...fields } = input;
    const m = await tx.machine.create({ data: { ...fields, integratorId: scope.integratorId, smeClientId, lineId }, select: { id: true } });
    const after = { ...fields, lineId };
    await tx.machineChange.create({
      data: {
        integratorId: scope.integratorId,
        smeClientId,
        machineId: m.id,
        actorId,
        source: 'FORM',
        kind: 'CREATE',
        changes: Object.fromEntries(
          trackedFields.filter((f) => after[f] !== null && after[f] !== undefined).map((f) => [f, [null, after[f]]]),
        ) as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await audit(tx, { actorId, action: 'machine.create', entity: 'Machine', entityId: m.id, data: { smeClientId, assetTag: input.assetTag } });
    return m;
  });
}

export async function updateMachine(db: ScopedDb, scope: IntegratorScope, actorId: string, id: string, input: MachineInput) {
  const old = await db.machine.findUnique({
    where: { id },
    select: { ...Object.fromEntries(trackedFields.map((f) => [f, true])), smeClientId: true } as Prisma.MachineSelect,
  });
  if (!old) throw new AppError('NOT_FOUND');
  const before = old as unknown as Record<(typeof trackedFields)[number], unknown> & { smeClientId: string };
  before.idealCycleS = before.idealCycleS === null || before.idealCycleS === undefined ? null : Number(before.idealCycleS);
  if (input.assetTag !== before.assetTag) {
    const taken = await db.machine.findFirst({ where: { smeClientId: before.smeClientId, assetTag: input.assetTag }, select: { id: true } });
    if (taken) throw new AppError('CONFLICT', 'assetTagTaken', { assetTag: input.assetTag });
  }
  return db.$transaction(async (tx) => {
    const lineId = input.location ? await ensureLine(tx, scope.integratorId, before.smeClientId, input.location) : null;
    const { location: _l, ...fields } = input;
    const after: Record<string, unknown> = {
      ...fields,
      lineId,
      maker: fields.maker ?? null,
      model: fields.model ?? null,
      year: fields.year ?? null,
      idealCycleS: fields.idealCycleS ?? null,
      notes: fields.notes ?? null,
    };
    const changes = Object.fromEntries(trackedFields.filter((f) => before[f] !== after[f]).map((f) => [f, [before[f], after[f]]]));
    if (!Object.keys(changes).length) return { id, changed: 0 };
    await tx.machine.update({ where: { id }, data: after as Prisma.MachineUncheckedUpdateInput, select: { id: true } });
    await tx.machineChange.create({
      data: {
        integratorId: scope.integratorId,
        smeClientId: before.smeClientId,
        machineId: id,
        actorId,
        source: 'FORM',
        kind: 'UPDATE',
        changes: changes as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await audit(tx, { actorId, action: 'machine.update', entity: 'Machine', entityId: id, data: { changes } as Prisma.InputJsonValue });
    return { id, changed: Object.keys(changes).length };
  });
}
