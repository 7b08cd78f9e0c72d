/**
 * Subsidy claims: drafted by the integrator for a project under a fund it takes part in, submitted with a snapshot
 * of what the county needs to decide (so officials never read the integrator's tables), decided by a county official
 * (approve — possibly a lower amount, with a reason —, reject, or return for changes), then disbursed. The fund's
 * committed + disbursed never exceeds its budget: approvals lock the fund row. Every step is an event with the
 * explanation at that moment, and an audit entry.
 */
import type { Prisma } from '../../db/generated/client';
import { lockNumberSeries } from '../../db/numbering';
import type { ScopedDb } from '../../db/scoped';
import type { CountyScope, IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { type ClaimFacts, computeClaim, type Step } from '../../domain/funds/allowance';
import { type FundRule, fundRules } from '../../domain/funds/rules';
import { formatCode, type Level } from '../../domain/maturity/code';
import { formatYuan } from '../../domain/money/money';
import { pageWindow } from '../../domain/paging';
import { simplePayback } from '../../domain/projects/payback';
import { dateOnly, shanghaiToday } from '../../domain/time';

type Tx = Parameters<Parameters<ScopedDb['$transaction']>[0]>[0];

const ACTIVE = ['SUBMITTED', 'APPROVED', 'DISBURSED'] as const;
const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))) as Prisma.InputJsonValue;
const isoDay = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

type Snapshot = {
  sme: { legalName: string; legalNameEn: string | null; creditCode: string | null; sector: string; clusters: string[] };
  integrator: string;
  project: { number: string; title: string; machines: number; budgetFen: string; target: string; paybackMonths: number | null };
  facts: Omit<ClaimFacts, 'machines' | 'paidSpendFen' | 'unpaidSpendFen' | 'alreadyGrantedFen'> & {
    machines: { assetTag: string; costFen: string }[];
    paidSpendFen: string;
    unpaidSpendFen: string;
  };
  assessments: { before: { code: string; level: number | null; date: string } | null; after: { code: string; level: number | null; date: string } | null };
};

function factsFromSnapshot(s: Snapshot, current: { machinesAlreadyClaimed: number; alreadyGrantedFen: bigint; filedOn: string }): ClaimFacts {
  return {
    ...s.facts,
    machines: s.facts.machines.map((m) => ({ assetTag: m.assetTag, costFen: BigInt(m.costFen) })),
    paidSpendFen: BigInt(s.facts.paidSpendFen),
    unpaidSpendFen: BigInt(s.facts.unpaidSpendFen),
    machinesAlreadyClaimed: current.machinesAlreadyClaimed,
    alreadyGrantedFen: current.alreadyGrantedFen,
    filedOn: current.filedOn,
  };
}

/** What other claims of the same SME under the same fund have already used. */
async function usedByOthers(db: ScopedDb | Tx, fundId: string, smeClientId: string, exceptClaimId: string | null) {
  const others = await db.claim.findMany({
    where: { fundId, smeClientId, status: { in: [...ACTIVE] }, ...(exceptClaimId ? { id: { not: exceptClaimId } } : {}) },
    select: { status: true, approvedFen: true, _count: { select: { machines: true } } },
  });
  return {
    machinesAlreadyClaimed: others.reduce((s, c) => s + c._count.machines, 0),
    alreadyGrantedFen: others.filter((c) => c.status !== 'SUBMITTED').reduce((s, c) => s + (c.approvedFen ?? 0n), 0n),
  };
}

/** The integrator's side: everything the rules need, read from its own tables, frozen into the claim. */
async function buildSnapshot(
  db: ScopedDb,
  projectId: string,
  fundId: string,
  machineIds: string[],
  batchId: string | null,
): Promise<{ snapshot: Snapshot; project: { id: string; smeClientId: string } }> {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      smeClientId: true,
      targetD: true,
      targetN: true,
      targetI: true,
      outcomeAssessmentId: true,
      smeClient: {
        select: { legalName: true, legalNameEn: true, creditCode: true, sector: true, memberships: { select: { cluster: { select: { name: true } } } } },
      },
      machines: { select: { machineId: true } },
      costLines: { select: { totalFen: true } },
      costEntries: { select: { amountFen: true, paid: true } },
      savings: { select: { monthlyFen: true } },
      quotes: { where: { decision: 'ACCEPTED' }, select: { decidedAt: true } },
      statusChanges: { where: { to: 'COMMISSIONED' }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
  });
  if (!p) throw new AppError('NOT_FOUND');
  if (!['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'].includes(p.status)) throw new AppError('PRECONDITION_FAILED', 'claim.projectNotAccepted');
  const inProject = new Set(p.machines.map((m) => m.machineId));
  const ids = [...new Set(machineIds)];
  if (ids.some((id) => !inProject.has(id))) throw new AppError('NOT_FOUND', 'claim.machineNotInProject');
  const [machines, inService, batch, assessments, integrator] = await Promise.all([
    db.machine.findMany({ where: { id: { in: ids } }, select: { id: true, assetTag: true } }),
    db.machine.count({ where: { smeClientId: p.smeClientId, status: 'IN_SERVICE' } }),
    batchId
      ? db.fundBatch.findFirst({ where: { id: batchId, fundId }, select: { name: true, opensOn: true, closesOn: true, rateBp: true } })
      : Promise.resolve(null),
    db.assessment.findMany({
      where: { smeClientId: p.smeClientId, status: 'SIGNED_OFF' },
      orderBy: { assessedOn: 'asc' },
      select: { id: true, d: true, n: true, i: true, nationalLevel: true, assessedOn: true },
    }),
    db.integrator.findFirst({ select: { name: true } }),
  ]);
  if (batchId && !batch) throw new AppError('NOT_FOUND');
  // the cost of each machine: the project's budget shared equally over its machines (what a free retrofit saves the firm)
  const budget = p.costLines.reduce((s, l) => s + l.totalFen, 0n);
  const perMachine = p.machines.length ? budget / BigInt(p.machines.length) : 0n;
  const contract = isoDay(p.quotes[0]?.decidedAt);
  const completion = isoDay(p.statusChanges[0]?.at);
  const after = p.outcomeAssessmentId ? (assessments.find((a) => a.id === p.outcomeAssessmentId) ?? null) : null;
  const before = [...assessments].reverse().find((a) => (contract ? (isoDay(a.assessedOn) as string) <= contract : true) && a.id !== after?.id) ?? null;
  const code = (a: { d: number; n: number; i: number }) => formatCode({ d: a.d as Level, n: a.n as Level, i: a.i as Level });
  const monthly = p.savings.reduce((s, l) => s + l.monthlyFen, 0n);
  const pb = simplePayback(budget, 0n, monthly);
  const snapshot: Snapshot = {
    sme: {
      legalName: p.smeClient.legalName,
      legalNameEn: p.smeClient.legalNameEn,
      creditCode: p.smeClient.creditCode,
      sector: p.smeClient.sector,
      clusters: p.smeClient.memberships.map((m) => m.cluster.name),
    },
    integrator: integrator?.name ?? '',
    project: {
      number: p.number,
      title: p.title,
      machines: p.machines.length,
      budgetFen: budget.toString(),
      target: code({ d: p.targetD, n: p.targetN, i: p.targetI }),
      paybackMonths: pb.kind === 'months' ? pb.months : null,
    },
    facts: {
      inServiceMachines: inService,
      machinesAlreadyClaimed: 0,
      machines: machines.map((m) => ({ assetTag: m.assetTag, costFen: perMachine.toString() })),
      paidSpendFen: p.costEntries
        .filter((e) => e.paid)
        .reduce((s, e) => s + e.amountFen, 0n)
        .toString(),
      unpaidSpendFen: p.costEntries
        .filter((e) => !e.paid)
        .reduce((s, e) => s + e.amountFen, 0n)
        .toString(),
      levelReached: after?.nationalLevel ?? null,
      contractDate: contract,
      completionDate: completion,
      batch: batch ? { name: batch.name, opensOn: isoDay(batch.opensOn) as string, closesOn: isoDay(batch.closesOn) as string, rateBp: batch.rateBp } : null,
      filedOn: shanghaiToday(),
    },
    assessments: {
      before: before ? { code: code(before), level: before.nationalLevel, date: isoDay(before.assessedOn) as string } : null,
      after: after ? { code: code(after), level: after.nationalLevel, date: isoDay(after.assessedOn) as string } : null,
    },
  };
  return { snapshot, project: { id: p.id, smeClientId: p.smeClientId } };
}

async function fundFor(db: ScopedDb, fundId: string) {
  const f = await db.fund.findUnique({
    where: { id: fundId },
    select: { id: true, countyId: true, rules: true, rulesVersion: true, evidenceRequired: true, sectors: true },
  });
  if (!f) throw new AppError('NOT_FOUND');
  return { ...f, rules: fundRules.parse(f.rules) };
}

/** The claim a project could make now, with the reasoning (nothing is written). */
export async function previewClaim(db: ScopedDb, input: { projectId: string; fundId: string; machineIds: string[]; batchId: string | null }) {
  const fund = await fundFor(db, input.fundId);
  const { snapshot, project } = await buildSnapshot(db, input.projectId, input.fundId, input.machineIds, input.batchId);
  const used = await usedByOthers(db, fund.id, project.smeClientId, null);
  const result = computeClaim(fund.rules, factsFromSnapshot(snapshot, { ...used, filedOn: shanghaiToday() }));
  return { ...result, snapshot };
}

export async function draftClaim(
  db: ScopedDb,
  scope: IntegratorScope,
  actor: { id: string; name: string },
  input: { projectId: string; fundId: string; machineIds: string[]; batchId: string | null },
) {
  const fund = await fundFor(db, input.fundId);
  const { snapshot, project } = await buildSnapshot(db, input.projectId, input.fundId, input.machineIds, input.batchId);
  if (fund.sectors.length && !fund.sectors.includes(snapshot.sme.sector)) throw new AppError('PRECONDITION_FAILED', 'claim.sectorNotEligible');
  const used = await usedByOthers(db, fund.id, project.smeClientId, null);
  const result = computeClaim(fund.rules, factsFromSnapshot(snapshot, { ...used, filedOn: shanghaiToday() }));
  return db.$transaction(async (tx) => {
    await lockNumberSeries(tx, `claim:${fund.id}:${scope.integratorId}`);
    const count = await tx.claim.count({ where: { fundId: fund.id } });
    const claim = await tx.claim.create({
      data: {
        countyId: fund.countyId,
        fundId: fund.id,
        integratorId: scope.integratorId,
        smeClientId: project.smeClientId,
        projectId: project.id,
        batchId: input.batchId,
        number: `C-${shanghaiToday().slice(0, 4)}-${scope.integratorId.slice(-4).toUpperCase()}-${String(count + 1).padStart(3, '0')}`,
        rulesVersion: fund.rulesVersion,
        rules: fund.rules as Prisma.InputJsonValue,
        requestedFen: result.grantedFen,
        computedFen: result.grantedFen,
        explanation: json(result.steps),
        snapshot: json(snapshot),
        createdById: actor.id,
      },
      select: { id: true, number: true, countyId: true },
    });
    await writeMachines(tx, claim.id, scope.integratorId, fund.countyId, project.smeClientId, input.machineIds, snapshot);
    await event(
      tx,
      { id: claim.id, countyId: fund.countyId, integratorId: scope.integratorId, smeClientId: project.smeClientId },
      actor,
      'draft',
      'NONE',
      'DRAFT',
      { amountFen: result.grantedFen, explanation: result.steps },
    );
    return claim;
  });
}

async function writeMachines(tx: Tx, claimId: string, integratorId: string, countyId: string, smeClientId: string, machineIds: string[], snapshot: Snapshot) {
  await tx.claimMachine.deleteMany({ where: { claimId } });
  const tags = await tx.machine.findMany({ where: { id: { in: machineIds } }, select: { id: true, assetTag: true } });
  const cost = new Map(snapshot.facts.machines.map((m) => [m.assetTag, BigInt(m.costFen)]));
  if (tags.length)
    await tx.claimMachine.createMany({
      data: tags.map((m) => ({ claimId, machineId: m.id, assetTag: m.assetTag, costFen: cost.get(m.assetTag) ?? 0n, countyId, integratorId, smeClientId })),
    });
}

async function event(
  tx: Tx,
  claim: { id: string; countyId: string; integratorId: string; smeClientId: string },
  actor: { id: string; name: string },
  action: string,
  from: string,
  to: string,
  extra: { amountFen?: bigint | null; reason?: string | null; explanation?: Step[] } = {},
) {
  await tx.claimEvent.create({
    data: {
      countyId: claim.countyId,
      integratorId: claim.integratorId,
      smeClientId: claim.smeClientId,
      claimId: claim.id,
      action,
      from,
      to,
      amountFen: extra.amountFen ?? null,
      reason: extra.reason ?? null,
      explanation: extra.explanation ? json(extra.explanation) : undefined,
      actorId: actor.id,
      actorName: actor.name,
    } as Prisma.ClaimEventUncheckedCreateInput,
    select: { id: true },
  });
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      action: `claim.${action}`,
      entity: 'Claim',
      entityId: claim.id,
      data: json({ from, to, amountFen: extra.amountFen ?? null, reason: extra.reason ?? null }),
    },
    select: { id: true },
  });
}

export async function addClaimEvidence(db: ScopedDb, _actor: { id: string; name: string }, input: { claimId: string; kind: string; fileId: string }) {
  const c = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { id: true, status: true, countyId: true, integratorId: true, smeClientId: true },
  });
  if (!c) throw new AppError('NOT_FOUND');
  if (c.status !== 'DRAFT' && c.status !== 'RETURNED') throw new AppError('PRECONDITION_FAILED', 'claim.notEditable');
  const f = await db.storedFile.findFirst({ where: { id: input.fileId, smeClientId: c.smeClientId }, select: { id: true, fileName: true } });
  if (!f) throw new AppError('NOT_FOUND');
  return db.claimEvidence.create({
    data: {
      countyId: c.countyId,
      integratorId: c.integratorId,
      smeClientId: c.smeClientId,
      claimId: c.id,
      kind: input.kind,
      fileId: f.id,
      fileName: f.fileName,
    } as Prisma.ClaimEvidenceUncheckedCreateInput,
    select: { id: true },
  });
}

/** Submit (or resubmit after a return): recomputed now, with the evidence the fund requires. */
export async function submitClaim(db: ScopedDb, actor: { id: string; name: string }, claimId: string) {
  const c = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      status: true,
      fundId: true,
      projectId: true,
      batchId: true,
      countyId: true,
      integratorId: true,
      smeClientId: true,
      machines: { select: { machineId: true } },
      evidence: { select: { kind: true } },
    },
  });
  if (!c) throw new AppError('NOT_FOUND');
  if (c.status !== 'DRAFT' && c.status !== 'RETURNED') throw new AppError('PRECONDITION_FAILED', 'claim.notEditable');
  const fund = await fundFor(db, c.fundId);
  const missing = fund.evidenceRequired.filter((k) => !c.evidence.some((e) => e.kind === k));
  if (missing.length) throw new AppError('PRECONDITION_FAILED', 'claim.evidenceMissing', { kinds: missing.join(', ') });
  const { snapshot } = await buildSnapshot(
    db,
    c.projectId,
    c.fundId,
    c.machines.map((m) => m.machineId),
    c.batchId,
  );
  const used = await usedByOthers(db, c.fundId, c.smeClientId, c.id);
  const result = computeClaim(fund.rules, factsFromSnapshot(snapshot, { ...used, filedOn: shanghaiToday() }));
  if (!result.eligible || result.grantedFen <= 0n) throw new AppError('PRECONDITION_FAILED', 'claim.notEligible');
  return db.$transaction(async (tx) => {
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: c.status },
      data: {
        status: 'SUBMITTED',
        submittedAt: new Date(),
        rulesVersion: fund.rulesVersion,
        rules: fund.rules as Prisma.InputJsonValue,
        requestedFen: result.grantedFen,
        computedFen: result.grantedFen,
        explanation: json(result.steps),
        snapshot: json(snapshot),
      },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT');
    await event(tx, c, actor, 'submit', c.status, 'SUBMITTED', { amountFen: result.grantedFen, explanation: result.steps });
    return { id: c.id, computedFen: result.grantedFen };
  });
}

/**
 * The county's decision. Approval commits the amount against the fund under a row lock, so committed + disbursed
 * stays within the budget however many officials approve at once; a lower amount needs a reason.
 */
export async function decideClaim(
  db: ScopedDb,
  scope: CountyScope,
  actor: { id: string; name: string },
  input: { claimId: string; decision: 'approve' | 'reject' | 'return'; amountFen?: bigint | null; reason?: string | null },
) {
  const c = await db.claim.findUnique({
    where: { id: input.claimId },
    select: {
      id: true,
      status: true,
      fundId: true,
      projectId: true,
      countyId: true,
      integratorId: true,
      smeClientId: true,
      computedFen: true,
      rules: true,
      snapshot: true,
    },
  });
  if (!c) throw new AppError('NOT_FOUND');
  if (c.status !== 'SUBMITTED') throw new AppError('PRECONDITION_FAILED', 'claim.notSubmitted');
  const reason = input.reason?.trim() || null;
  if ((input.decision === 'reject' || input.decision === 'return') && !reason) throw new AppError('BAD_REQUEST', 'claim.reasonRequired');
  // the explanation at the moment of the decision: the claim's own rules and facts, with what others have used since
  const used = await usedByOthers(db, c.fundId, c.smeClientId, c.id);
  const snapshot = c.snapshot as unknown as Snapshot;
  const now = computeClaim(fundRules.parse(c.rules) as FundRule[], factsFromSnapshot(snapshot, { ...used, filedOn: snapshot.facts.filedOn }));
  const amount = input.decision === 'approve' ? (input.amountFen ?? now.grantedFen) : null;
  if (amount !== null) {
    if (amount <= 0n || amount > now.grantedFen) throw new AppError('BAD_REQUEST', 'claim.amountAboveAllowed', { allowed: formatYuan(now.grantedFen) });
    if (amount < now.grantedFen && !reason) throw new AppError('BAD_REQUEST', 'claim.lowerNeedsReason');
  }
  return db.$transaction(async (tx) => {
    if (amount !== null) {
      const rows = await tx.$queryRaw<{ budget: bigint; committed: bigint; disbursed: bigint }[]>`
        SELECT "budgetFen" AS budget, "committedFen" AS committed, "disbursedFen" AS disbursed FROM "Fund"
        WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId} FOR UPDATE`;
      const f = rows[0];
      if (!f) throw new AppError('NOT_FOUND');
      const remaining = BigInt(f.budget) - BigInt(f.committed) - BigInt(f.disbursed);
      if (amount > remaining)
        throw new AppError('PRECONDITION_FAILED', 'claim.budgetExceeded', { remaining: formatYuan(remaining), amount: formatYuan(amount) });
      await tx.$executeRaw`UPDATE "Fund" SET "committedFen" = "committedFen" + ${amount}, "updatedAt" = now() WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId}`;
    }
    const to = input.decision === 'approve' ? 'APPROVED' : input.decision === 'reject' ? 'REJECTED' : 'RETURNED';
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: 'SUBMITTED' },
      data: { status: to, approvedFen: amount, decisionReason: reason, decidedAt: new Date() },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'claim.concurrent');
    if (amount !== null) {
      // the approved subsidy lowers the SME's net investment (fenced to the claim's own project and integrator)
      await tx.$executeRaw`UPDATE "Project" SET "approvedSubsidyFen" = "approvedSubsidyFen" + ${amount} WHERE id = ${c.projectId} AND "integratorId" = ${c.integratorId}`;
    }
    await event(tx, c, actor, input.decision, 'SUBMITTED', to, { amountFen: amount, reason, explanation: now.steps });
    return { id: c.id, status: to, approvedFen: amount };
  });
}

export async function disburseClaim(
  db: ScopedDb,
  scope: CountyScope,
  actor: { id: string; name: string },
  input: { claimId: string; date: string; amountFen: bigint; reference: string },
) {
  const c = await db.claim.findUnique({
    where: { id: input.claimId },
    select: { id: true, status: true, fundId: true, approvedFen: true, countyId: true, integratorId: true, smeClientId: true },
  });
  if (!c) throw new AppError('NOT_FOUND');
  if (c.status !== 'APPROVED') throw new AppError('PRECONDITION_FAILED', 'claim.notApproved');
  const approved = c.approvedFen ?? 0n;
  if (input.amountFen <= 0n || input.amountFen > approved) throw new AppError('BAD_REQUEST', 'claim.disbursementAmount', { approved: approved.toString() });
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Fund" WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId} FOR UPDATE`;
    const moved = await tx.claim.updateMany({
      where: { id: c.id, status: 'APPROVED' },
      data: { status: 'DISBURSED', disbursedFen: input.amountFen, disbursedOn: dateOnly(input.date), disbursementRef: input.reference },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'claim.concurrent');
    await tx.$executeRaw`UPDATE "Fund" SET "committedFen" = "committedFen" - ${approved}, "disbursedFen" = "disbursedFen" + ${input.amountFen}, "updatedAt" = now() WHERE id = ${c.fundId} AND "countyId" = ${scope.countyId}`;
    await event(tx, c, actor, 'disburse', 'APPROVED', 'DISBURSED', { amountFen: input.amountFen, reason: input.reference });
    return { id: c.id };
  });
}

/** A page of claims, newest first (a county programme at scale has hundreds to thousands). */
export async function listClaims(db: ScopedDb, input: { fundId?: string; projectId?: string; status?: string; page: number; pageSize: number }) {
  const where = {
    ...(input.fundId ? { fundId: input.fundId } : {}),
    ...(input.projectId ? { projectId: input.projectId } : {}),
    ...(input.status ? { status: input.status as 'SUBMITTED' } : {}),
  };
  const [total, rows] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(input),
      select: {
        id: true,
        number: true,
        status: true,
        requestedFen: true,
        computedFen: true,
        approvedFen: true,
        disbursedFen: true,
        submittedAt: true,
        decidedAt: true,
        createdAt: true,
        snapshot: true,
        projectId: true,
        fund: { select: { id: true, name: true, nameEn: true } },
      },
    }),
  ]);
  const items = rows.map(({ snapshot, ...r }) => {
    const s = snapshot as unknown as Snapshot;
    return { ...r, sme: s.sme?.legalName ?? '', smeEn: s.sme?.legalNameEn ?? null, integrator: s.integrator ?? '', project: s.project?.number ?? '' };
  });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export async function getClaim(db: ScopedDb, id: string) {
  const c = await db.claim.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      status: true,
      rulesVersion: true,
      rules: true,
      requestedFen: true,
      computedFen: true,
      approvedFen: true,
      disbursedFen: true,
      disbursedOn: true,
      disbursementRef: true,
      decisionReason: true,
      explanation: true,
      snapshot: true,
      projectId: true,
      smeClientId: true,
      submittedAt: true,
      decidedAt: true,
      createdAt: true,
      fund: { select: { id: true, name: true, nameEn: true, evidenceRequired: true } },
      batch: { select: { name: true } },
      machines: { orderBy: { assetTag: 'asc' }, select: { assetTag: true, costFen: true } },
      evidence: { select: { id: true, kind: true, fileId: true, fileName: true } },
      events: {
        orderBy: { at: 'asc' },
        select: { id: true, action: true, from: true, to: true, amountFen: true, reason: true, explanation: true, actorName: true, at: true },
      },
    },
  });
  if (!c) throw new AppError('NOT_FOUND');
  return {
    ...c,
    rules: c.rules as FundRule[],
    explanation: c.explanation as Step[],
    snapshot: c.snapshot as unknown as Snapshot,
    events: c.events.map((e) => ({ ...e, explanation: (e.explanation ?? null) as Step[] | null })),
  };
}
