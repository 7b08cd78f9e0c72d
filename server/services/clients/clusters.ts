import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';

export async function listClusters(db: ScopedDb, opts: { includeArchived?: boolean } = {}) {
  const clusters = await db.cluster.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, nameEn: true, county: true, sector: true, archivedAt: true, _count: { select: { members: true } } },
  });
  const machines = await db.machine.groupBy({ by: ['smeClientId'], _count: { _all: true } });
  const memberships = await db.clusterMembership.findMany({ select: { clusterId: true, smeClientId: true } });
  const perSme = new Map(machines.map((m) => [m.smeClientId, m._count._all]));
  return clusters.map(({ _count, ...c }) => ({
    ...c,
    clients: _count.members,
    machines: memberships.filter((m) => m.clusterId === c.id).reduce((s, m) => s + (perSme.get(m.smeClientId) ?? 0), 0),
  }));
}

export async function getCluster(db: ScopedDb, id: string) {
  const cluster = await db.cluster.findUnique({
    where: { id },
    select: { id: true, name: true, nameEn: true, county: true, sector: true, archivedAt: true, createdAt: true },
  });
  if (!cluster) throw new AppError('NOT_FOUND');
  return cluster;
}
