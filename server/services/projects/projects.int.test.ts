import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentRecord, createTenantWorld, seedProjectTerminals, type TenantWorld } from '../../../prisma/seed/factories';
import type { AppError } from '../../domain/errors/app-error';
import { errorMessage } from '../../i18n/messages';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let admin: Caller;
let owner: Caller;
let sme: string;
let machineIds: string[];

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCError ? `${e.code}:${e.message}` : String(e)),
  );
}

const plan = () => ({
  title: '磨加工车间数据采集改造',
  machineIds,
  modules: ['MACHINE_MONITORING' as const, 'PRODUCTION_MANAGEMENT' as const],
  softwareYears: 1,
  trainingDays: 2,
  target: { d: 1 as const, n: 1 as const, i: 0 as const },
  savings: [
    { kind: 'LABOUR' as const, operatorsFreed: 2, monthlyWageFen: 600_000n, shifts: 2 },
    { kind: 'SCRAP' as const, rateReductionBp: 100, monthlyScrapCostFen: 3_000_000n },
  ],
  expectedSubsidyFen: 0n,
});

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Prj'), { machinesPerSme: 12 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  admin = await callerAs(t.db, w.users.admin.id);
  owner = await callerAs(t.db, w.users.smeOwner.id);
  sme = w.smes[0]?.id as string;
  const machines = await t.db.machine.findMany({
    where: { smeClientId: sme, status: { not: 'RETIRED' } },
    orderBy: { assetTag: 'asc' },
    take: 10,
    select: { id: true },
  });
  machineIds = machines.map((m) => m.id);
});
afterAll(() => t.close());

describe(`retrofit projects (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let projectId: string;

  it('plans a project from the inventory with generated cost lines and explained savings', async () => {
    const created = await engineer.projects.create({ smeClientId: sme, ...plan() });
    projectId = created.id;
    expect(created.number).toMatch(/^P-\d{4}-\d{3}$/);
    const p = await engineer.projects.get({ id: projectId });
    expect(p.machines).toHaveLength(10);
    const side = p.integratorSide;
    if (!side) throw new Error('staff see the integrator side');
    expect(side.costLines.map((l) => l.category)).toEqual(expect.arrayContaining(['HARDWARE', 'INSTALLATION', 'SOFTWARE', 'TRAINING']));
    expect(side.budget.total).toBe(side.costLines.reduce((s, l) => s + l.totalFen, 0n));
    expect(p.expectedMonthlyFen).toBe(2_400_000n + 30_000n);
    expect(p.status).toBe('DRAFT');
    expect(p.transitions).toEqual(['issueQuote']); // cancelling is the admin's
  });

  it('refuses a retired machine and another SME’s machine', async () => {
    const retired = await t.db.machine.create({
      data: { integratorId: w.integrator.id, smeClientId: sme, assetTag: 'RET-1', kind: 'LATHE', controlType: 'MANUAL', status: 'RETIRED' },
      select: { id: true },
    });
    expect(await codeOf(engineer.projects.create({ smeClientId: sme, ...plan(), machineIds: [retired.id] }))).toBe('BAD_REQUEST:plan.retiredMachine');
    const foreign = await t.db.machine.findFirstOrThrow({ where: { smeClientId: w.smes[1]?.id }, select: { id: true } });
    expect(await codeOf(engineer.projects.create({ smeClientId: sme, ...plan(), machineIds: [foreign.id] }))).toBe('NOT_FOUND:plan.machineNotFound');
  });

  it('issues a frozen quote; concurrent accepts leave exactly one acceptance', async () => {
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    const p = await owner.projects.get({ id: projectId });
    expect(p.status).toBe('QUOTED');
    expect(p.transitions).toEqual(['accept', 'decline']);
    const results = await Promise.all(Array.from({ length: 6 }, () => codeOf(owner.projects.transition({ id: projectId, name: 'accept' }))));
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    expect(results.filter((r) => r.startsWith('CONFLICT') || r.startsWith('PRECONDITION_FAILED'))).toHaveLength(5);
    const quotes = await t.db.quote.findMany({ where: { projectId } });
    expect(quotes.map((q) => q.decision)).toEqual(['ACCEPTED']);
    expect(await t.db.projectStatusChange.count({ where: { projectId, transition: 'accept' } })).toBe(1);
  });

  it('a changed accepted plan needs a new quote version; the old one stays readable and unchanged', async () => {
    const before = await t.db.quote.findFirstOrThrow({ where: { projectId, version: 1 } });
    await engineer.projects.updatePlan({ id: projectId, ...plan(), trainingDays: 3 });
    expect(await codeOf(engineer.projects.transition({ id: projectId, name: 'requote' }))).toBe('PRECONDITION_FAILED:transition.reasonRequired');
    await engineer.projects.transition({ id: projectId, name: 'requote', reason: '培训增加一天' });
    const after = await t.db.quote.findFirstOrThrow({ where: { projectId, version: 1 } });
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.totalFen).toBe(before.totalFen);
    expect(after.decision).toBe('SUPERSEDED');
    const v2 = await t.db.quote.findFirstOrThrow({ where: { projectId, version: 2 } });
    expect(v2.totalFen - before.totalFen).toBe(200_000n); // one more training day
    expect(await codeOf(owner.projects.transition({ id: projectId, name: 'decline' }))).toBe('PRECONDITION_FAILED:transition.reasonRequired');
    await owner.projects.transition({ id: projectId, name: 'decline', reason: '希望先做一台试点' });
    await engineer.projects.transition({ id: projectId, name: 'issueQuote' });
    await owner.projects.transition({ id: projectId, name: 'accept' });
    const p = await owner.projects.get({ id: projectId });
    expect(p.quotes.map((q) => [q.version, q.decision])).toEqual([
      [3, 'ACCEPTED'],
      [2, 'DECLINED'],
      [1, 'SUPERSEDED'],
    ]);
  });

  it('only the allowed role makes each transition', async () => {
    expect(await codeOf(owner.projects.transition({ id: projectId, name: 'start' }))).toBe('FORBIDDEN:transition.roleNotAllowed');
    expect(await codeOf(engineer.projects.transition({ id: projectId, name: 'cancel', reason: 'x' }))).toBe('FORBIDDEN:transition.roleNotAllowed');
    expect(await codeOf(engineer.projects.transition({ id: projectId, name: 'commission' }))).toBe('PRECONDITION_FAILED:transition.notFromThisStatus');
  });

  it('tracks actual costs against budget lines, with variance', async () => {
    await engineer.projects.transition({ id: projectId, name: 'start' });
    const p = await engineer.projects.get({ id: projectId });
    const hw = p.integratorSide?.costLines.find((l) => l.itemCode === 'DATA_TERMINAL' || l.itemCode === 'PROTOCOL_GATEWAY');
    if (!hw) throw new Error('no hardware line');
    await engineer.projects.addCost({
      projectId,
      costLineId: hw.id,
      supplier: '杭州数采科技',
      invoiceNo: 'INV-001',
      invoiceDate: '2026-10-08',
      amountFen: hw.totalFen + 50_000n,
      paid: true,
    });
    await engineer.projects.addCost({
      projectId,
      costLineId: null,
      supplier: '物流',
      invoiceNo: 'INV-002',
      invoiceDate: '2026-10-09',
      amountFen: 20_000n,
      paid: false,
    });
    expect(
      await codeOf(
        engineer.projects.addCost({ projectId, costLineId: null, supplier: 'x', invoiceNo: 'y', invoiceDate: '2026-10-09', amountFen: 0n, paid: false }),
      ),
    ).toBe('BAD_REQUEST:costs.amount');
    const q = await engineer.projects.get({ id: projectId });
    const line = q.integratorSide?.costLines.find((l) => l.id === hw.id);
    expect(line).toMatchObject({ actualFen: hw.totalFen + 50_000n, varianceFen: 50_000n, over: true });
    expect(q.integratorSide?.actual).toMatchObject({ totalFen: hw.totalFen + 70_000n, paidFen: hw.totalFen + 50_000n, unassignedFen: 20_000n });
    // supplier costs are the integrator's: the SME's investment stays the contract price
    expect(q.payback?.basis.investment).toBe('contracted');
    expect(q.payback?.investmentFen).toBe(q.ledger.contractFen);
    expect(await t.db.auditEvent.count({ where: { entityId: projectId, action: 'project.costEntry' } })).toBe(2);
  });

  it('after commissioning, measured savings replace the estimate and say whether payback is on track', async () => {
    expect(await codeOf(engineer.projects.recordMeasured({ projectId, month: '2026-10', amountFen: 1n, note: null }))).toBe(
      'PRECONDITION_FAILED:measured.notCommissioned',
    );
    // commissioning needs every machine connected: refused, naming the machines, until each terminal has reported
    const said = (p: Promise<unknown>) =>
      p.then(
        () => 'OK',
        (e: TRPCError) => `${e.code}:${errorMessage('en', e.message, (e.cause as AppError | undefined)?.params ?? {})}`,
      );
    const refused = await said(engineer.projects.transition({ id: projectId, name: 'commission' }));
    expect(refused).toMatch(/^PRECONDITION_FAILED:Cannot commission yet: 10 machines have no terminal/);
    const tags = (await t.db.machine.findMany({ where: { id: { in: machineIds } }, orderBy: { assetTag: 'asc' }, select: { assetTag: true } })).map(
      (m) => m.assetTag,
    );
    expect(refused).toContain(tags.join(', '));
    const seeded = await seedProjectTerminals(t.db, projectId, { seenAt: new Date() });
    // a terminal registered but never heard from is not enough
    await t.db.terminalHealth.update({ where: { terminalId: seeded[0]?.id as string }, data: { firstSeenAt: null, lastSeenAt: null } });
    const one = await said(engineer.projects.transition({ id: projectId, name: 'commission' }));
    expect(one).toContain(tags[0] as string);
    expect(one).not.toContain(tags[1] as string);
    await t.db.terminalHealth.update({ where: { terminalId: seeded[0]?.id as string }, data: { firstSeenAt: new Date() } });
    await engineer.projects.transition({ id: projectId, name: 'commission' });
    await engineer.projects.recordMeasured({ projectId, month: '2026-10', amountFen: 2_000_000n, note: null });
    await engineer.projects.recordMeasured({ projectId, month: '2026-11', amountFen: 2_100_000n, note: '两班' });
    const p = await owner.projects.get({ id: projectId });
    const pb = p.payback;
    if (!pb) throw new Error('payback expected');
    expect(pb.basis.savings).toBe('measured');
    expect(pb.monthlyFen).toBe(2_050_000n);
    expect(pb.tracking).toMatchObject({ kind: 'behind', months: 2, differenceFen: 4_100_000n - 2n * 2_430_000n });
    expect(pb.cashFlow).toHaveLength(37);
    expect(pb.cashFlow[1]).toBe(-pb.netFen + 2_000_000n);
  });

  it('is verified with a new signed-off assessment of the SME, which the pathway then shows', async () => {
    expect(await codeOf(engineer.projects.transition({ id: projectId, name: 'verify' }))).toBe('PRECONDITION_FAILED:transition.assessmentRequired');
    const other = await createAssessmentRecord(t.db, { integratorId: w.integrator.id, smeClientId: w.smes[1]?.id as string, date: '2026-11-01', d: 1, n: 1 });
    expect(await codeOf(engineer.projects.transition({ id: projectId, name: 'verify', assessmentId: other.id }))).toBe('NOT_FOUND:notFound');
    const a = await createAssessmentRecord(t.db, { integratorId: w.integrator.id, smeClientId: sme, date: '2026-11-20', d: 1, n: 1 });
    await engineer.projects.transition({ id: projectId, name: 'verify', assessmentId: a.id });
    const p = await owner.projects.get({ id: projectId });
    expect(p.status).toBe('VERIFIED');
    expect(p.outcome?.code).toBe('D1N1');
    const pathway = await owner.assessments.pathway({ smeClientId: sme });
    expect(pathway.points.find((x) => x.id === a.id)?.project?.number).toBe(p.number);
    expect(p.statusChanges.map((c) => `${c.transition}:${c.to}`)).toEqual([
      'issueQuote:QUOTED',
      'accept:ACCEPTED',
      'requote:QUOTED',
      'decline:DRAFT',
      'issueQuote:QUOTED',
      'accept:ACCEPTED',
      'start:IN_PROGRESS',
      'commission:COMMISSIONED',
      'verify:VERIFIED',
    ]);
    expect(p.statusChanges.find((c) => c.transition === 'decline')?.reason).toBe('希望先做一台试点');
    // the owner cannot read the integrator's staff: their steps carry the integrator's name, the owner's own carry theirs
    const integratorName = (await t.db.integrator.findUniqueOrThrow({ where: { id: w.integrator.id }, select: { name: true } })).name;
    const ownerName = (await t.db.user.findUniqueOrThrow({ where: { id: w.users.smeOwner.id }, select: { name: true } })).name;
    const byStep = (name: string) => p.statusChanges.find((c) => c.transition === name);
    expect(byStep('commission')).toMatchObject({ actorName: null, actorOrganisation: { name: integratorName } });
    expect(byStep('accept')).toMatchObject({ actorName: ownerName, actorOrganisation: null });
    const asStaff = await engineer.projects.get({ id: projectId });
    expect(asStaff.statusChanges.find((c) => c.transition === 'commission')).toMatchObject({ actorOrganisation: null });
    expect(asStaff.statusChanges.find((c) => c.transition === 'commission')?.actorName).toBeTruthy();
  });

  it('sums the overview: contracted, invoiced, per SME and per machine', async () => {
    const o = await admin.projects.overview();
    expect(o.byStatus).toEqual([expect.objectContaining({ status: 'VERIFIED', count: 1 })]);
    expect(o.contractedFen).toBeGreaterThan(0n);
    expect(o.perMachineFen).toBe(o.contractedFen / 10n);
    expect(o.reference).toEqual({ perSmeFen: 23_000_000n, perMachineFen: 290_000n });
  });

  it('versions the price book: only the admin saves, and a saved version leaves existing plans alone', async () => {
    const current = await admin.projects.priceBook();
    const book = { ...current.book, items: current.book.items.map((i) => (i.code === 'DATA_TERMINAL' ? { ...i, unitPriceFen: 130_000n } : i)) };
    expect(await codeOf(engineer.projects.savePriceBook({ book, note: null }))).toBe('FORBIDDEN:forbidden');
    const bad = { ...book, kits: { ...book.kits, PLC: [{ item: 'NOPE', quantity: 1 }] } };
    expect(await codeOf(admin.projects.savePriceBook({ book: bad, note: null }))).toBe('BAD_REQUEST:priceBookUnknownItem');
    const v = await admin.projects.savePriceBook({ book, note: '终端涨价' });
    expect(v.version).toBe(current.version + 1);
    expect((await engineer.projects.priceBook()).book.items.find((i) => i.code === 'DATA_TERMINAL')?.unitPriceFen).toBe(130_000n);
    const p = await engineer.projects.get({ id: projectId });
    expect(p.integratorSide?.priceBookVersion).toBe(current.version);
    expect(await t.db.auditEvent.count({ where: { action: 'priceBook.save', integratorId: w.integrator.id } })).toBe(1);
  });

  it('an SME owner sees only their own projects', async () => {
    expect((await owner.projects.list({})).items.map((p) => p.id)).toEqual([projectId]);
    // the whole project page's data, through row-level security (price book, quotes, lines, timeline)
    const page = await owner.projects.get({ id: projectId });
    expect(page.id).toBe(projectId);
    expect(page.integratorSide).toBeNull();
    expect(page.ledger.contractFen).toBeGreaterThan(0n);
    expect(await codeOf(owner.projects.list({ smeClientId: w.smes[1]?.id }))).toBe('NOT_FOUND:notFound');
  });
  it('numbers projects created at the same moment one after another: nobody gets an error', async () => {
    const other = await callerAs(t.db, w.users.admin.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, k) => (k % 2 ? other : engineer).projects.create({ smeClientId: sme, ...plan(), title: `并发项目 ${k}` })),
    );
    const numbers = results.map((r) => r.number);
    expect(new Set(numbers).size).toBe(6);
    const year = numbers[0]?.slice(2, 6);
    const all = await t.db.project.findMany({ where: { integratorId: w.integrator.id, number: { startsWith: `P-${year}-` } }, select: { number: true } });
    // consecutive: the highest number equals the count of this integrator's projects of the year
    expect(Math.max(...all.map((p) => Number(p.number.slice(7))))).toBe(all.length);
  });
  it('a new integrator’s first projects at the same moment share one default price book; saves at once get consecutive versions', async () => {
    const fresh = await createTenantWorld(t.db, uniqueTag('PrjPb'), { machinesPerSme: 3 });
    const eng = await callerAs(t.db, fresh.users.engineer.id);
    const adm = await callerAs(t.db, fresh.users.admin.id);
    const freshSme = fresh.smes[0]?.id as string;
    const ids = (await t.db.machine.findMany({ where: { smeClientId: freshSme, status: { not: 'RETIRED' } }, select: { id: true } })).map((m) => m.id);
    const made = await Promise.all(
      Array.from({ length: 4 }, (_, k) => eng.projects.create({ smeClientId: freshSme, ...plan(), machineIds: ids, title: `首批 ${k}` })),
    );
    expect(made).toHaveLength(4);
    expect(await t.db.priceBookVersion.count({ where: { integratorId: fresh.integrator.id } })).toBe(1);
    const book = (await adm.projects.priceBook()).book;
    const saved = await Promise.all([adm.projects.savePriceBook({ book, note: 'a' }), adm.projects.savePriceBook({ book, note: 'b' })]);
    expect(saved.map((v) => v.version).sort()).toEqual([2, 3]);
  });
});
