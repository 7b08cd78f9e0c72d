import type { ScopedDb } from '../../db/scoped';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';

/** Machines of each cluster's member SMEs: one grouped join (row-level security holds it to the tenant as well). */
function machinesPerCluster(db: ScopedDb, integratorId: string) {
  return db.$queryRaw<{ clusterId: string; machines: number }[]>`
    SELECT cm."clusterId", count(m.id)::int AS machines
    FROM "ClusterMembership" cm JOIN "Machine" m ON m."smeClientId" = cm."smeClientId" AND m."integratorId" = cm."integratorId"
    WHERE cm."integratorId" = ${integratorId}
    GROUP BY cm."clusterId"`;
}

/**
 * The integrator's clusters with their member and machine counts. A pick list (filters, forms) passes
 * `withCounts: false`: counting machines scans every machine of the integrator, and its `machines` is then null.
 */
export async function listClusters(db: ScopedDb, scope: IntegratorScope, opts: { includeArchived?: boolean; withCounts?: boolean } = {}) {
  const withCounts = opts.withCounts ?? true;
  const [clusters, machines] = await Promise.all([
    db.cluster.findMany({
      where: opts.includeArchived ? {} : { archivedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, nameEn: true, county: true, sector: true, archivedAt: true, _count: { select: { members: true } } },
    }),
    withCounts ? machinesPerCluster(db, scope.integratorId) : [],
  ]);
  const perCluster = new Map(machines.map((m) => [m.clusterId, m.machines]));
  return clusters.map(({ _count, ...c }) => ({ ...c, clients: _count.members, machines: withCounts ? (perCluster.get(c.id) ?? 0) : null }));
}

export async function getCluster(db: ScopedDb, id: string) {
  const cluster = await db.cluster.findUnique({
    where: { id },
    select: { id: true, name: true, nameEn: true, county: true, sector: true, archivedAt: true, createdAt: true },
  });
  if (!cluster) throw new AppError('NOT_FOUND');
  return cluster;
}
