/**
 * Ten times the TOMAN programme in one PostgreSQL database: 6,000 SMEs and about 127,500 machines under the
 * demo integrator (clusters, memberships, assessments), 1,600 retrofit projects made through the real procedures
 * (plan with cost lines and savings, frozen quote, accepted), and claims against two county funds, submitted and
 * partly decided. Inventory rows go in by set-based SQL; everything with business rules goes through the app.
 */
import { randomUUID } from 'node:crypto';
import { seedDemo } from '../prisma/seed/demo';
import { addParticipation } from '../prisma/seed/factories';
import { loadSessionUser } from '../server/auth/session-user';
import type { PrismaClient } from '../server/db/generated/client';
import { log } from '../server/log';
import { createCaller } from '../server/trpc/root';

export const SCALE = { smes: 6_000, machines: 127_500, projects: 1_600, claims: 800 } as const;

export type ScaleWorld = {
  integratorId: string;
  users: { admin: string; engineer: string; owner: string; official: string; szOfficial: string };
  smeId: string;
  clusterId: string;
  projectId: string;
  claimId: string;
  fundId: string;
  counts: Record<string, number>;
  seedSeconds: number;
};

async function callerFor(db: PrismaClient, userId: string) {
  const user = await loadSessionUser(db, userId, 0);
  if (!user) throw new Error(`no session for ${userId}`);
  return createCaller({ getDb: async () => db, getUser: async () => user, locale: 'zh-CN', requestId: 'bench-seed', log });
}

/** Runs jobs with a fixed number in flight; returns how many failed (with the first few reasons). */
async function pool<T>(items: T[], width: number, job: (item: T, i: number) => Promise<unknown>) {
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        // no retries: concurrent creators take turns on the number series, so every failure is a real one and counted
        await job(items[i] as T, i).catch((e: unknown) => failures.push((e as Error).message));
      }
    }),
  );
  return failures;
}

/** The 10x world; `inventoryOnly` stops after the SMEs, machines and users (what the telemetry reads need). */
export async function seedScale(db: PrismaClient, say: (s: string) => void, opts: { inventoryOnly?: boolean } = {}): Promise<ScaleWorld> {
  const started = performance.now();
  await seedDemo(db);
  const toman = await db.integrator.findFirstOrThrow({ where: { name: '新昌精密智改' }, select: { id: true } });
  const funds = await db.fund.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, countyId: true } });
  const [xcFund, szFund] = funds as [{ id: string; countyId: string }, { id: string; countyId: string }];
  await addParticipation(db, szFund.id, toman.id); // the integrator files with two counties
  // budgets of a county programme at 10x
  await db.fund.updateMany({ data: { budgetFen: 50_000_000_00n } });
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }).then((u) => u.id);
  const users = {
    admin: await user('admin@xinchang-retrofit.demo'),
    engineer: await user('engineer@xinchang-retrofit.demo'),
    owner: await user('owner@wanfeng-bearing.demo'),
    official: await user('official@xinchang.gov.demo'),
    szOfficial: await user('official@shengzhou.gov.demo'),
  };

  const existingSmes = await db.smeClient.count({ where: { integratorId: toman.id } });
  const existingMachines = await db.machine.count();
  const newSmes = SCALE.smes - existingSmes;
  const newMachines = SCALE.machines - existingMachines;
  say(`inventory: ${newSmes} SMEs, ${newMachines} machines, 20 clusters by SQL`);
  await db.$executeRaw`
    INSERT INTO "Cluster" (id, "integratorId", name, "nameEn", county, sector, "createdAt", "updatedAt")
    SELECT 'bc' || lpad(g::text, 3, '0'), ${toman.id}, '规模集群 ' || g, 'Scale cluster ' || g,
           CASE WHEN g % 2 = 0 THEN '嵊州市' ELSE '新昌县' END, CASE WHEN g % 2 = 0 THEN 'GEARS' ELSE 'BALL_BEARINGS' END, now(), now()
    FROM generate_series(1, 20) g`;
  await db.$executeRaw`
    INSERT INTO "SmeClient" (id, "integratorId", "legalName", "legalNameEn", county, sector, headcount, "createdAt", "updatedAt")
    SELECT 'bs' || lpad(g::text, 5, '0'), ${toman.id}, '规模测试企业 ' || g, 'Scale SME ' || g,
           CASE WHEN g % 2 = 0 THEN '嵊州市' ELSE '新昌县' END, CASE WHEN g % 2 = 0 THEN 'GEARS' ELSE 'BALL_BEARINGS' END,
           20 + g % 180, now(), now()
    FROM generate_series(1, ${newSmes}::int) g`;
  await db.$executeRaw`
    INSERT INTO "ClusterMembership" ("integratorId", "clusterId", "smeClientId")
    SELECT ${toman.id}, 'bc' || lpad((((g - 1) % 20) + 1)::text, 3, '0'), 'bs' || lpad(g::text, 5, '0')
    FROM generate_series(1, ${newSmes}::int) g`;
  await db.$executeRaw`
    INSERT INTO "Machine" (id, "integratorId", "smeClientId", "assetTag", kind, maker, model, year, "controlType", networked, status, "createdAt", "updatedAt")
    SELECT 'bm' || g, ${toman.id}, 'bs' || lpad((((g - 1) % ${newSmes}::int) + 1)::text, 5, '0'), 'SC-' || lpad(g::text, 6, '0'),
           (ARRAY['GRINDER','CNC_LATHE','LATHE','SUPERFINISHER','HEAT_TREATMENT_FURNACE','WASHER','GEAR_HOBBER'])[1 + g % 7],
           '无锡机床', 'M' || (g % 50), 1995 + g % 27,
           ((ARRAY['MANUAL','RELAY','PLC','CNC'])[1 + g % 4])::"ControlType", g % 5 = 0,
           (CASE WHEN g % 23 = 0 THEN 'IDLE' ELSE 'IN_SERVICE' END)::"MachineStatus", now(), now()
    FROM generate_series(1, ${newMachines}::int) g`;
  // a signed-off assessment a year ago and one this year for every SME: the cluster view has something to compute
  for (const [year, shift] of [
    ['2025-06-30', 0],
    ['2026-06-30', 1],
  ] as const) {
    await db.$executeRaw`
      INSERT INTO "Assessment" (id, "integratorId", "smeClientId", "assessedOn", kind, "assessorName", d, n, i, "suggestedD", "suggestedN",
                                "suggestedI", "nationalLevel", status, "signedOffAt", source, "createdAt", "updatedAt")
      SELECT 'ba' || ${shift}::int || '-' || g, ${toman.id}, 'bs' || lpad(g::text, 5, '0'), ${year}::date, 'INTEGRATOR', '规模评估',
             LEAST(3, (g % 3) + ${shift}::int), LEAST(3, (g % 2) + ${shift}::int), 0, LEAST(3, (g % 3) + ${shift}::int), LEAST(3, (g % 2) + ${shift}::int), 0,
             1 + (g % 3), 'SIGNED_OFF', ${year}::timestamp, 'IMPORT', now(), now()
      FROM generate_series(1, ${newSmes}::int) g`;
  }
  await db.$executeRawUnsafe('ANALYZE');
  if (opts.inventoryOnly) {
    const counts = { smes: await db.smeClient.count({ where: { integratorId: toman.id } }), machines: await db.machine.count() };
    const seedSeconds = Math.round((performance.now() - started) / 1000);
    return { integratorId: toman.id, users, smeId: '', clusterId: 'bc001', projectId: '', claimId: '', fundId: xcFund.id, counts, seedSeconds };
  }

  say(`projects: ${SCALE.projects} through projects.create → issueQuote → accept (4 in flight)`);
  const engineer = await callerFor(db, users.engineer);
  const smeIds = Array.from({ length: SCALE.projects }, (_, k) => `bs${String(k + 1).padStart(5, '0')}`);
  const owners = new Map<string, string>();
  // one SME owner per project SME (the quote is accepted by the firm's owner, as in the app)
  await db.$executeRaw`
    INSERT INTO "User" (id, email, name, "passwordHash", role, "integratorId", "smeClientId", "createdAt", "updatedAt")
    SELECT 'bu' || s.id, 'owner-' || s.id || '@scale.test', '规模业主 ' || s.id, 'x', 'SME_OWNER', ${toman.id}, s.id, now(), now()
    FROM unnest(${smeIds}::text[]) AS s(id)`;
  for (const s of smeIds) owners.set(s, `bu${s}`);
  const projectIds: string[] = new Array(SCALE.projects);
  const projectFailures = await pool(smeIds, 4, async (smeId, i) => {
    const machines = await db.machine.findMany({
      where: { smeClientId: smeId, status: 'IN_SERVICE' },
      take: 5,
      orderBy: { assetTag: 'asc' },
      select: { id: true },
    });
    const p = await engineer.projects.create({
      smeClientId: smeId,
      title: `规模改造项目 ${i + 1}`,
      machineIds: machines.map((m) => m.id),
      modules: ['MACHINE_MONITORING'],
      softwareYears: 1,
      trainingDays: 1,
      target: { d: 1, n: 1, i: 0 },
      savings: [{ kind: 'ENERGY', monthlyFen: 150_000n }],
      expectedSubsidyFen: 0n,
    });
    projectIds[i] = p.id;
    await engineer.projects.transition({ id: p.id, name: 'issueQuote' });
    if (i % 4 !== 3) {
      const owner = await callerFor(db, owners.get(smeId) as string);
      await owner.projects.transition({ id: p.id, name: 'accept' });
    }
  });

  const accepted = projectIds.map((id, i) => ({ id, i, smeId: smeIds[i] as string })).filter((p) => p.id && p.i % 4 !== 3);
  // a claim is judged on finished work: the projects to be claimed are connected (a terminal on each machine that has
  // reported, written by SQL as the ingestion would) and then started and commissioned through the procedures
  const toClaim = accepted.slice(0, SCALE.claims);
  say(`commissioning: terminals on the machines of ${toClaim.length} projects, then projects.transition start → commission`);
  await db.$executeRaw`
    INSERT INTO "Terminal" ("id", "integratorId", "smeClientId", "kind", "serial", "machineId", "secretHash")
    SELECT 'sc' || substr(md5(m."id"), 1, 22), m."integratorId", m."smeClientId", 'TERMINAL', 'SC-' || m."id", m."id", md5(m."id")
    FROM "ProjectMachine" pm JOIN "Machine" m ON m."id" = pm."machineId"
    WHERE pm."projectId" = ANY(${toClaim.map((p) => p.id)}::text[]) ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "TerminalHealth" ("terminalId", "integratorId", "smeClientId", "firstSeenAt", "lastSeenAt", "lastAt", "lastState", "accepted")
    SELECT t."id", t."integratorId", t."smeClientId", now() - interval '2 days', now(), now(), 1, 17280
    FROM "Terminal" t WHERE t."serial" LIKE 'SC-%'
    ON CONFLICT ("terminalId") DO UPDATE SET "firstSeenAt" = EXCLUDED."firstSeenAt", "lastSeenAt" = EXCLUDED."lastSeenAt", "lastAt" = EXCLUDED."lastAt",
      "lastState" = EXCLUDED."lastState", "accepted" = EXCLUDED."accepted"`;
  const commissionFailures = await pool(toClaim, 4, async (p) => {
    await engineer.projects.transition({ id: p.id, name: 'start' });
    await engineer.projects.transition({ id: p.id, name: 'commission' });
  });

  say(`claims: ${SCALE.claims} through claims.draft → submit against two funds; a third decided by the counties`);
  const claimIds: string[] = [];
  const claimFailures = await pool(toClaim, 4, async (p) => {
    const fundId = p.i % 2 === 1 ? szFund.id : xcFund.id; // SMEs with an even number (index odd) are gear makers in Shengzhou
    const machineIds = (await db.projectMachine.findMany({ where: { projectId: p.id }, select: { machineId: true } })).map((m) => m.machineId);
    const d = await engineer.claims.draft({ projectId: p.id, fundId, machineIds, batchId: null });
    await engineer.claims.submit({ id: d.id });
    claimIds.push(d.id);
  });
  const officials = { [xcFund.countyId]: await callerFor(db, users.official), [szFund.countyId]: await callerFor(db, users.szOfficial) };
  const toDecide = await db.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, countyId: true, computedFen: true } });
  const decideFailures = await pool(
    toDecide.filter((_, k) => k % 3 === 0),
    4,
    async (c, k) => {
      const official = officials[c.countyId];
      if (!official) throw new Error('no official');
      if (k % 5 === 4) await official.claims.decide({ id: c.id, decision: 'reject', reason: '资料不全' });
      else await official.claims.decide({ id: c.id, decision: 'approve', amountFen: c.computedFen });
    },
  );
  await db.$executeRawUnsafe('ANALYZE');

  const counts = {
    smes: await db.smeClient.count({ where: { integratorId: toman.id } }),
    machines: await db.machine.count(),
    projects: await db.project.count(),
    quotes: await db.quote.count(),
    costLines: await db.costLine.count(),
    claims: await db.claim.count(),
    claimsDecided: await db.claim.count({ where: { status: { in: ['APPROVED', 'REJECTED'] } } }),
    funds: funds.length,
    failedProjects: projectFailures.length,
    failedCommissions: commissionFailures.length,
    failedClaims: claimFailures.length,
    failedDecisions: decideFailures.length,
  };
  const firstFailure = [...projectFailures, ...commissionFailures, ...claimFailures, ...decideFailures][0];
  if (firstFailure) say(`first seeding refusal: ${firstFailure}`);
  const claim = await db.claim.findFirstOrThrow({ where: { countyId: xcFund.countyId }, select: { id: true } });
  return {
    integratorId: toman.id,
    users,
    smeId: smeIds[10] as string,
    clusterId: 'bc001',
    projectId: projectIds.find(Boolean) as string,
    claimId: claim.id,
    fundId: xcFund.id,
    counts,
    seedSeconds: Math.round((performance.now() - started) / 1000),
  };
}

export const benchTag = () => randomUUID().slice(0, 6);
