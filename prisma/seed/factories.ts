/**
 * Factories shared by the demo seed and the tests. Each writes through a plain Prisma client
 * (seeding is not a tenant's action) and returns the ids it made.
 */
import { hashPassword } from '../../server/auth/password';
import type { ControlType, MachineStatus, Prisma, Role } from '../../server/db/generated/client';
import { toJson } from '../../server/db/tx';
import { creditCodeCheckCharacter } from '../../server/domain/clients/credit-code';
import type { FundRule } from '../../server/domain/funds/rules';
import type { MachineKind, Sector } from '../../server/domain/inventory/catalogue';
import { defaultPaymentTerms } from '../../server/domain/projects/payment-terms';
import { defaultPriceBook } from '../../server/domain/projects/price-book';
import { buildQuoteSnapshot } from '../../server/domain/projects/quote-snapshot';
import { hashTerminalSecret, newTerminalSecret } from '../../server/services/telemetry/secret';
import { createRng, type Rng } from './random';

/** A client or an open transaction: factories only use model delegates. */
export type Db = Prisma.TransactionClient;

export async function createIntegrator(
  db: Db,
  data: { name: string; nameEn?: string; creditCode?: string; address?: string; addressEn?: string; phone?: string },
) {
  return db.integrator.create({ data, select: { id: true, name: true } });
}

export async function createCounty(db: Db, data: { name: string; nameEn?: string; province?: string }) {
  return db.county.create({ data, select: { id: true, name: true } });
}

export async function createCluster(db: Db, integratorId: string, data: { name: string; nameEn?: string; county: string; sector: Sector }) {
  return db.cluster.create({ data: { integratorId, ...data }, select: { id: true, name: true } });
}

/** A valid unified social credit code, derived from a number so that it is repeatable. */
export function makeCreditCode(n: number, division = '330624'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let x = n * 7_919 + 123_457;
  let org = '';
  for (let i = 0; i < 7; i++) {
    org = alphabet[x % 31] + org;
    x = Math.floor(x / 31);
  }
  const body = `92${division}MA${org}`;
  return body + creditCodeCheckCharacter(body);
}

export async function createSmeClient(
  db: Db,
  integratorId: string,
  data: { legalName: string; legalNameEn?: string; creditCode?: string; county: string; sector: Sector; headcount?: number; clusterIds?: string[] },
) {
  const { clusterIds = [], ...rest } = data;
  const client = await db.smeClient.create({ data: { integratorId, ...rest }, select: { id: true, legalName: true } });
  if (clusterIds.length) {
    await db.clusterMembership.createMany({ data: clusterIds.map((clusterId) => ({ integratorId, clusterId, smeClientId: client.id })) });
  }
  return client;
}

type KindSpec = { kind: MachineKind; control: readonly (readonly [ControlType, number])[]; makers: readonly string[] };

/** A ball-bearing plant's mix: grinders dominate, then turning, superfinishing, assembly, heat treatment. */
const bearingMix: readonly (readonly [KindSpec, number])[] = [
  [
    {
      kind: 'GRINDER',
      control: [
        ['MANUAL', 3],
        ['RELAY', 3],
        ['PLC', 2],
        ['CNC', 2],
      ],
      makers: ['无锡机床', '上海机床厂', '贵阳险峰'],
    },
    30,
  ],
  [
    {
      kind: 'LATHE',
      control: [
        ['MANUAL', 6],
        ['RELAY', 2],
      ],
      makers: ['沈阳机床', '大连机床', '云南CY'],
    },
    14,
  ],
  [{ kind: 'CNC_LATHE', control: [['CNC', 1]], makers: ['浙江海德曼', '沈阳机床', 'FANUC'] }, 14],
  [
    {
      kind: 'SUPERFINISHER',
      control: [
        ['RELAY', 2],
        ['PLC', 3],
      ],
      makers: ['新昌精机', '无锡开源'],
    },
    14,
  ],
  [
    {
      kind: 'ASSEMBLY',
      control: [
        ['PLC', 3],
        ['RELAY', 1],
      ],
      makers: ['新昌精机', '自制'],
    },
    8,
  ],
  [
    {
      kind: 'HEAT_TREATMENT_FURNACE',
      control: [
        ['RELAY', 2],
        ['PLC', 2],
      ],
      makers: ['丰东热技术', '苏州中门子'],
    },
    5,
  ],
  [
    {
      kind: 'WASHER',
      control: [
        ['RELAY', 2],
        ['MANUAL', 1],
      ],
      makers: ['自制', '新昌清洗设备'],
    },
    6,
  ],
  [
    {
      kind: 'INSPECTION',
      control: [
        ['PLC', 1],
        ['MANUAL', 1],
      ],
      makers: ['哈量', '洛阳轴研'],
    },
    5,
  ],
  [
    {
      kind: 'PRESS',
      control: [
        ['MANUAL', 1],
        ['RELAY', 1],
      ],
      makers: ['扬力', '徐锻'],
    },
    4,
  ],
];

const models: Record<string, string[]> = {
  GRINDER: ['3MK1310', '3MK136', 'MZ208', '3MZ1420'],
  LATHE: ['C6140', 'CA6150', 'C618'],
  CNC_LATHE: ['CK6140', 'HTC-20', '0i-TF'],
  SUPERFINISHER: ['3MZ3110', 'CJ-260'],
  ASSEMBLY: ['ZP-60', 'ZZ-2'],
  HEAT_TREATMENT_FURNACE: ['RJC-105', 'UBE-600'],
  WASHER: ['QX-300', 'QX-500'],
  INSPECTION: ['D913', 'X903'],
  PRESS: ['J23-40', 'JB23-63'],
};

export type InventorySpec = {
  integratorId: string;
  smeClientId: string;
  machines: number;
  seed?: number;
  tagPrefix?: string;
  sites?: { name: string; workshops: { name: string; lines: string[] }[] }[];
};

const defaultSites = [
  {
    name: '一厂',
    workshops: [
      { name: '车加工车间', lines: ['套圈车削线1', '套圈车削线2'] },
      { name: '磨加工车间', lines: ['内圈磨削线', '外圈磨削线', '超精线'] },
      { name: '装配车间', lines: ['装配线'] },
    ],
  },
  { name: '二厂', workshops: [{ name: '热处理车间', lines: ['热处理线'] }] },
];

/** Creates sites → workshops → lines → machines for one SME, machines in one batch. */
export async function createInventory(db: Db, spec: InventorySpec) {
  const rng: Rng = createRng(spec.seed ?? 1);
  const { integratorId, smeClientId } = spec;
  const lineIds: { id: string; workshop: string }[] = [];
  for (const site of spec.sites ?? defaultSites) {
    const s = await db.site.create({ data: { integratorId, smeClientId, name: site.name }, select: { id: true } });
    for (const w of site.workshops) {
      const ws = await db.workshop.create({ data: { integratorId, smeClientId, siteId: s.id, name: w.name }, select: { id: true } });
      for (const l of w.lines) {
        const line = await db.productionLine.create({ data: { integratorId, smeClientId, workshopId: ws.id, name: l }, select: { id: true } });
        lineIds.push({ id: line.id, workshop: w.name });
      }
    }
  }
  const prefix = spec.tagPrefix ?? 'M';
  const rows = Array.from({ length: spec.machines }, (_, i) => {
    const spec = rng.weighted(bearingMix);
    const controlType = rng.weighted(spec.control);
    const heat = spec.kind === 'HEAT_TREATMENT_FURNACE';
    const line = heat ? lineIds.find((l) => l.workshop === '热处理车间') : rng.pick(lineIds);
    const status: MachineStatus = rng.weighted([
      ['IN_SERVICE', 88],
      ['IDLE', 8],
      ['RETIRED', 4],
    ] as const);
    return {
      integratorId,
      smeClientId,
      lineId: line?.id ?? null,
      assetTag: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      kind: spec.kind,
      maker: rng.pick(spec.makers),
      model: rng.pick(models[spec.kind] ?? ['—']),
      year: rng.int(controlType === 'CNC' ? 2008 : 1995, 2021),
      controlType,
      networked: controlType === 'CNC' ? rng.next() < 0.3 : false,
      operatorsPerShift: spec.kind === 'ASSEMBLY' ? 2 : 1,
      shiftsPerDay: heat ? 3 : rng.pick([1, 2, 2, 3]),
      status,
    };
  });
  const created = await db.machine.createManyAndReturn({ data: rows, select: { id: true, assetTag: true } });
  const byTag = new Map(rows.map((r) => [r.assetTag, r]));
  await db.machineChange.createMany({
    data: created.map((m) => {
      const { integratorId: _i, smeClientId: _s, assetTag, ...fields } = byTag.get(m.assetTag) as (typeof rows)[number];
      return {
        integratorId,
        smeClientId,
        machineId: m.id,
        source: 'SEED',
        kind: 'CREATE',
        changes: Object.fromEntries(Object.entries({ assetTag, ...fields }).map(([k, v]) => [k, [null, v]])),
      };
    }),
  });
  return { lines: lineIds.length, machines: rows.length };
}

export async function createFund(
  db: Db,
  countyId: string,
  data: { name: string; nameEn?: string; budgetFen: bigint; periodStart: Date; periodEnd: Date; sectors: Sector[]; rules: FundRule[] },
) {
  return db.fund.create({ data: { countyId, ...data }, select: { id: true, name: true } });
}

export async function addParticipation(db: Db, fundId: string, integratorId: string) {
  const fund = await db.fund.findUniqueOrThrow({ where: { id: fundId }, select: { countyId: true } });
  return db.fundParticipation.create({ data: { fundId, integratorId, countyId: fund.countyId }, select: { id: true } });
}

export type UserSpec = {
  email: string;
  name: string;
  password: string;
  role: Role;
  integratorId?: string;
  smeClientId?: string;
  countyId?: string;
  locale?: 'zh_CN' | 'en';
  isAdmin?: boolean;
};

export async function createUser(db: Db, u: UserSpec) {
  const { password, ...rest } = u;
  return db.user.create({
    data: { ...rest, email: u.email.toLowerCase(), passwordHash: await hashPassword(password) },
    select: { id: true, email: true, role: true },
  });
}

/**
 * A complete small tenant for tests: an integrator with a cluster and two SMEs (with machines),
 * a county with a fund the integrator takes part in, and one user per role.
 */
export async function createTenantWorld(db: Db, tag: string, opts: { machinesPerSme?: number; password?: string } = {}) {
  const password = opts.password ?? 'correct horse battery staple';
  const integrator = await createIntegrator(db, { name: `集成商 ${tag}`, nameEn: `Integrator ${tag}` });
  const county = await createCounty(db, { name: `${tag} 县`, nameEn: `${tag} County` });
  const cluster = await createCluster(db, integrator.id, { name: `${tag} 轴承集群`, nameEn: `${tag} bearings`, county: county.name, sector: 'BALL_BEARINGS' });
  const smes = [];
  for (let i = 0; i < 2; i++) {
    const sme = await createSmeClient(db, integrator.id, {
      legalName: `${tag} 轴承有限公司 ${i + 1}`,
      legalNameEn: `${tag} Bearing Co. ${i + 1}`,
      county: county.name,
      sector: 'BALL_BEARINGS',
      headcount: 60 + i * 20,
      clusterIds: [cluster.id],
    });
    await createInventory(db, {
      integratorId: integrator.id,
      smeClientId: sme.id,
      machines: opts.machinesPerSme ?? 12,
      seed: i + 1,
      sites: [{ name: 'F1', workshops: [{ name: 'W1', lines: ['L1', 'L2'] }] }],
    });
    smes.push(sme);
  }
  const fund = await createFund(db, county.id, {
    name: `${tag} 改造基金`,
    nameEn: `${tag} retrofit fund`,
    budgetFen: 100_000_000n,
    periodStart: new Date('2026-01-01T00:00:00Z'),
    periodEnd: new Date('2027-12-31T15:59:59Z'),
    sectors: ['BALL_BEARINGS'],
    rules: [{ kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null }],
  });
  await addParticipation(db, fund.id, integrator.id);
  const slug = tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const sme0 = smes[0] as { id: string };
  const users = {
    admin: await createUser(db, { email: `admin@${slug}.test`, name: `Admin ${tag}`, password, role: 'INTEGRATOR_ADMIN', integratorId: integrator.id }),
    engineer: await createUser(db, {
      email: `engineer@${slug}.test`,
      name: `Engineer ${tag}`,
      password,
      role: 'INTEGRATOR_ENGINEER',
      integratorId: integrator.id,
    }),
    smeOwner: await createUser(db, {
      email: `owner@${slug}.test`,
      name: `Owner ${tag}`,
      password,
      role: 'SME_OWNER',
      integratorId: integrator.id,
      smeClientId: sme0.id,
    }),
    official: await createUser(db, { email: `official@${slug}.test`, name: `Official ${tag}`, password, role: 'COUNTY_OFFICIAL', countyId: county.id }),
  };
  return { integrator, county, cluster, smes, fund, users, password };
}

export type TenantWorld = Awaited<ReturnType<typeof createTenantWorld>>;

/** A signed-off assessment recorded directly (demo history and tests). */
export async function createAssessmentRecord(
  db: Db,
  a: {
    integratorId: string;
    smeClientId: string;
    date: string;
    d: number;
    n: number;
    i?: number;
    nationalLevel?: number | null;
    kind?: 'SELF' | 'INTEGRATOR' | 'THIRD_PARTY';
    assessorName?: string;
    status?: 'DRAFT' | 'SIGNED_OFF';
  },
) {
  const i = a.i ?? 0;
  return db.assessment.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      assessedOn: new Date(`${a.date}T00:00:00Z`),
      kind: a.kind ?? 'INTEGRATOR',
      assessorName: a.assessorName ?? '王磊',
      d: a.d,
      n: a.n,
      i,
      suggestedD: a.d,
      suggestedN: a.n,
      suggestedI: i,
      nationalLevel: a.nationalLevel ?? null,
      status: a.status ?? 'SIGNED_OFF',
      signedOffAt: (a.status ?? 'SIGNED_OFF') === 'SIGNED_OFF' ? new Date(`${a.date}T08:00:00Z`) : null,
      source: 'IMPORT',
    },
    select: { id: true },
  });
}

/** A minimal project with one open quote (tests); real projects are planned through the projects service. */
export async function createProjectRecord(db: Db, a: { integratorId: string; smeClientId: string; number?: string }) {
  const pb =
    (await db.priceBookVersion.findFirst({ where: { integratorId: a.integratorId }, orderBy: { version: 'desc' }, select: { id: true } })) ??
    (await db.priceBookVersion.create({
      data: {
        integratorId: a.integratorId,
        version: 1,
        items: defaultPriceBook.items.map((i) => ({ ...i, unitPriceFen: i.unitPriceFen.toString() })),
        kits: defaultPriceBook.kits,
      },
      select: { id: true },
    }));
  const p = await db.project.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      number: a.number ?? `P-T-${Math.random().toString(36).slice(2, 8)}`,
      title: 'test project',
      status: 'QUOTED',
      priceBookVersionId: pb.id,
      modules: [],
    },
    select: { id: true },
  });
  const line = await db.costLine.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      projectId: p.id,
      category: 'HARDWARE',
      quantity: 1,
      unitPriceFen: 100_000n,
      totalFen: 100_000n,
    },
    select: { id: true },
  });
  const snapshot = buildQuoteSnapshot({
    number: 'P-T',
    title: 'test project',
    target: 'D1N1',
    issuedOn: '2026-01-01',
    issuer: { name: 'i', nameEn: null, creditCode: null, address: null, addressEn: null, phone: null },
    smeClient: { legalName: 's', legalNameEn: null, creditCode: null },
    machines: [],
    modules: [],
    softwareYears: 0,
    trainingDays: 0,
    lines: [{ category: 'HARDWARE', itemCode: null, description: null, quantity: 1, unitPriceFen: 100_000n, totalFen: 100_000n }],
    savings: [],
    expectedSubsidyFen: 0n,
    terms: defaultPaymentTerms,
  });
  const q = await db.quote.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      projectId: p.id,
      version: 1,
      number: 'Q1',
      snapshot: toJson(snapshot),
      totalFen: 100_000n,
      expectedSubsidyFen: 0n,
      monthlySavingsFen: 0n,
    },
    select: { id: true },
  });
  const cost = await db.costEntry.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      projectId: p.id,
      costLineId: line.id,
      supplier: 'SUPPLIER-OF-THE-INTEGRATOR',
      invoiceNo: 'SUPPLIER-INVOICE-1',
      invoiceDate: new Date('2026-01-01T00:00:00Z'),
      amountFen: 1n,
    },
    select: { id: true },
  });
  const milestone = await db.paymentMilestone.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      projectId: p.id,
      stage: 'DOWN_PAYMENT',
      dueOn: 'SIGNING',
      shareBp: 10_000,
      amountFen: 100_000n,
    },
    select: { id: true },
  });
  return { projectId: p.id, quoteId: q.id, costEntryId: cost.id, costLineId: line.id, milestoneId: milestone.id };
}

/**
 * A data-collection terminal on a machine (demo and tests), with its health row. By default it has reported (first and
 * last seen `seenAt`, now unless given; null: never reported). A machine that already has a live terminal keeps it:
 * its id comes back (with no secret), and its health row gets `seenAt` when it had never reported.
 */
export async function seedTerminal(
  db: Db,
  t: { machineId: string; serial: string; secret?: string; seenAt?: Date | null; gatewayId?: string | null },
): Promise<{ id: string; secret: string | null; created: boolean }> {
  const seenAt = t.seenAt === undefined ? new Date() : t.seenAt;
  const machine = await db.machine.findUniqueOrThrow({ where: { id: t.machineId }, select: { integratorId: true, smeClientId: true } });
  const own = { integratorId: machine.integratorId, smeClientId: machine.smeClientId };
  const live = await db.terminal.findFirst({ where: { machineId: t.machineId, revokedAt: null }, select: { id: true } });
  if (live) {
    if (seenAt) {
      const h = await db.terminalHealth.findUnique({ where: { terminalId: live.id }, select: { firstSeenAt: true } });
      if (!h?.firstSeenAt)
        await db.terminalHealth.upsert({
          where: { terminalId: live.id },
          create: { ...own, terminalId: live.id, firstSeenAt: seenAt, lastSeenAt: seenAt, lastAt: seenAt },
          update: { firstSeenAt: seenAt, lastSeenAt: seenAt },
        });
    }
    return { id: live.id, secret: null, created: false };
  }
  const secret = t.secret ?? newTerminalSecret();
  const terminal = await db.terminal.create({
    data: { ...own, serial: t.serial, machineId: t.machineId, gatewayId: t.gatewayId ?? null, secretHash: hashTerminalSecret(secret) },
    select: { id: true },
  });
  // its health row was made with it (a trigger, migration terminal_health_counts): what it has heard is set here
  await db.terminalHealth.update({
    where: { terminalId: terminal.id },
    data: { firstSeenAt: seenAt, lastSeenAt: seenAt, lastAt: seenAt, accepted: seenAt ? 1n : 0n },
  });
  return { id: terminal.id, secret, created: true };
}

/** A reported terminal on every machine of a project that can carry one (what commissioning asks; tests and demo). */
export async function seedProjectTerminals(db: Db, projectId: string, opts: { seenAt?: Date } = {}) {
  const machines = await db.projectMachine.findMany({
    where: { projectId, machine: { status: { not: 'RETIRED' } } },
    select: { machine: { select: { id: true, assetTag: true, smeClientId: true } } },
  });
  const out = [];
  for (const { machine: m } of machines)
    out.push(await seedTerminal(db, { machineId: m.id, serial: `T-${m.smeClientId.slice(-6)}-${m.assetTag}`, seenAt: opts.seenAt ?? new Date() }));
  return out;
}
