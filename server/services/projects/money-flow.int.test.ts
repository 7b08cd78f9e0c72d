/**
 * One project's money end to end, on both sides: quote → contract → invoices and payments (the SME's side) and
 * supplier costs (the integrator's side) → claim → approval → partial payout → payback. Findings 1 and 6 of the
 * issue "Two sides of a project's money" are the assertions marked so.
 */
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, seedProjectTerminals, type TenantWorld } from '../../../prisma/seed/factories';
import { addDays, shanghaiToday } from '../../domain/time';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let admin: Caller;
let owner: Caller;
let official: Caller;
let projectId: string;
let machineIds: string[];

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
  );

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Money'), { machinesPerSme: 80 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  admin = await callerAs(t.db, w.users.admin.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  official = await callerAs(t.db, w.users.official.id);
  const sme = w.smes[0]?.id as string;
  await t.db.machine.updateMany({ where: { smeClientId: sme }, data: { status: 'IN_SERVICE' } });
  machineIds = (await t.db.machine.findMany({ where: { smeClientId: sme }, orderBy: { assetTag: 'asc' }, take: 4, select: { id: true } })).map((m) => m.id);
  projectId = (
    await engineer.projects.create({
      smeClientId: sme,
      title: '两个账本',
      machineIds,
      modules: ['MACHINE_MONITORING'],
      softwareYears: 1,
      trainingDays: 1,
      target: { d: 1, n: 1, i: 0 },
      savings: [{ kind: 'LABOUR', operatorsFreed: 1, monthlyWageFen: 640_000n, shifts: 1 }],
      expectedSubsidyFen: 500_000n,
      paymentTerms: [
        { stage: 'DOWN_PAYMENT', dueOn: 'SIGNING', shareBp: 3000 },
        { stage: 'PROGRESS', dueOn: 'START', shareBp: 3000 },
        { stage: 'ACCEPTANCE', dueOn: 'COMMISSIONING', shareBp: 3500 },
        { stage: 'RETENTION', dueOn: 'WARRANTY_END', shareBp: 500 },
      ],
    })
  ).id;
});
afterAll(() => t.close());

describe(`a project's money on two sides (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let contractFen: bigint;

  it('accepting the quote signs the contract: its price and the schedule in money, summing to the price', async () => {
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    const before = await owner.projects.get({ id: projectId });
    const open = before.openQuote;
    if (!open) throw new Error('an open quote');
    expect(open.paymentTerms.map((s) => s.stage)).toEqual(['DOWN_PAYMENT', 'PROGRESS', 'ACCEPTANCE', 'RETENTION']);
    expect(open.lines.find((l) => l.category === 'HARDWARE')?.vatRateBp).toBe(1300);
    expect(open.lines.find((l) => l.category === 'SOFTWARE')?.vatRateBp).toBe(600);
    // the owner accepts the version they read; a stale id is refused
    expect(await codeOf(owner.projects.transition({ id: projectId, name: 'accept', quoteId: 'not-the-quote' }))).toBe('CONFLICT:transition.quoteChanged');
    await owner.projects.transition({ id: projectId, name: 'accept', quoteId: open.id });
    const p = await owner.projects.get({ id: projectId });
    contractFen = p.ledger.contractFen ?? 0n;
    expect(contractFen).toBe(open.totalFen);
    expect(p.ledger.milestones.reduce((s, m) => s + m.amountFen, 0n)).toBe(contractFen);
    expect(p.ledger.milestones.filter((m) => m.due).map((m) => m.stage)).toEqual(['DOWN_PAYMENT']);
    expect(p.ledger.dueNowFen).toBe(p.ledger.milestones[0]?.amountFen);
    expect(p.payback?.basis).toEqual({ investment: 'contracted', subsidy: 'expected', savings: 'expected' });
  });

  it('finding 1: a supplier invoice is the integrator’s cost — it is not the SME’s investment and the owner never sees it', async () => {
    await engineer.projects.transition({ id: projectId, name: 'start' });
    await engineer.projects.addCost({
      projectId,
      costLineId: null,
      supplier: '杭州数采科技有限公司',
      invoiceNo: 'SUP-77001',
      invoiceDate: '2026-10-08',
      amountFen: 4_500_000n,
      paid: true,
    });
    const staff = await engineer.projects.get({ id: projectId });
    expect(staff.payback?.investmentFen).toBe(contractFen);
    expect(staff.integratorSide?.margin).toEqual({ revenueFen: contractFen, costFen: 4_500_000n, marginFen: contractFen - 4_500_000n, onContract: true });
    const mine = await owner.projects.get({ id: projectId });
    expect(mine.payback?.investmentFen).toBe(contractFen);
    expect(mine.payback?.verdict).toEqual(staff.payback?.verdict);
    expect(mine.integratorSide).toBeNull();
    const seen = superjson.stringify([mine, await owner.projects.list({}), await owner.projects.quote({ id: mine.quotes[0]?.id as string })]);
    for (const secret of ['杭州数采科技有限公司', 'SUP-77001', 'supplier', 'costEntries', 'costLines', 'varianceFen', 'marginFen', '"integratorSide":{']) {
      expect(seen).not.toContain(secret);
    }
    expect((await owner.projects.list({})).items[0]?.budgetFen).toBeNull();
    // and the database itself refuses the owner the integrator's rows
    expect(await t.db.costEntry.count({ where: { projectId } })).toBe(1);
  });

  it('invoices and payments on the SME’s side: bounded by the contract and by each stage, audited', async () => {
    const p = await engineer.projects.get({ id: projectId });
    const [down, progress] = p.ledger.milestones;
    if (!down || !progress) throw new Error('stages');
    expect(
      await codeOf(engineer.projects.addSmeInvoice({ projectId, invoiceNo: 'F-1', issuedOn: '2026-10-01', vatRateBp: 1300, amountFen: contractFen + 1n })),
    ).toMatch(/^BAD_REQUEST:ledger.invoiceOverContract/);
    await engineer.projects.addSmeInvoice({
      projectId,
      invoiceNo: 'F-1',
      issuedOn: '2026-10-01',
      vatRateBp: 1300,
      amountFen: down.amountFen + progress.amountFen,
    });
    expect(await codeOf(engineer.projects.addSmeInvoice({ projectId, invoiceNo: 'F-1', issuedOn: '2026-10-01', vatRateBp: 1300, amountFen: 1n }))).toBe(
      'CONFLICT:ledger.invoiceNoTaken',
    );
    expect(
      await codeOf(
        engineer.projects.addSmePayment({ projectId, milestoneId: down.id, receivedOn: '2026-10-02', amountFen: down.amountFen + 1n, reference: null }),
      ),
    ).toMatch(/^BAD_REQUEST:ledger.paymentOverStage/);
    expect(
      await codeOf(
        engineer.projects.addSmePayment({ projectId, milestoneId: down.id, receivedOn: addDays(shanghaiToday(), 2), amountFen: 1n, reference: null }),
      ),
    ).toBe('BAD_REQUEST:ledger.futureDate');
    await engineer.projects.addSmePayment({ projectId, milestoneId: down.id, receivedOn: '2026-10-02', amountFen: down.amountFen, reference: '网银 0001' });
    expect(
      await codeOf(owner.projects.addSmePayment({ projectId, milestoneId: progress.id, receivedOn: '2026-10-02', amountFen: 1n, reference: null })),
    ).toMatch(/^FORBIDDEN/);
    const l = (await owner.projects.get({ id: projectId })).ledger;
    expect(l.invoicedFen).toBe(down.amountFen + progress.amountFen);
    expect(l.paidFen).toBe(down.amountFen);
    expect(l.eligibleFen).toBe(down.amountFen); // paid AND invoiced
    expect(l.outstandingFen).toBe(contractFen - down.amountFen);
    expect(l.invoices[0]?.taxFen).toBe(((down.amountFen + progress.amountFen) * 1300n * 2n + 11_300n) / (11_300n * 2n));
    expect(await t.db.auditEvent.count({ where: { entityId: projectId, action: { in: ['project.smeInvoice', 'project.smePayment'] } } })).toBe(2);
  });

  it('finding 6: a partial payout counts as what was paid; the page, the overview and the rule agree', async () => {
    await seedProjectTerminals(t.db, projectId);
    await engineer.projects.transition({ id: projectId, name: 'commission' });
    const d = await engineer.claims.draft({ projectId, fundId: w.fund.id, machineIds: machineIds.slice(0, 2), batchId: null });
    await engineer.claims.submit({ id: d.id });
    const c = await official.claims.get({ id: d.id });
    await official.claims.decide({ id: d.id, decision: 'approve' });
    const approved = await owner.projects.get({ id: projectId });
    expect(approved.payback?.basis.subsidy).toBe('approved');
    expect(approved.payback?.subsidyFen).toBe(c.computedFen);
    const part = c.computedFen / 3n;
    await official.claims.disburse({ id: d.id, date: '2026-11-20', amountFen: part, reference: 'XC-1' });
    const paid = await owner.projects.get({ id: projectId });
    expect(paid.payback?.basis.subsidy).toBe('paid');
    expect(paid.payback?.subsidyFen).toBe(part);
    expect(paid.payback?.netFen).toBe(contractFen - part);
    const overview = await admin.projects.overview();
    const months = paid.payback?.verdict.kind === 'months' ? paid.payback.verdict.months : null;
    expect(months).not.toBeNull();
    expect(overview.averagePaybackMonths).toBe(months);
    // finding 2: the county dashboard and the SME's page say the same, on the same basis
    const dash = await official.fundAdmin.dashboard({ fundId: w.fund.id });
    expect(dash.paybackByProject).toEqual([{ number: paid.number, months, basis: paid.payback?.basis }]);
    // the spend a share-of-spend rule counts is the SME's paid and invoiced amount, not the supplier invoice
    const claim = await official.claims.get({ id: d.id });
    expect(claim.snapshot.facts.paidSpendFen).toBe(paid.ledger.eligibleFen.toString());
    expect(claim.snapshot.project.budgetFen).toBe(contractFen.toString());
    expect(overview.contractedFen).toBe(contractFen);
    expect(overview.supplierCostFen).toBe(4_500_000n);
  });
});
