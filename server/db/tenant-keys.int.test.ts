/**
 * Foreign keys bypass row-level security: a tenant could point its own row at another tenant's row (issue 14, item
 * 13). Every reference between tenant-owned tables carries the tenant key (prisma/migrations/*_tenant_composite_keys),
 * so the database itself refuses such a link. The table below lists every reference; the catalogue test fails when a
 * foreign key is added that is not in it or that does not carry the tenant keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentRecord, createProjectRecord, createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import type { Scope } from '../domain/auth/scope';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import type { PrismaClient } from './generated/client';
import { withTenant } from './rls';

type Kind = 'integrator' | 'county' | 'sme';
/**
 * [referencing table, its column that names the target's id, target table, the tenant that writes the row, and what
 * else the attempt changes so that a unique key of the moved row does not refuse it first].
 */
const references: [string, string, string, Kind, string?][] = [
  ['SmeContact', 'smeClientId', 'SmeClient', 'integrator'],
  ['ClusterMembership', 'clusterId', 'Cluster', 'integrator'],
  ['ClusterMembership', 'smeClientId', 'SmeClient', 'integrator'],
  ['Site', 'smeClientId', 'SmeClient', 'integrator', `"name" = "name" || '~'`],
  ['Workshop', 'siteId', 'Site', 'integrator', `"name" = "name" || '~'`],
  ['ProductionLine', 'workshopId', 'Workshop', 'integrator', `"name" = "name" || '~'`],
  ['Machine', 'smeClientId', 'SmeClient', 'integrator', `"assetTag" = "assetTag" || '~'`],
  ['Machine', 'lineId', 'ProductionLine', 'integrator'],
  ['MachineChange', 'machineId', 'Machine', 'integrator'],
  ['InventoryImport', 'smeClientId', 'SmeClient', 'integrator'],
  ['Assessment', 'smeClientId', 'SmeClient', 'integrator'],
  ['AssessmentEvidence', 'assessmentId', 'Assessment', 'integrator', `"technology" = "technology" || '~'`],
  ['AssessmentEvidence', 'fileId', 'StoredFile', 'integrator'],
  ['Project', 'smeClientId', 'SmeClient', 'integrator'],
  ['Project', 'priceBookVersionId', 'PriceBookVersion', 'integrator'],
  ['ProjectMachine', 'projectId', 'Project', 'integrator'],
  ['ProjectMachine', 'machineId', 'Machine', 'integrator'],
  ['CostLine', 'projectId', 'Project', 'integrator'],
  ['SavingsLine', 'projectId', 'Project', 'integrator'],
  ['Quote', 'projectId', 'Project', 'integrator', `"version" = "version" + 1000`],
  ['ProjectStatusChange', 'projectId', 'Project', 'integrator'],
  ['CostEntry', 'projectId', 'Project', 'integrator'],
  ['CostEntry', 'costLineId', 'CostLine', 'integrator'],
  ['MeasuredSaving', 'projectId', 'Project', 'integrator', `"month" = '2099-12'`],
  // written by the SME owner only (the integrator's staff read it)
  ['SatisfactionRecord', 'projectId', 'Project', 'sme'],
  ['PaymentMilestone', 'projectId', 'Project', 'integrator', `"stage" = 'PROGRESS'`],
  ['SmeInvoice', 'projectId', 'Project', 'integrator', `"invoiceNo" = "invoiceNo" || '~'`],
  ['SmePayment', 'projectId', 'Project', 'integrator'],
  ['SmePayment', 'milestoneId', 'PaymentMilestone', 'integrator'],
  ['User', 'smeClientId', 'SmeClient', 'integrator'],
  ['FundBatch', 'fundId', 'Fund', 'county'],
  ['FundRuleVersion', 'fundId', 'Fund', 'county', `"version" = "version" + 1000`],
  ['FundParticipation', 'fundId', 'Fund', 'county'],
  ['Claim', 'fundId', 'Fund', 'county'],
  ['Claim', 'batchId', 'FundBatch', 'county'],
  ['Claim', 'projectId', 'Project', 'integrator'],
  ['ClaimMachine', 'claimId', 'Claim', 'integrator'],
  ['ClaimEvidence', 'claimId', 'Claim', 'integrator'],
  ['ClaimEvent', 'claimId', 'Claim', 'integrator'],
  ['Terminal', 'smeClientId', 'SmeClient', 'integrator', `"serial" = "serial" || '~'`],
  ['Terminal', 'machineId', 'Machine', 'integrator', `"kind" = 'TERMINAL', "revokedAt" = now()`],
  ['Terminal', 'gatewayId', 'Terminal', 'integrator'],
  ['TerminalHealth', 'terminalId', 'Terminal', 'integrator'],
  ['MachineHour', 'machineId', 'Machine', 'integrator', `"hour" = "hour" + interval '1 day'`],
  ['MachineStateSpan', 'machineId', 'Machine', 'integrator', `"from" = "from" + interval '1 day'`],
  ['ShiftCalendar', 'smeClientId', 'SmeClient', 'integrator'],
];
/** References whose column *is* the tenant key (the row's own tenant), and the signed-out reset links. */
const tenantRoots = ['Cluster.integratorId', 'SmeClient.integratorId', 'Fund.countyId', 'FundParticipation.countyId', 'User.integratorId', 'User.countyId'];
const byDesign = {
  'FundParticipation.integratorId': 'a county invites an integrator: the one link between tenants, made by the county',
  'PasswordReset.userId': 'no tenant key: only the signed-out reset path reads it',
};
const tenantKeys = ['integratorId', 'countyId', 'smeClientId'];

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;

/** One row in every tenant-owned table for a world, so that each reference can be tried. */
async function fillEveryTable(db: PrismaClient, w: TenantWorld, opts: { satisfaction: boolean }) {
  const integratorId = w.integrator.id;
  const smeClientId = w.smes[0]?.id as string;
  const countyId = w.county.id;
  const own = { integratorId, smeClientId };
  const { projectId, milestoneId } = await createProjectRecord(db, own);
  await db.smeInvoice.create({
    data: { ...own, projectId, invoiceNo: 'F-1', issuedOn: new Date('2026-03-01'), vatRateBp: 1300, amountFen: 113n, taxFen: 13n },
  });
  await db.smePayment.create({ data: { ...own, projectId, milestoneId, receivedOn: new Date('2026-03-02'), amountFen: 100n } });
  const machine = await db.machine.findFirstOrThrow({ where: own, select: { id: true } });
  const assessment = await createAssessmentRecord(db, { ...own, date: '2026-03-01', d: 1, n: 1 });
  const file = await db.storedFile.create({ data: { ...own, fileName: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'x' } });
  await db.assessmentEvidence.create({ data: { ...own, assessmentId: assessment.id, technology: 'ERP', fileId: file.id } });
  await db.smeContact.create({ data: { ...own, name: '张三' } });
  await db.inventoryImport.create({ data: { ...own, fileName: 'm.csv', format: 'csv', rows: 1, created: 1, updated: 0, unchanged: 0, durationMs: 1 } });
  await db.projectMachine.create({ data: { ...own, projectId, machineId: machine.id } });
  await db.savingsLine.create({ data: { ...own, projectId, kind: 'ENERGY', params: {}, monthlyFen: 1n } });
  await db.projectStatusChange.create({ data: { ...own, projectId, from: 'DRAFT', to: 'QUOTED', transition: 'issueQuote' } });
  await db.measuredSaving.create({ data: { ...own, projectId, month: '2026-05', amountFen: 1n } });
  // one per project: tenant B's project is left without, so that pointing A's record at it meets the key, not the unique
  if (opts.satisfaction)
    await db.satisfactionRecord.create({
      data: { ...own, projectId, overall: 5, service: 5, results: 4, usedInProduction: true, wouldRecommend: true, respondentName: '王' },
    });
  const batch = await db.fundBatch.create({
    data: { countyId, fundId: w.fund.id, name: '一批', opensOn: new Date('2026-01-01'), closesOn: new Date('2026-12-31') },
  });
  await db.fundRuleVersion.create({ data: { countyId, fundId: w.fund.id, version: 1, rules: [] } });
  const claim = await db.claim.create({
    // submitted: a county never sees a draft (0009), so a draft would leave the county nothing to change
    data: { ...own, countyId, fundId: w.fund.id, projectId, batchId: batch.id, number: `C-${integratorId}`, status: 'SUBMITTED', rulesVersion: 1, rules: [] },
  });
  const claimRow = { ...own, countyId, claimId: claim.id };
  await db.claimMachine.create({ data: { ...claimRow, machineId: machine.id, assetTag: 'M-1', costFen: 1n } });
  await db.claimEvidence.create({ data: { ...claimRow, kind: 'CONTRACT', fileId: file.id, fileName: 'a.pdf' } });
  await db.claimEvent.create({ data: { ...claimRow, action: 'draft', from: 'DRAFT', to: 'DRAFT' } });
  // the gateway first: the checks below change the first terminal row, and the health row hangs off the second
  const gateway = await db.terminal.create({ data: { ...own, kind: 'GATEWAY', serial: `GW-${integratorId}`, secretHash: 'x' } });
  const terminal = await db.terminal.create({
    data: { ...own, serial: `T-${integratorId}`, machineId: machine.id, gatewayId: gateway.id, secretHash: 'x' },
  });
  // made with its terminal (a trigger)
  expect(await db.terminalHealth.findUnique({ where: { terminalId: terminal.id }, select: { integratorId: true, smeClientId: true } })).toEqual(own);
  const hour = new Date('2026-05-01T02:00:00Z');
  const seconds = { plannedS: 0, runningS: 0, idleS: 0, stoppedS: 0, alarmS: 0, setupS: 0, unknownS: 3600 };
  const planned = { plannedRunningS: 0, plannedIdleS: 0, plannedStoppedS: 0, plannedAlarmS: 0, plannedSetupS: 0, plannedUnknownS: 0 };
  await db.machineHour.create({ data: { ...own, machineId: machine.id, hour, ...seconds, ...planned } });
  await db.machineStateSpan.create({ data: { ...own, machineId: machine.id, from: hour, to: new Date('2026-05-01T03:00:00Z'), state: 0 } });
  await db.shiftCalendar.create({ data: { ...own, definition: {} } });
}

const scopeOf = (w: TenantWorld, kind: Kind): Scope =>
  kind === 'county'
    ? { kind: 'county', countyId: w.county.id, role: 'COUNTY_OFFICIAL', admin: true }
    : kind === 'sme'
      ? { kind: 'sme', integratorId: w.integrator.id, smeClientId: w.smes[0]?.id as string, role: 'SME_OWNER' }
      : { kind: 'integrator', integratorId: w.integrator.id, role: 'INTEGRATOR_ADMIN' };

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('KeyA'), { machinesPerSme: 2 });
  b = await createTenantWorld(t.db, uniqueTag('KeyB'), { machinesPerSme: 2 });
  await fillEveryTable(t.db, a, { satisfaction: true });
  await fillEveryTable(t.db, b, { satisfaction: false });
});
afterAll(() => t.close());

type Fk = { table: string; target: string; cols: string[]; refcols: string[] };

describe(`tenant keys in every foreign key (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('the table of references is complete, and every reference carries the tenant keys both rows have', async () => {
    const fks = await t.db.$queryRaw<Fk[]>`
      SELECT t.relname::text AS "table", r.relname::text AS target,
        (SELECT array_agg(at.attname::text ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(num, n)
          JOIN pg_attribute at ON at.attrelid = c.conrelid AND at.attnum = k.num) AS cols,
        (SELECT array_agg(at.attname::text ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(num, n)
          JOIN pg_attribute at ON at.attrelid = c.confrelid AND at.attnum = k.num) AS refcols
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE c.contype = 'f' AND ns.nspname = 'public'`;
    const columns = await t.db.$queryRaw<{ table: string; column: string; nullable: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column", is_nullable::text AS nullable
      FROM information_schema.columns WHERE table_schema = 'public'`;
    const notNull = (table: string, column: string) => columns.some((c) => c.table === table && c.column === column && c.nullable === 'NO');
    const has = (table: string, column: string) => columns.some((c) => c.table === table && c.column === column);
    const found: string[] = [];
    const missingKeys: string[] = [];
    for (const fk of fks) {
      const idCol = fk.cols[fk.refcols.indexOf('id')] as string;
      const name = `${fk.table}.${idCol}`;
      if (tenantRoots.includes(name) || name in byDesign) continue;
      found.push(`${name} → ${fk.target}`);
      for (const key of tenantKeys) {
        // the target's own id is the key when the target is the SME client itself
        if (fk.target === 'SmeClient' && key === 'smeClientId') continue;
        if (has(fk.table, key) && notNull(fk.target, key) && fk.cols[fk.refcols.indexOf(key)] !== key) missingKeys.push(`${name} lacks ${key}`);
      }
    }
    expect(found.sort()).toEqual(references.map(([table, col, target]) => `${table}.${col} → ${target}`).sort());
    expect(missingKeys).toEqual([]);
  });

  it.each(references)('%s.%s cannot point at another tenant’s %s', async (table, column, target, kind, also) => {
    const tenantCol = kind === 'county' ? 'countyId' : 'integratorId';
    const targetTenant = target === 'Fund' || target === 'FundBatch' ? 'countyId' : 'integratorId';
    const [foreign] = await t.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "${target}" WHERE "${targetTenant}" = $1 LIMIT 1`,
      targetTenant === 'countyId' ? b.county.id : b.integrator.id,
    );
    expect(foreign, `a ${target} of tenant B`).toBeDefined();
    // every terminal has its health row (a trigger): free one of B's terminals so that the foreign key, not the
    // health table's primary key, is what must refuse the row pointing at it
    if (table === 'TerminalHealth') await t.db.terminalHealth.deleteMany({ where: { terminalId: foreign?.id } });
    const aTenant = kind === 'county' ? a.county.id : a.integrator.id;
    const attempt = withTenant(t.db, scopeOf(a, kind), async (tx) => {
      const [own] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "${tenantCol}" = $1`, aTenant);
      expect(Number(own?.n), `tenant A has a ${table} row to change`).toBeGreaterThan(0);
      return tx.$executeRawUnsafe(
        `UPDATE "${table}" SET "${column}" = $1${also ? `, ${also}` : ''} WHERE ctid = (SELECT ctid FROM "${table}" WHERE "${tenantCol}" = $2 LIMIT 1)`,
        foreign?.id,
        aTenant,
      );
    });
    await expect(attempt).rejects.toThrow(/foreign key|23503/i);
  });

  it('as retrofit_integrator of tenant A, a cluster membership naming tenant B’s SME is refused (the reported attack)', async () => {
    const insert = withTenant(t.db, scopeOf(a, 'integrator'), (tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO "ClusterMembership" ("integratorId", "clusterId", "smeClientId") VALUES ($1, $2, $3)`,
        a.integrator.id,
        a.cluster.id,
        b.smes[1]?.id,
      ),
    );
    await expect(insert).rejects.toThrow(/foreign key|23503/i);
    expect(await t.db.clusterMembership.count({ where: { clusterId: a.cluster.id, smeClientId: b.smes[1]?.id } })).toBe(0);
    // the same row within tenant A is accepted: the keys refuse only what crosses tenants
    await t.db.clusterMembership.delete({ where: { clusterId_smeClientId: { clusterId: a.cluster.id, smeClientId: a.smes[1]?.id as string } } });
    const ok = await withTenant(t.db, scopeOf(a, 'integrator'), (tx) =>
      tx.$executeRawUnsafe(
        `INSERT INTO "ClusterMembership" ("integratorId", "clusterId", "smeClientId") VALUES ($1, $2, $3)`,
        a.integrator.id,
        a.cluster.id,
        a.smes[1]?.id,
      ),
    );
    expect(ok).toBe(1);
  });

  it('a user tied to an SME must name the SME’s integrator', async () => {
    const orphan = t.db.user.create({
      data: { email: `${uniqueTag('orphan')}@x.test`, name: 'x', passwordHash: 'x', role: 'SME_OWNER', smeClientId: b.smes[0]?.id as string },
    });
    await expect(orphan).rejects.toThrow(/User_smeClient_needs_integrator|check constraint/i);
  });
});
