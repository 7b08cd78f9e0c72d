import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { freeMachineAllowance, fundRules } from '../../domain/funds/rules';
import { pageWindow } from '../../domain/paging';

export type ListClientsInput = {
  q?: string;
  clusterId?: string;
  sector?: string;
  county?: string;
  includeArchived?: boolean;
  sort?: 'legalName' | 'headcount' | 'county' | 'createdAt';
  dir?: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/** Clients of the scope, with machine counts, one page at a time. */
export async function listClients(db: ScopedDb, input: ListClientsInput) {
  const q = input.q?.trim();
  const where = {
    ...(input.includeArchived ? {} : { archivedAt: null }),
    ...(input.sector ? { sector: input.sector } : {}),
    ...(input.county ? { county: input.county } : {}),
    ...(q ? { OR: [{ legalName: { contains: q, mode: 'insensitive' as const } }, { legalNameEn: { contains: q, mode: 'insensitive' as const } }] } : {}),
    ...(input.clusterId ? { memberships: { some: { clusterId: input.clusterId } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.smeClient.count({ where }),
    db.smeClient.findMany({
      where,
      orderBy: [{ [input.sort ?? 'legalName']: input.dir ?? 'asc' }, { id: 'asc' }],
      ...pageWindow(input),
      select: {
        id: true,
        legalName: true,
        legalNameEn: true,
        county: true,
        sector: true,
        headcount: true,
        archivedAt: true,
        memberships: { select: { cluster: { select: { id: true, name: true, nameEn: true } } } },
      },
    }),
  ]);
  const counts = await machineCounts(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map(({ memberships, ...r }) => ({
      ...r,
      clusters: memberships.map((m) => m.cluster),
      machines: counts.get(r.id)?.total ?? 0,
      inService: counts.get(r.id)?.inService ?? 0,
    })),
  };
}

async function machineCounts(db: ScopedDb, smeClientIds: string[]) {
  const map = new Map<string, { total: number; inService: number }>();
  if (!smeClientIds.length) return map;
  const groups = await db.machine.groupBy({ by: ['smeClientId', 'status'], where: { smeClientId: { in: smeClientIds } }, _count: { _all: true } });
  for (const g of groups) {
    const e = map.get(g.smeClientId) ?? { total: 0, inService: 0 };
    e.total += g._count._all;
    if (g.status === 'IN_SERVICE') e.inService += g._count._all;
    map.set(g.smeClientId, e);
  }
  return map;
}

/** Totals over every client of the scope. */
export async function summariseClients(db: ScopedDb) {
  const [clients, machines, inService] = await Promise.all([
    db.smeClient.count({ where: { archivedAt: null } }),
    db.machine.count({ where: { smeClient: { archivedAt: null } } }),
    db.machine.count({ where: { status: 'IN_SERVICE', smeClient: { archivedAt: null } } }),
  ]);
  return { clients, machines, inService };
}

/** One client with its inventory make-up and its free-retrofit allowance under each fund. */
export async function getClient(db: ScopedDb, id: string) {
  const client = await db.smeClient.findUnique({
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
      memberships: { select: { cluster: { select: { id: true, name: true, nameEn: true } } } },
      contacts: { orderBy: { sortOrder: 'asc' }, select: { id: true, name: true, phone: true, role: true } },
      sites: {
        orderBy: { name: 'asc' },
        select: { id: true, name: true, workshops: { orderBy: { name: 'asc' }, select: { id: true, name: true, _count: { select: { lines: true } } } } },
      },
    },
  });
  if (!client) throw new AppError('NOT_FOUND');
  const [byStatus, byControl, byKind, funds] = await Promise.all([
    db.machine.groupBy({ by: ['status'], where: { smeClientId: id }, _count: { _all: true } }),
    db.machine.groupBy({ by: ['controlType'], where: { smeClientId: id }, _count: { _all: true } }),
    db.machine.groupBy({ by: ['kind'], where: { smeClientId: id }, _count: { _all: true }, orderBy: { _count: { kind: 'desc' } } }),
    db.fund.findMany({ select: { id: true, name: true, nameEn: true, rules: true }, orderBy: { name: 'asc' } }),
  ]);
  const inService = byStatus.find((g) => g.status === 'IN_SERVICE')?._count._all ?? 0;
  const { memberships, ...rest } = client;
  return {
    ...rest,
    clusters: memberships.map((m) => m.cluster),
    machines: byStatus.reduce((s, g) => s + g._count._all, 0),
    inService,
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
    byControlType: byControl.map((g) => ({ controlType: g.controlType, count: g._count._all })),
    byKind: byKind.map((g) => ({ kind: g.kind, count: g._count._all })),
    allowances: funds.flatMap((f) => {
      const rules = fundRules.safeParse(f.rules);
      const rule = rules.success ? rules.data.find((r): r is Extract<typeof r, { kind: 'FREE_SHARE' }> => r.kind === 'FREE_SHARE') : undefined;
      return rule
        ? [{ fundId: f.id, fundName: f.name, fundNameEn: f.nameEn, percent: rule.freeSharePercent, allowance: freeMachineAllowance(inService, rule) }]
        : [];
    }),
  };
}

/** The values the client filters offer (counties and sectors in use). */
export async function clientFacets(db: ScopedDb) {
  const [counties, sectors] = await Promise.all([
    db.smeClient.groupBy({ by: ['county'], orderBy: { county: 'asc' } }),
    db.smeClient.groupBy({ by: ['sector'], orderBy: { sector: 'asc' } }),
  ]);
  return { counties: counties.map((c) => c.county), sectors: sectors.map((s) => s.sector) };
}
