/**
 * Work at every stage for the demo (issue 16), so that each person's first screen shows something to do: projects
 * from draft to verified, a quote waiting for the SME owner, payments due and made, supplier costs, measured
 * savings, an assessment before and after, and claims drafted, submitted, returned, approved and paid.
 *
 * Everything goes through the same procedures the app's pages call (tRPC callers acting as the demo people), so the
 * frozen quotes, contracts, ledgers, claim snapshots and the audit log are what the app itself would write. It runs
 * after the base demo has committed (the procedures open their own tenant transactions). Machines are chosen so
 * that the end-to-end journeys find what they expect: no machine count, fund, or terminal changes; only machines
 * that already carry a demo terminal are commissioned; Wanfeng's assessment history is left as it was.
 */
import type { PrismaClient } from '../../server/db/generated/client';
import { yuan } from '../../server/domain/money/money';
import { shanghaiToday } from '../../server/domain/time';
import { DEMO_SERIAL_PREFIX } from '../../server/services/telemetry/demo-terminals';
import { callerAs } from '../../server/testing/caller';
import { createAssessmentRecord, seedProjectTerminals } from './factories';

type Caller = Awaited<ReturnType<typeof callerAs>>;

const month = (offset: number) => {
  const [y, m] = shanghaiToday().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
};

export async function seedDemoWork(db: PrismaClient): Promise<string> {
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }).then((u) => u.id);
  const sme = (legalName: string) => db.smeClient.findFirstOrThrow({ where: { legalName }, select: { id: true, integratorId: true } });
  const [engineerId, ownerId, officialId] = await Promise.all([
    user('engineer@xinchang-retrofit.demo'),
    user('owner@wanfeng-bearing.demo'),
    user('official@xinchang.gov.demo'),
  ]);
  const [engineer, official] = await Promise.all([callerAs(db, engineerId, 'zh-CN'), callerAs(db, officialId, 'zh-CN')]);
  const owners = new Map<string, Caller>([[(await sme('新昌县万丰轴承有限公司')).id, await callerAs(db, ownerId, 'zh-CN')]]);
  for (const [name, email] of [
    ['新昌县博远工装夹具有限公司', 'owner@boyuan-fixtures.demo'],
    ['新昌县恒力轴承制造有限公司', 'owner@hengli-bearing.demo'],
  ] as const)
    owners.set((await sme(name)).id, await callerAs(db, await user(email), 'zh-CN'));
  const fund = await db.fund.findFirstOrThrow({ where: { name: '新昌县中小企业智能化改造试点基金' }, select: { id: true } });
  const today = shanghaiToday();

  /**
   * Machines of an SME in asset-tag order (in service), `skip` then `take`. A project to be commissioned takes only
   * machines whose demo terminal the simulator keeps reporting (not the one meant to go silent or never to report):
   * commissioning adds no terminal, so the terminal-health page shows what the demo means it to.
   */
  const machinesOf = async (smeClientId: string, skip: number, take: number, reporting: boolean) =>
    (
      await db.machine.findMany({
        where: {
          smeClientId,
          status: 'IN_SERVICE',
          ...(reporting
            ? {
                terminals: {
                  some: {
                    revokedAt: null,
                    serial: { startsWith: DEMO_SERIAL_PREFIX },
                    NOT: [{ serial: { endsWith: '-SILENT' } }, { serial: { endsWith: '-NEW' } }],
                  },
                },
              }
            : {}),
        },
        orderBy: { assetTag: 'asc' },
        skip,
        take,
        select: { id: true },
      })
    ).map((m) => m.id);

  type Stage = 'DRAFT' | 'QUOTED' | 'IN_PROGRESS' | 'COMMISSIONED' | 'VERIFIED';
  const order: Stage[] = ['DRAFT', 'QUOTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'];
  const reached = (s: Stage, at: Stage) => order.indexOf(s) >= order.indexOf(at);

  async function project(spec: {
    sme: string;
    title: string;
    machines: [number, number];
    stage: Stage;
    monthlySavingYuan: number;
    supplierCostYuan?: number;
    paidShare?: 'deposit' | 'all';
    measured?: number[];
    outcome?: { d: number; n: number; level: number };
  }) {
    const s = await sme(spec.sme);
    const machineIds = await machinesOf(s.id, spec.machines[0], spec.machines[1], reached(spec.stage, 'COMMISSIONED'));
    if (machineIds.length !== spec.machines[1]) throw new Error(`${spec.sme}: not enough machines for ${spec.title}`);
    const p = await engineer.projects.create({
      smeClientId: s.id,
      title: spec.title,
      machineIds,
      modules: ['MACHINE_MONITORING', 'PRODUCTION_MANAGEMENT'],
      softwareYears: 1,
      trainingDays: 2,
      target: { d: 1, n: 1, i: 0 },
      savings: [{ kind: 'ENERGY', monthlyFen: yuan(spec.monthlySavingYuan) }],
      expectedSubsidyFen: 0n,
    });
    if (!reached(spec.stage, 'QUOTED')) return p.id;
    await engineer.projects.transition({ id: p.id, name: 'issueQuote' });
    if (!reached(spec.stage, 'IN_PROGRESS')) return p.id;
    const owner = owners.get(s.id);
    if (!owner) throw new Error(`no demo owner for ${spec.sme}`);
    await owner.projects.transition({ id: p.id, name: 'accept' });
    await engineer.projects.transition({ id: p.id, name: 'start' });
    if (spec.supplierCostYuan)
      await engineer.projects.addCost({
        projectId: p.id,
        costLineId: null,
        supplier: '杭州数采科技有限公司',
        invoiceNo: `FP-${p.number}`,
        invoiceDate: today,
        amountFen: yuan(spec.supplierCostYuan),
        paid: true,
      });
    const milestones = await db.paymentMilestone.findMany({ where: { projectId: p.id }, orderBy: { sortOrder: 'asc' }, select: { id: true, amountFen: true } });
    const paying = spec.paidShare === 'all' ? milestones : spec.paidShare === 'deposit' ? milestones.slice(0, 1) : [];
    for (const [i, m] of paying.entries()) {
      await engineer.projects.addSmeInvoice({
        projectId: p.id,
        invoiceNo: `${p.number.replace(/\D/g, '')}${i + 1}`,
        issuedOn: today,
        vatRateBp: 1300,
        amountFen: m.amountFen,
      });
      await engineer.projects.addSmePayment({ projectId: p.id, milestoneId: m.id, receivedOn: today, amountFen: m.amountFen, reference: `银行回单 ${i + 1}` });
    }
    if (!reached(spec.stage, 'COMMISSIONED')) return p.id;
    await seedProjectTerminals(db, p.id);
    await engineer.projects.transition({ id: p.id, name: 'commission' });
    for (const [i, amount] of (spec.measured ?? []).entries())
      await engineer.projects.recordMeasured({ projectId: p.id, month: month(i - (spec.measured?.length ?? 0) + 1), amountFen: yuan(amount), note: null });
    if (!reached(spec.stage, 'VERIFIED') || !spec.outcome) return p.id;
    const after = await createAssessmentRecord(db, {
      integratorId: s.integratorId,
      smeClientId: s.id,
      date: today,
      d: spec.outcome.d,
      n: spec.outcome.n,
      nationalLevel: spec.outcome.level,
      kind: 'THIRD_PARTY',
    });
    await engineer.projects.transition({ id: p.id, name: 'verify', assessmentId: after.id });
    return p.id;
  }

  async function claim(projectId: string, machines: number, steps: ('submit' | 'return' | 'approve' | 'disburse')[]) {
    const options = await db.projectMachine.findMany({
      where: { projectId },
      orderBy: { machine: { assetTag: 'asc' } },
      take: machines,
      select: { machineId: true },
    });
    const c = await engineer.claims.draft({ projectId, fundId: fund.id, machineIds: options.map((o) => o.machineId), batchId: null });
    for (const step of steps) {
      if (step === 'submit') await engineer.claims.submit({ id: c.id });
      if (step === 'return') await official.claims.decide({ id: c.id, decision: 'return', reason: '请补充设备联网前后的照片和供应商发票扫描件。' });
      if (step === 'approve') await official.claims.decide({ id: c.id, decision: 'approve' });
      if (step === 'disburse') {
        const { approvedFen } = await db.claim.findUniqueOrThrow({ where: { id: c.id }, select: { approvedFen: true } });
        await official.claims.disburse({ id: c.id, date: today, amountFen: approvedFen ?? 0n, reference: 'XC-2026-018' });
      }
    }
  }

  // the firm before its retrofit (Boyuan had no assessment yet): the "before" of the verified project
  const boyuan = await sme('新昌县博远工装夹具有限公司');
  await createAssessmentRecord(db, {
    integratorId: boyuan.integratorId,
    smeClientId: boyuan.id,
    date: '2025-10-15',
    d: 0,
    n: 0,
    nationalLevel: 1,
    kind: 'SELF',
  });

  // Boyuan (its free share is one machine): one project verified and its claim paid; a second commissioned, to verify
  const boyuanDone = await project({
    sme: '新昌县博远工装夹具有限公司',
    title: '机加工车间 5 台设备联网',
    machines: [0, 5],
    stage: 'VERIFIED',
    monthlySavingYuan: 9_000,
    supplierCostYuan: 48_000,
    paidShare: 'all',
    measured: [8_200, 9_600],
    outcome: { d: 1, n: 1, level: 2 },
  });
  await claim(boyuanDone, 1, ['submit', 'approve', 'disburse']);
  await project({
    sme: '新昌县博远工装夹具有限公司',
    title: '装配车间 5 台设备联网',
    machines: [5, 5],
    stage: 'COMMISSIONED',
    monthlySavingYuan: 7_500,
    supplierCostYuan: 41_000,
    paidShare: 'deposit',
    measured: [6_900],
  });

  // Wanfeng: a quote waiting for the owner; a commissioned project with a claim to decide; another whose claim came back
  await project({ sme: '新昌县万丰轴承有限公司', title: '热处理车间 6 台设备联网', machines: [60, 6], stage: 'QUOTED', monthlySavingYuan: 8_000 });
  const returned = await project({
    sme: '新昌县万丰轴承有限公司',
    title: '装配线 2 台设备联网',
    machines: [8, 2],
    stage: 'COMMISSIONED',
    monthlySavingYuan: 3_000,
    supplierCostYuan: 16_000,
    paidShare: 'deposit',
  });
  await claim(returned, 2, ['submit', 'return']);
  const toDecide = await project({
    sme: '新昌县万丰轴承有限公司',
    title: '套圈车削线 4 台设备联网',
    machines: [0, 4],
    stage: 'COMMISSIONED',
    monthlySavingYuan: 6_000,
    supplierCostYuan: 32_000,
    paidShare: 'deposit',
    measured: [5_400],
  });
  await claim(toDecide, 2, ['submit']);
  // the third of Wanfeng's three free machines: approved, its payout to record
  const approved = await project({
    sme: '新昌县万丰轴承有限公司',
    title: '外圈磨削线 4 台设备联网',
    machines: [4, 4],
    stage: 'COMMISSIONED',
    monthlySavingYuan: 5_500,
    supplierCostYuan: 30_000,
    paidShare: 'deposit',
    measured: [4_800, 5_900],
  });
  await claim(approved, 1, ['submit', 'approve']);

  // Hengli: work started (to commission), a claim drafted; Tianma: a plan not yet quoted
  const started = await project({
    sme: '新昌县恒力轴承制造有限公司',
    title: '磨床 8 台设备联网',
    machines: [0, 8],
    stage: 'IN_PROGRESS',
    monthlySavingYuan: 10_000,
    supplierCostYuan: 30_000,
  });
  await claim(started, 1, []);
  await project({ sme: '新昌县天马精密轴承有限公司', title: '全厂设备联网一期', machines: [0, 20], stage: 'DRAFT', monthlySavingYuan: 20_000 });

  // the demo's history is not news: nothing of it is mailed when an SMTP server is configured later
  await db.notificationEvent.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
  return '8 projects (draft to verified), 5 claims (drafted, submitted, returned, approved, paid)';
}
