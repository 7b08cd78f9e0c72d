/** Creating, editing, archiving and restoring SME clients and clusters (never hard-deleting). */
import type { Prisma } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { checkCreditCode, normaliseCreditCode } from '../../domain/clients/credit-code';
import { AppError } from '../../domain/errors/app-error';
import type { Sector } from '../../domain/inventory/catalogue';

export type ClientInput = {
  legalName: string;
  legalNameEn?: string | null;
  creditCode: string;
  county: string;
  sector: Sector;
  headcount?: number | null;
  clusterIds: string[];
  contacts: { name: string; phone?: string | null; role?: string | null }[];
};

async function checkClientInput(db: ScopedDb, input: ClientInput, exceptId?: string) {
  const problem = checkCreditCode(input.creditCode);
  if (problem) throw new AppError('BAD_REQUEST', 'creditCodeInvalid', { problem });
  const code = normaliseCreditCode(input.creditCode);
  const taken = await db.smeClient.findFirst({ where: { creditCode: code, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new AppError('CONFLICT', 'creditCodeTaken');
  const ids = [...new Set(input.clusterIds)];
  if (ids.length && (await db.cluster.count({ where: { id: { in: ids } } })) !== ids.length) throw new AppError('NOT_FOUND', 'clusterNotFound');
  return { code, clusterIds: ids };
}

export async function createClient(db: ScopedDb, integratorId: string, actorId: string, input: ClientInput) {
  const { code, clusterIds } = await checkClientInput(db, input);
  return db.$transaction(async (tx) => {
    const c = await tx.smeClient.create({
      data: {
        legalName: input.legalName,
        legalNameEn: input.legalNameEn || null,
        creditCode: code,
        county: input.county,
        sector: input.sector,
        headcount: input.headcount ?? null,
      } as Prisma.SmeClientUncheckedCreateInput,
      select: { id: true },
    });
    if (clusterIds.length) await tx.clusterMembership.createMany({ data: clusterIds.map((clusterId) => ({ clusterId, smeClientId: c.id, integratorId })) });
    if (input.contacts.length)
      await tx.smeContact.createMany({
        data: input.contacts.map((k, i) => ({ integratorId, smeClientId: c.id, name: k.name, phone: k.phone || null, role: k.role || null, sortOrder: i })),
      });
    await audit(tx, { actorId, action: 'client.create', entity: 'SmeClient', entityId: c.id, data: { legalName: input.legalName } });
    return c;
  });
}

export async function updateClient(db: ScopedDb, integratorId: string, actorId: string, id: string, input: ClientInput) {
  const old = await db.smeClient.findUnique({ where: { id }, select: { id: true, archivedAt: true, legalName: true, creditCode: true } });
  if (!old) throw new AppError('NOT_FOUND');
  if (old.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  const { code, clusterIds } = await checkClientInput(db, input, id);
  return db.$transaction(async (tx) => {
    await tx.smeClient.update({
      where: { id },
      data: {
        legalName: input.legalName,
        legalNameEn: input.legalNameEn || null,
        creditCode: code,
        county: input.county,
        sector: input.sector,
        headcount: input.headcount ?? null,
      },
      select: { id: true },
    });
    await tx.clusterMembership.deleteMany({ where: { smeClientId: id, clusterId: { notIn: clusterIds } } });
    const existing = new Set((await tx.clusterMembership.findMany({ where: { smeClientId: id }, select: { clusterId: true } })).map((m) => m.clusterId));
    const add = clusterIds.filter((c) => !existing.has(c));
    if (add.length) await tx.clusterMembership.createMany({ data: add.map((clusterId) => ({ clusterId, smeClientId: id, integratorId })) });
    await tx.smeContact.deleteMany({ where: { smeClientId: id } });
    if (input.contacts.length)
      await tx.smeContact.createMany({
        data: input.contacts.map((k, i) => ({ integratorId, smeClientId: id, name: k.name, phone: k.phone || null, role: k.role || null, sortOrder: i })),
      });
    await audit(tx, {
      actorId,
      action: 'client.update',
      entity: 'SmeClient',
      entityId: id,
      data: { from: { legalName: old.legalName, creditCode: old.creditCode }, to: { legalName: input.legalName, creditCode: code } },
    });
    return { id };
  });
}

export async function setClientArchived(db: ScopedDb, actorId: string, id: string, archived: boolean) {
  const old = await db.smeClient.findUnique({ where: { id }, select: { archivedAt: true } });
  if (!old) throw new AppError('NOT_FOUND');
  if (Boolean(old.archivedAt) === archived) return { id, archived };
  return db.$transaction(async (tx) => {
    await tx.smeClient.update({ where: { id }, data: { archivedAt: archived ? new Date() : null }, select: { id: true } });
    await audit(tx, { actorId, action: archived ? 'client.archive' : 'client.restore', entity: 'SmeClient', entityId: id });
    return { id, archived };
  });
}

export async function getClientForEdit(db: ScopedDb, id: string) {
  const c = await db.smeClient.findUnique({
    where: { id },
    select: {
      id: true,
      legalName: true,
      legalNameEn: true,
      creditCode: true,
      county: true,
      sector: true,
      headcount: true,
      archivedAt: true,
      memberships: { select: { clusterId: true } },
      contacts: { orderBy: { sortOrder: 'asc' }, select: { name: true, phone: true, role: true } },
    },
  });
  if (!c) throw new AppError('NOT_FOUND');
  const { memberships, ...rest } = c;
  return { ...rest, clusterIds: memberships.map((m) => m.clusterId) };
}

export type ClusterInput = { name: string; nameEn?: string | null; county: string; sector: Sector };

export async function createCluster(db: ScopedDb, actorId: string, input: ClusterInput) {
  return db.$transaction(async (tx) => {
    const c = await tx.cluster.create({ data: { ...input, nameEn: input.nameEn || null } as Prisma.ClusterUncheckedCreateInput, select: { id: true } });
    await audit(tx, { actorId, action: 'cluster.create', entity: 'Cluster', entityId: c.id, data: { name: input.name } });
    return c;
  });
}

export async function updateCluster(db: ScopedDb, actorId: string, id: string, input: ClusterInput) {
  const old = await db.cluster.findUnique({ where: { id }, select: { name: true } });
  if (!old) throw new AppError('NOT_FOUND');
  return db.$transaction(async (tx) => {
    await tx.cluster.update({ where: { id }, data: { ...input, nameEn: input.nameEn || null }, select: { id: true } });
    await audit(tx, { actorId, action: 'cluster.update', entity: 'Cluster', entityId: id, data: { from: old.name, to: input.name } });
    return { id };
  });
}

export async function setClusterArchived(db: ScopedDb, actorId: string, id: string, archived: boolean) {
  const old = await db.cluster.findUnique({ where: { id }, select: { archivedAt: true } });
  if (!old) throw new AppError('NOT_FOUND');
  if (Boolean(old.archivedAt) === archived) return { id, archived };
  return db.$transaction(async (tx) => {
    await tx.cluster.update({ where: { id }, data: { archivedAt: archived ? new Date() : null }, select: { id: true } });
    await audit(tx, { actorId, action: archived ? 'cluster.archive' : 'cluster.restore', entity: 'Cluster', entityId: id });
    return { id, archived };
  });
}
