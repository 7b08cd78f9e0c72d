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
import { addDays, shanghaiToday } from '../../server/domain/time';
import { DEMO_REPORTING_SERIALS } from '../../server/services/telemetry/demo-terminals';
import { TerminalDirectory } from '../../server/services/telemetry/directory';
import { runRollup } from '../../server/services/telemetry/rollup';
import { ingestSink, loadDemoFleet, windowMessages } from '../../server/services/telemetry/simulator-runner';
import { prismaRunner, type SqlRunner } from '../../server/services/telemetry/sql-runner';
import { callerAs } from '../../server/testing/caller';
import { createAssessmentRecord, seedProjectTerminals } from './factories';

type Caller = Awaited<ReturnType<typeof callerAs>>;

const month = (offset: number) => {
  const [y, m] = shanghaiToday().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
};

/** Days of terminal data before the measured project's go-live (its baseline), and days since go-live. */
export const MEASURED_BASELINE_DAYS = 7;
export const MEASURED_SINCE_GO_LIVE_DAYS = 8;

/**
 * `history`: the database's kind, to send the measured project's terminal history through the ingestion path (about
 * 30 machine-days, some 30 s of CPU); without it (the integration test) that project has no data and nothing to measure.
 */
export async function seedDemoWork(db: PrismaClient, opts: { history?: SqlRunner['kind'] } = {}): Promise<string> {
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
                    serial: { in: [...DEMO_REPORTING_SERIALS] },
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
    /** machines with a reporting demo terminal (always so for a project to be commissioned) */
    connected?: boolean;
    /** the savings lines, when more than the monthly energy saving */
    savings?: Parameters<Caller['projects']['create']>[0]['savings'];
  }) {
    const s = await sme(spec.sme);
    const machineIds = await machinesOf(s.id, spec.machines[0], spec.machines[1], spec.connected ?? reached(spec.stage, 'COMMISSIONED'));
    if (machineIds.length !== spec.machines[1]) throw new Error(`${spec.sme}: not enough machines for ${spec.title}`);
    const p = await engineer.projects.create({
      smeClientId: s.id,
      title: spec.title,
      machineIds,
      modules: ['MACHINE_MONITORING', 'PRODUCTION_MANAGEMENT'],
      softwareYears: 1,
      trainingDays: 2,
      target: { d: 1, n: 1, i: 0 },
      savings: spec.savings ?? [{ kind: 'ENERGY', monthlyFen: yuan(spec.monthlySavingYuan) }],
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

  // Wanfeng: results from the data. Two connected machines whose terminals reported for a week before the retrofit
  // went live eight days ago and since: their history goes through the ingestion path exactly as the simulator sends
  // it (with the simulator's known change at go-live: running share × 1.15, energy per part × 0.9, as the measured
  // results' proof uses), then the roll-up; go-live is then dated to that day. The engineer measures and accepts a
  // month from it and files the claim (e2e/results-journey.spec.ts). Without history it is commissioned on no data.
  const measured = await project({
    sme: '新昌县万丰轴承有限公司',
    title: '精研线 2 台设备联网',
    machines: [10, 2],
    stage: 'IN_PROGRESS',
    connected: true,
    monthlySavingYuan: 4_000,
    // with the staffing before the retrofit and the tariff, so that the results turn the measured change into money
    savings: [
      { kind: 'LABOUR', operatorsFreed: 1, monthlyWageFen: yuan(6_400), shifts: 2, operatorsPerShift: 2 },
      { kind: 'ENERGY', monthlyFen: yuan(1_200), tariffFenPerKwh: 85 },
    ],
    supplierCostYuan: 18_000,
    paidShare: 'deposit',
  });
  const goLive = new Date(Date.parse(`${addDays(today, -MEASURED_SINCE_GO_LIVE_DAYS)}T10:00:00+08:00`));
  if (opts.history)
    await sendHistory(
      db,
      opts.history,
      measured,
      Date.parse(`${addDays(today, -MEASURED_SINCE_GO_LIVE_DAYS - MEASURED_BASELINE_DAYS)}T00:00:00+08:00`),
      goLive,
    );
  else await seedProjectTerminals(db, measured);
  await engineer.projects.transition({ id: measured, name: 'commission' });
  // the project's history as it happened: quoted, accepted and started before the baseline week ended, commissioned at go-live
  const changes = await db.projectStatusChange.findMany({ where: { projectId: measured }, orderBy: { at: 'asc' }, select: { id: true, to: true } });
  for (const [i, c] of changes.entries())
    await db.projectStatusChange.update({
      where: { id: c.id },
      data: { at: c.to === 'COMMISSIONED' ? goLive : new Date(goLive.getTime() - (changes.length - i) * 86_400_000) },
    });

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
  return `9 projects (draft to verified), 5 claims (drafted, submitted, returned, approved, paid)${opts.history ? ', terminal history of the measured project' : ''}`;
}

/**
 * The terminal history of a project's machines from `from` to now, through ingestion (the demo terminals' own
 * messages, as the simulator makes them, with its known change at `goLive`), then rolled up into hour records.
 */
async function sendHistory(db: PrismaClient, kind: SqlRunner['kind'], projectId: string, from: number, goLive: Date) {
  const machineIds = new Set((await db.projectMachine.findMany({ where: { projectId }, select: { machineId: true } })).map((m) => m.machineId));
  const terminals = await db.terminal.findMany({ where: { machineId: { in: [...machineIds] }, revokedAt: null }, select: { id: true } });
  const ids = new Set(terminals.map((t) => t.id));
  const fleet = (await loadDemoFleet(db)).filter((t) => ids.has(t.terminalId));
  if (fleet.length !== machineIds.size) throw new Error('the measured project needs a demo terminal on each machine');
  const sql = prismaRunner(db, kind);
  const sink = ingestSink({ sql, directory: new TerminalDirectory(sql), retentionDays: 90 });
  const now = Date.now();
  for (const t of fleet) {
    const changed = { ...t, profile: { ...t.profile, change: { at: goLive.getTime(), utilization: 1.15, energyPerPart: 0.9 } } };
    for (let at = from; at < now; at += 86_400_000) await sink.send(changed, windowMessages(changed, at, Math.min(at + 86_400_000, now), null));
  }
  for (let i = 0; i < 20 && (await runRollup(db)).units > 0; i++);
}
