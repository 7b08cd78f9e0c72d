import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectRecord, createTenantWorld, seedProjectTerminals, type TenantWorld } from '../../../prisma/seed/factories';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
let engineer: Caller;
let owner: Caller;
let official: Caller;
let projectId: string;
let machineIds: string[];

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
  );
}

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('Clm'), { machinesPerSme: 40 });
  b = await createTenantWorld(t.db, uniqueTag('ClB'));
  engineer = await callerAs(t.db, a.users.engineer.id);
  owner = await callerAs(t.db, a.users.smeOwner.id);
  official = await callerAs(t.db, a.users.official.id);
  const sme = a.smes[0]?.id as string;
  await t.db.machine.updateMany({ where: { smeClientId: sme }, data: { status: 'IN_SERVICE' } });
  machineIds = (await t.db.machine.findMany({ where: { smeClientId: sme }, orderBy: { assetTag: 'asc' }, take: 3, select: { id: true } })).map((m) => m.id);
  const p = await engineer.projects.create({
    smeClientId: sme,
    title: 'claim test',
    machineIds,
    modules: ['MACHINE_MONITORING'],
    softwareYears: 1,
    trainingDays: 0,
    target: { d: 1, n: 1, i: 0 },
    savings: [{ kind: 'ENERGY', monthlyFen: 100_000n }],
    expectedSubsidyFen: 0n,
  });
  projectId = p.id;
  await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
  await owner.projects.transition({ id: projectId, name: 'accept' });
  await engineer.projects.transition({ id: projectId, name: 'start' });
  await seedProjectTerminals(t.db, projectId);
  await engineer.projects.transition({ id: projectId, name: 'commission' });
});
afterAll(() => t.close());

describe(`subsidy claims (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let claimId: string;

  it('previews the claim with its reasoning in the caller’s language', async () => {
    const p = await engineer.claims.preview({ projectId, fundId: a.fund.id, machineIds, batchId: null });
    expect(p.eligible).toBe(true);
    expect(p.text).toMatch(/^40 machines in service × 5% → allowance 2; 0 already used; this claim asks 3 → 1 over; retrofit cost of 2 machines: /);
    expect(p.grantedFen).toBeGreaterThan(0n);
  });

  it('drafts and submits; the official sees it with the SME data it carries, not the SME’s tables', async () => {
    const d = await engineer.claims.draft({ projectId, fundId: a.fund.id, machineIds, batchId: null });
    claimId = d.id;
    await engineer.claims.submit({ id: claimId });
    const c = await official.claims.get({ id: claimId });
    expect(c.status).toBe('SUBMITTED');
    expect(c.snapshot.sme.legalName).toBe(a.smes[0]?.legalName);
    expect(c.machines).toHaveLength(3);
    expect(c.explanationText).toContain('allowance 2');
    expect(await codeOf(official.clients.get({ id: a.smes[0]?.id as string }))).toBe('NOT_FOUND:notFound');
  });

  it('refuses an approval above the allowed amount, or lower without a reason; rejecting needs a reason', async () => {
    const c = await official.claims.get({ id: claimId });
    expect(await codeOf(official.claims.decide({ id: claimId, decision: 'approve', amountFen: c.computedFen + 1n }))).toBe(
      'BAD_REQUEST:claim.amountAboveAllowed',
    );
    expect(await codeOf(official.claims.decide({ id: claimId, decision: 'approve', amountFen: c.computedFen - 1n }))).toBe(
      'BAD_REQUEST:claim.changedNeedsReason',
    );
    expect(await codeOf(official.claims.decide({ id: claimId, decision: 'reject' }))).toBe('BAD_REQUEST:claim.reasonRequired');
    expect(await codeOf(engineer.claims.decide({ id: claimId, decision: 'approve' }))).toMatch(/^FORBIDDEN/);
  });

  it('approval commits against the budget and lowers the SME’s net investment; payout moves it to paid', async () => {
    const c = await official.claims.get({ id: claimId });
    await official.claims.decide({ id: claimId, decision: 'approve' });
    const fund = await t.db.fund.findUniqueOrThrow({ where: { id: a.fund.id } });
    expect(fund.committedFen).toBe(c.computedFen);
    const p = await owner.projects.get({ id: projectId });
    expect(p.payback?.basis.subsidy).toBe('approved');
    expect(p.payback?.subsidyFen).toBe(c.computedFen);
    expect((await owner.claims.list({ projectId })).items.map((x) => x.status)).toEqual(['APPROVED']);
    await official.claims.disburse({ id: claimId, date: '2026-11-20', amountFen: c.computedFen, reference: 'XC-2026-118' });
    const after = await t.db.fund.findUniqueOrThrow({ where: { id: a.fund.id } });
    expect(after.committedFen).toBe(0n);
    expect(after.disbursedFen).toBe(c.computedFen);
    const timeline = (await engineer.claims.get({ id: claimId })).events.map((e) => e.action);
    expect(timeline).toEqual(['draft', 'submit', 'approve', 'disburse']);
    expect(await t.db.auditEvent.count({ where: { entityId: claimId, action: { startsWith: 'claim.' } } })).toBe(4);
  });

  it('the allowance counts every claim of the SME under the fund; the claimed machines are not named again', async () => {
    expect(await codeOf(engineer.claims.preview({ projectId, fundId: a.fund.id, machineIds, batchId: null }))).toBe(
      'PRECONDITION_FAILED:claim.machinesClaimedElsewhere',
    );
    const options = await engineer.claims.formOptions({ projectId, fundId: a.fund.id });
    expect(options).toMatchObject({ allowance: 2, allowanceLeft: 0 });
  });

  it('rule changes make a new version for new claims; the decided claim keeps its rules', async () => {
    const f = await official.fundAdmin.getForEdit({ id: a.fund.id });
    const input = {
      name: f.name,
      nameEn: f.nameEn,
      budgetFen: f.budgetFen,
      periodStart: f.periodStart.toISOString().slice(0, 10),
      periodEnd: f.periodEnd.toISOString().slice(0, 10),
      sectors: f.sectors as 'BALL_BEARINGS'[],
      rules: [{ kind: 'SPEND_SHARE' as const, rateBp: 5000, capPerFirmFen: null }],
      evidenceRequired: ['INVOICES' as const],
      batches: [],
    };
    expect(await codeOf(official.fundAdmin.update({ id: a.fund.id, ...input, budgetFen: 1n }))).toBe('PRECONDITION_FAILED:fund.budgetBelowCommitted');
    const r = await official.fundAdmin.update({ id: a.fund.id, ...input });
    expect(r.rulesVersion).toBe(2);
    const decided = await official.claims.get({ id: claimId });
    expect(decided.rulesVersion).toBe(1);
    expect(decided.rules[0]?.kind).toBe('FREE_SHARE');
  });

  it('another county, integrator or SME reaches none of it', async () => {
    for (const user of [b.users.official, b.users.engineer, b.users.smeOwner]) {
      const other = await callerAs(t.db, user.id);
      expect(await codeOf(other.claims.get({ id: claimId }))).toBe('NOT_FOUND:notFound');
      expect(await other.claims.list({})).toMatchObject({ items: [], total: 0 });
    }
    const otherOfficial = await callerAs(t.db, b.users.official.id);
    expect(await codeOf(otherOfficial.claims.decide({ id: claimId, decision: 'reject', reason: 'x' }))).toBe('NOT_FOUND:notFound');
    expect(await codeOf(otherOfficial.fundAdmin.getForEdit({ id: a.fund.id }))).toBe('NOT_FOUND:notFound');
  });

  it('the dashboard counts the covered SME and machines; the register exports', async () => {
    const d = await official.fundAdmin.dashboard({ fundId: a.fund.id });
    expect(d.coveredSmes).toBe(1);
    expect(d.coveredMachines).toBe(3);
    expect(d.funds[0]?.disbursedFen).toBeGreaterThan(0n);
    expect(d.byStatus).toEqual([{ status: 'DISBURSED', count: 1 }]);
    // the figures drawn from the claim's snapshot (read out of its JSON by the database) match the snapshot itself
    const { snapshot } = await official.claims.get({ id: claimId });
    expect(d.perIntegrator).toEqual([{ name: snapshot.integrator, smes: 1, machines: 3 }]);
    expect(d.perCluster).toEqual(snapshot.sme.clusters.map((name) => ({ name, smes: 1, machines: 3 })));
    expect(d.costPerMachineFen).toBe(BigInt(snapshot.project.budgetFen) / 3n);
    expect(d.level2.beforeKnown + d.level2.afterKnown).toBe(
      (snapshot.assessments.before?.level != null ? 1 : 0) + (snapshot.assessments.after?.level != null ? 1 : 0),
    );
    expect(d.paybackByProject.map((x) => x.number)).toEqual([snapshot.project.number]);
    const file = await official.fundAdmin.exportRegister({ fundId: a.fund.id, locale: 'zh-CN' });
    expect(file.bytes.length).toBeGreaterThan(1000);
  });
});

describe('budget integrity under racing approvals', () => {
  it(`many officials approving at once never commit more than the budget (${process.env.TEST_DB ?? 'pglite'})`, async () => {
    const n = process.env.TEST_DB === 'postgres' ? 200 : 40;
    const fund = await t.db.fund.create({
      data: {
        countyId: a.county.id,
        name: 'race',
        budgetFen: 25n * 1_000_000n + 500n,
        periodStart: new Date('2026-01-01T00:00:00Z'),
        periodEnd: new Date('2027-01-01T00:00:00Z'),
        sectors: [],
        rules: [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }],
      },
      select: { id: true },
    });
    const snapshot = {
      sme: { legalName: 'x', legalNameEn: null, creditCode: null, sector: 'BALL_BEARINGS', clusters: [] },
      integrator: 'x',
      project: { number: 'P', title: 't', status: 'COMMISSIONED', machines: 1, budgetFen: '0', target: 'D1N1', paybackMonths: null },
      facts: {
        inServiceMachines: 10,
        machinesAlreadyClaimed: 0,
        machines: [],
        paidSpendFen: '2000000',
        unpaidSpendFen: '0',
        levelReached: null,
        contractDate: null,
        completionDate: null,
        batch: null,
        filedOn: '2026-06-01',
      },
      assessments: { before: null, after: null },
    };
    // the claims' project must be a project of the claiming SME (the database's tenant keys check it)
    const race = await createProjectRecord(t.db, { integratorId: a.integrator.id, smeClientId: a.smes[1]?.id as string });
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = await t.db.claim.create({
        data: {
          countyId: a.county.id,
          fundId: fund.id,
          integratorId: a.integrator.id,
          smeClientId: a.smes[1]?.id as string,
          projectId: race.projectId,
          number: `R-${i}`,
          status: 'SUBMITTED',
          rulesVersion: 1,
          rules: [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }],
          computedFen: 1_000_000n,
          requestedFen: 1_000_000n,
          snapshot,
        },
        select: { id: true },
      });
      ids.push(c.id);
    }
    const officials = [await callerAs(t.db, a.users.official.id), await callerAs(t.db, a.users.official.id)];
    const results = await Promise.all(ids.map((id, i) => codeOf((officials[i % 2] as Caller).claims.decide({ id, decision: 'approve' }))));
    const ok = results.filter((r) => r === 'OK').length;
    expect(ok).toBe(25);
    expect(results.filter((r) => r === 'PRECONDITION_FAILED:claim.budgetExceeded')).toHaveLength(n - 25);
    const f = await t.db.fund.findUniqueOrThrow({ where: { id: fund.id } });
    expect(f.committedFen).toBe(25_000_000n);
    expect(f.committedFen + f.disbursedFen).toBeLessThanOrEqual(f.budgetFen);
    // every loser was told why, in words
    const loser = await officials[0]?.claims.decide({ id: ids[ids.length - 1] as string, decision: 'approve' }).catch((e: TRPCError) => e);
    expect((loser as TRPCError).message).toBe('claim.budgetExceeded');
  }, 120_000);
});
