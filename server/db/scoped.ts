/**
 * The tenant gate's data-access handle. `scopedDb(db, scope)` returns a Prisma client that can only
 * reach rows of that scope: every read, update and delete is ANDed with the model's scope filter,
 * and every create is stamped with (and checked against) the scope's tenant keys. A row outside the
 * scope is simply not there, so it answers NOT_FOUND like a row that does not exist.
 *
 * This table is the one place that says who may see what. Every model must appear in it: the
 * type below fails to compile when a model is added without a rule.
 * PostgreSQL row-level security is the second wall behind it (server/db/rls.ts, docs/decisions/0011).
 */
import type { Scope } from '../domain/auth/scope';
import { AppError } from '../domain/errors/app-error';
import type { Prisma, PrismaClient } from './generated/client';
import { enterTenant } from './rls';

type Where = Record<string, unknown>;
type ModelRule = {
  /** Filter for rows the scope may read; null = nothing. */
  read: (s: Scope) => Where | null;
  /** Tenant keys stamped on rows the scope creates; null = the scope may not create. */
  create: (s: Scope) => Where | null;
  /** A filter that matches no row of this model. */
  none: Where;
};

const NONE_ID = { id: { in: [] as string[] } };
const integratorOnly = (s: Scope) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : null);

/** Integrator staff see the whole integrator; an SME owner only rows of their SME; a county nothing. */
const smeOwned: ModelRule = {
  read: (s) =>
    s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'sme' ? { integratorId: s.integratorId, smeClientId: s.smeClientId } : null,
  create: integratorOnly,
  none: NONE_ID,
};

/** The integrator's own side of a project (supplier costs, budget lines): its staff only, never the SME owner. */
const integratorStaffOnly: ModelRule = { read: integratorOnly, create: integratorOnly, none: NONE_ID };

/** Like smeOwned, and an SME owner may add rows for their own SME (e.g. the record of accepting a quote). */
const smeWritable: ModelRule = {
  ...smeOwned,
  create: (s) =>
    s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'sme' ? { integratorId: s.integratorId, smeClientId: s.smeClientId } : null,
};

/** Claims sit between two tenants: the integrator that files them and the county that decides them. */
const claimOwned: ModelRule = {
  read: (s) =>
    s.kind === 'county'
      ? // a draft belongs to its integrator until submitted: for a county it does not exist
        { countyId: s.countyId, status: { not: 'DRAFT' } }
      : s.kind === 'integrator'
        ? { integratorId: s.integratorId }
        : { integratorId: s.integratorId, smeClientId: s.smeClientId },
  create: (s) => (s.kind === 'county' ? { countyId: s.countyId } : s.kind === 'integrator' ? { integratorId: s.integratorId } : null),
  none: NONE_ID,
};
/** What hangs off a claim (machines, evidence, history): like the claim, and a county sees none of a draft's. */
const claimPart: ModelRule = {
  ...claimOwned,
  read: (s) => (s.kind === 'county' ? { countyId: s.countyId, claim: { status: { not: 'DRAFT' } } } : claimOwned.read(s)),
};
const countyOwned: ModelRule = {
  read: (s) => (s.kind === 'county' ? { countyId: s.countyId } : { fund: { participations: { some: { integratorId: s.integratorId } } } }),
  create: (s) => (s.kind === 'county' ? { countyId: s.countyId } : null),
  none: NONE_ID,
};

export const tenantRules: Record<Prisma.ModelName, ModelRule> = {
  Integrator: {
    read: (s) => (s.kind === 'county' ? { participations: { some: { countyId: s.countyId } } } : { id: s.integratorId }),
    create: () => null,
    none: NONE_ID,
  },
  County: {
    read: (s) => (s.kind === 'county' ? { id: s.countyId } : { participations: { some: { integratorId: s.integratorId } } }),
    create: () => null,
    none: NONE_ID,
  },
  Cluster: {
    read: (s) =>
      s.kind === 'integrator'
        ? { integratorId: s.integratorId }
        : s.kind === 'sme'
          ? { integratorId: s.integratorId, members: { some: { smeClientId: s.smeClientId } } }
          : null,
    create: integratorOnly,
    none: NONE_ID,
  },
  SmeClient: {
    read: (s) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'sme' ? { integratorId: s.integratorId, id: s.smeClientId } : null),
    create: integratorOnly,
    none: NONE_ID,
  },
  ClusterMembership: { ...smeOwned, none: { clusterId: { in: [] as string[] } } },
  Site: smeOwned,
  Workshop: smeOwned,
  ProductionLine: smeOwned,
  Machine: smeOwned,
  MachineChange: smeOwned,
  SmeContact: smeOwned,
  InventoryImport: smeOwned,
  Assessment: smeOwned,
  AssessmentEvidence: smeOwned,
  StoredFile: smeOwned,
  Project: smeOwned,
  ProjectMachine: { ...smeOwned, none: { projectId: { in: [] as string[] } } },
  CostLine: integratorStaffOnly,
  SavingsLine: smeOwned,
  Quote: smeOwned,
  ProjectStatusChange: smeWritable,
  CostEntry: integratorStaffOnly,
  PaymentMilestone: smeWritable,
  SmeInvoice: smeOwned,
  SmePayment: smeOwned,
  MeasuredSaving: smeOwned,
  // the owner's own word: read like the project, written only by the SME owner of that firm
  SatisfactionRecord: { ...smeOwned, create: (s) => (s.kind === 'sme' ? { integratorId: s.integratorId, smeClientId: s.smeClientId } : null) },
  PriceBookVersion: { read: integratorOnly, create: integratorOnly, none: NONE_ID },
  ImportMapping: integratorStaffOnly,
  Terminal: smeOwned,
  TerminalHealth: { ...smeOwned, none: { terminalId: { in: [] as string[] } } },
  MachineHour: { ...smeOwned, none: { machineId: { in: [] as string[] } } },
  MachineStateSpan: { ...smeOwned, none: { machineId: { in: [] as string[] } } },
  ShiftCalendar: smeOwned,
  // raw samples belong to the ingestion worker: no tenant reads them through the gate (nor through RLS)
  TelemetrySample: { read: () => null, create: () => null, none: { terminal: { in: [] as number[] } } },
  // the roll-up job's watermark and queue: system tables, no tenant's business
  TelemetryRollupState: { read: () => null, create: () => null, none: NONE_ID },
  TelemetryRollupPending: { read: () => null, create: () => null, none: { terminal: { in: [] as number[] } } },
  // the watch notices' memory (server/services/results/watch-notices.ts): the job's own
  MachineWatchNotice: { read: () => null, create: () => null, none: { projectId: { in: [] as string[] } } },
  FundBatch: countyOwned,
  FundRuleVersion: { ...countyOwned, read: (s) => (s.kind === 'county' ? { countyId: s.countyId } : null) },
  Claim: claimOwned,
  ClaimMachine: { ...claimPart, none: { claimId: { in: [] as string[] } } },
  ClaimEvidence: claimPart,
  ClaimEvent: claimPart,
  Fund: {
    read: (s) => (s.kind === 'county' ? { countyId: s.countyId } : { participations: { some: { integratorId: s.integratorId } } }),
    create: (s) => (s.kind === 'county' ? { countyId: s.countyId } : null),
    none: NONE_ID,
  },
  FundParticipation: {
    read: (s) => (s.kind === 'county' ? { countyId: s.countyId } : { integratorId: s.integratorId }),
    create: (s) => (s.kind === 'county' ? { countyId: s.countyId } : null),
    none: NONE_ID,
  },
  User: {
    read: (s) =>
      s.kind === 'integrator'
        ? { integratorId: s.integratorId }
        : s.kind === 'sme'
          ? { integratorId: s.integratorId, smeClientId: s.smeClientId }
          : { countyId: s.countyId },
    create: (s) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'county' ? { countyId: s.countyId } : null),
    none: NONE_ID,
  },
  AuditEvent: {
    read: (s) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'county' ? { countyId: s.countyId } : null),
    create: (s) => (s.kind === 'integrator' || s.kind === 'sme' ? { integratorId: s.integratorId } : { countyId: s.countyId }),
    none: NONE_ID,
  },
  /** The notification outbox: a tenant appends the event of its own change (in the change's transaction), reads none. */
  NotificationEvent: {
    read: () => null,
    create: (s) => (s.kind === 'integrator' || s.kind === 'sme' ? { integratorId: s.integratorId } : { countyId: s.countyId }),
    none: NONE_ID,
  },
  /** Messages to a tenant's own people (the admin's list of failures); only the delivery job writes them. */
  NotificationDelivery: {
    read: (s) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'county' ? { countyId: s.countyId } : null),
    create: () => null,
    none: NONE_ID,
  },
  Invitation: {
    read: (s) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'county' ? { countyId: s.countyId } : null),
    create: (s) => (s.kind === 'integrator' ? { integratorId: s.integratorId } : s.kind === 'county' ? { countyId: s.countyId } : null),
    none: NONE_ID,
  },
  // Reset links are read by the unauthenticated reset path only; an admin's request for one goes through the user row.
  PasswordReset: { read: () => null, create: () => null, none: NONE_ID },
  // Not tenant data: only the sign-in path (unscoped, before anyone is signed in) reads and writes it.
  SignInThrottle: { read: () => null, create: () => null, none: { key: { in: [] as string[] } } },
};

const whereOps = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
]);
const createOps = new Set(['create', 'createMany', 'createManyAndReturn']);

function readFilter(model: Prisma.ModelName, scope: Scope): Where {
  const rule = tenantRules[model];
  return rule.read(scope) ?? rule.none;
}

function stamp(model: Prisma.ModelName, scope: Scope, data: Record<string, unknown>): Record<string, unknown> {
  const keys = tenantRules[model].create(scope);
  if (!keys) throw new AppError('FORBIDDEN');
  for (const [k, v] of Object.entries(keys)) {
    if (k in data && data[k] !== v) throw new AppError('NOT_FOUND'); // names another tenant
  }
  return { ...data, ...keys };
}

/** Extended clients per base client and scope: building one costs more than most queries, and a scope is immutable. */
const filteredCache = new WeakMap<PrismaClient, Map<string, ReturnType<typeof buildFiltered>>>();

function filtered(db: PrismaClient, scope: Scope) {
  let byScope = filteredCache.get(db);
  if (!byScope) {
    byScope = new Map();
    filteredCache.set(db, byScope);
  }
  const key =
    scope.kind === 'county' ? `c|${scope.countyId}` : scope.kind === 'sme' ? `s|${scope.integratorId}|${scope.smeClientId}` : `i|${scope.integratorId}`;
  let client = byScope.get(key);
  if (!client) {
    if (byScope.size >= 2_000) byScope.delete(byScope.keys().next().value as string);
    client = buildFiltered(db, scope);
    byScope.set(key, client);
  }
  return client;
}

/** The application's wall: every model operation filtered to the scope and every create stamped with it. */
function buildFiltered(db: PrismaClient, scope: Scope) {
  return db.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const m = model as Prisma.ModelName;
          const a = (args ?? {}) as Record<string, unknown>;
          if (whereOps.has(operation)) {
            const filter = readFilter(m, scope);
            const where = (a.where ?? {}) as Where;
            const unique = operation.startsWith('findUnique') || operation === 'update' || operation === 'delete' || operation === 'upsert';
            // unique operations keep their unique fields at the top level and add the filter beside them
            a.where = unique ? { ...where, AND: [...toArray(where.AND), filter] } : { AND: [where, filter] };
            if (operation === 'upsert') a.create = stamp(m, scope, a.create as Record<string, unknown>);
          } else if (createOps.has(operation)) {
            a.data = Array.isArray(a.data) ? a.data.map((d) => stamp(m, scope, d)) : stamp(m, scope, a.data as Record<string, unknown>);
          } else {
            throw new AppError('INTERNAL', 'internal', { detail: `unscoped operation ${operation}` });
          }
          return query(a as never);
        },
      },
    },
  });
}

/**
 * The owner client through the handle type the tenant gate gives (an extension without any filter), so that a read
 * written for the gate also runs where the gate is not the wall: a system job that reads every tenant by design
 * (the watch's notices), or a transaction under a tenant's database role whose row-level security is the wall (the
 * county's reads of its claimants, pack-access.ts). Never hand it to a request's use case: it filters nothing.
 */
const unwalledCache = new WeakMap<PrismaClient, ReturnType<typeof extendUnwalled>>();
const extendUnwalled = (db: PrismaClient) => db.$extends({ name: 'unwalled' });
export function unwalled(db: PrismaClient) {
  let u = unwalledCache.get(db);
  if (!u) {
    u = extendUnwalled(db);
    unwalledCache.set(db, u);
  }
  return u;
}

/** The application's filter without the database's wall: only for the test that compares the two. */
export function applicationFilterOnly(db: PrismaClient, scope: Scope): ScopedDb {
  return filtered(db, scope) as unknown as ScopedDb;
}

const rawMethods = new Set(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe']);

/**
 * The scoped handle: the application's filter (above) plus the database's wall (server/db/rls.ts). A single
 * operation runs in its own short transaction that first enters the tenant; `$transaction(fn)` enters it once at
 * the start, so everything inside, raw SQL included, runs under the tenant's role and row-level security.
 */
/** `userId` is the acting user (row-level security lets an SME owner read back the audit entries they wrote). */
export function scopedDb(db: PrismaClient, scope: Scope, userId = '') {
  const app = filtered(db, scope);
  const walled = app.$extends({
    name: 'tenant-wall',
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          return db.$transaction([enterTenant(db, scope, userId), query(args)]).then(([, result]) => result);
        },
      },
    },
  });
  return new Proxy(walled, {
    get(target, prop, receiver) {
      if (prop === '$transaction') {
        return (fn: unknown, options?: Parameters<typeof app.$transaction>[1]) => {
          if (typeof fn !== 'function') throw new AppError('INTERNAL', 'internal', { detail: 'array transactions are not scoped; pass a function' });
          return app.$transaction(async (tx) => {
            await enterTenant(tx, scope, userId);
            return (fn as (tx: unknown) => Promise<unknown>)(tx);
          }, options);
        };
      }
      if (typeof prop === 'string' && rawMethods.has(prop)) {
        return (...args: unknown[]) =>
          db
            .$transaction([enterTenant(db, scope, userId), (db[prop as '$queryRawUnsafe'] as (...a: unknown[]) => Prisma.PrismaPromise<unknown>)(...args)])
            .then(([, result]) => result);
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as typeof walled;
}

/**
 * Runs a whole read-only procedure in one transaction that enters the tenant once (PostgreSQL: one connection from
 * the pool for the request, `BEGIN; set_config…; q1; q2; …; COMMIT` instead of a transaction per query). Inside,
 * `$transaction(fn)` joins the open transaction.
 */
export function inTenantTransaction<T>(db: PrismaClient, scope: Scope, userId: string, fn: (db: ScopedDb) => Promise<T>): Promise<T> {
  return filtered(db, scope).$transaction(
    async (tx) => {
      await enterTenant(tx, scope, userId);
      const handle = new Proxy(tx, {
        get(target, prop, receiver) {
          if (prop === '$transaction') return (inner: (t: typeof tx) => Promise<unknown>) => inner(tx);
          return Reflect.get(target, prop, receiver);
        },
      });
      return fn(handle as unknown as ScopedDb);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/** Clients on a connection pool (PostgreSQL), where a request may hold one connection for its whole transaction. */
const pooledClients = new WeakSet<PrismaClient>();
export function markPooled(db: PrismaClient) {
  pooledClients.add(db);
}
export function isPooled(db: PrismaClient) {
  return pooledClients.has(db);
}

function toArray(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export type ScopedDb = ReturnType<typeof scopedDb>;
