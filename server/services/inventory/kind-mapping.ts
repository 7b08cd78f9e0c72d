/**
 * Machine kinds the catalogue does not know are kept as the ledger's own word (issue 15). Staff map such a word to a
 * catalogue kind for one SME in bulk: every machine of the SME with that word gets the kind, in one transaction, each
 * with its history entry (source KIND_MAP) and one audit entry for the whole mapping.
 */
import { randomUUID } from 'node:crypto';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { type MachineKind, machineKinds } from '../../domain/inventory/catalogue';

const known = new Set<string>(machineKinds);

/** The SME's machine kinds that are not catalogue kinds, with how many machines carry each, most first. */
export async function listUnknownKinds(db: ScopedDb, smeClientId: string): Promise<{ kind: string; count: number }[]> {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  const groups = await db.machine.groupBy({
    by: ['kind'],
    where: { smeClientId, kind: { notIn: [...machineKinds] } },
    _count: { _all: true },
    orderBy: [{ _count: { kind: 'desc' } }, { kind: 'asc' }],
  });
  return groups.filter((g) => !known.has(g.kind)).map((g) => ({ kind: g.kind, count: g._count._all }));
}

export type KindMapping = { from: string; to: MachineKind };

/** Maps each word to its catalogue kind on every machine of the SME that carries it; returns how many changed. */
export async function mapUnknownKinds(db: ScopedDb, scope: IntegratorScope, actorId: string, input: { smeClientId: string; mappings: KindMapping[] }) {
  const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true, archivedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  if (sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  const froms = input.mappings.map((m) => m.from);
  if (new Set(froms).size !== froms.length) throw new AppError('BAD_REQUEST', 'kindMapping.duplicate');
  if (froms.some((f) => known.has(f))) throw new AppError('BAD_REQUEST', 'kindMapping.notUnknown');
  const to = new Map(input.mappings.map((m) => [m.from, m.to]));
  return db.$transaction(async (tx) => {
    const machines = await tx.machine.findMany({ where: { smeClientId: input.smeClientId, kind: { in: froms } }, select: { id: true, kind: true } });
    if (!machines.length) return { changed: 0 };
    const now = new Date();
    for (const m of input.mappings) {
      await tx.machine.updateMany({ where: { smeClientId: input.smeClientId, kind: m.from }, data: { kind: m.to } });
    }
    await tx.machineChange.createMany({
      data: machines.map((m) => ({
        id: randomUUID(),
        integratorId: scope.integratorId,
        smeClientId: input.smeClientId,
        machineId: m.id,
        at: now,
        actorId,
        source: 'KIND_MAP',
        kind: 'UPDATE',
        changes: { kind: [m.kind, to.get(m.kind) as string] },
      })),
    });
    const counts = Object.fromEntries(input.mappings.map((m) => [m.from, machines.filter((x) => x.kind === m.from).length]));
    await audit(tx, {
      actorId,
      action: 'machine.mapKinds',
      entity: 'SmeClient',
      entityId: input.smeClientId,
      data: { mappings: input.mappings.map((m) => ({ ...m, machines: counts[m.from] })) },
    });
    return { changed: machines.length };
  });
}
