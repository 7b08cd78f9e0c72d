import type { ScopedDb } from '../../db/scoped';
import { audit, toJson } from '../../db/tx';
import type { IntegratorScope, Scope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { clusterMaturity } from '../../domain/maturity/cluster';
import { formatCode, type Level, type MaturityCode } from '../../domain/maturity/code';
import type { AssessmentInput } from '../../domain/maturity/inputs';
import { analysePathway, pathwaySteps } from '../../domain/maturity/pathway';
import { applyOverrides, suggestLevels } from '../../domain/maturity/suggest';
import { dateOnly, shanghaiToday } from '../../domain/time';

const summarySelect = {
  id: true,
  smeClientId: true,
  assessedOn: true,
  kind: true,
  assessorName: true,
  d: true,
  n: true,
  i: true,
  nationalLevel: true,
  nationalScore: true,
  status: true,
  source: true,
  signedOffAt: true,
} as const;

const codeOf = (a: { d: number; n: number; i: number }): MaturityCode => ({ d: a.d as Level, n: a.n as Level, i: a.i as Level });

async function requireSme(db: ScopedDb, smeClientId: string) {
  const sme = await db.smeClient.findUnique({ where: { id: smeClientId }, select: { id: true, legalName: true, legalNameEn: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  return sme;
}

/** The levels an input yields: suggested from the evidence, then the assessor's overrides (each with a reason). */
function checkDate(assessedOn: string) {
  if (assessedOn > shanghaiToday()) throw new AppError('BAD_REQUEST', 'assessmentFutureDate', { date: assessedOn });
}

export function levelsFor(input: Pick<AssessmentInput, 'evidence' | 'overrides'>) {
  const suggested = suggestLevels(input.evidence.map((e) => e.technology));
  const applied = applyOverrides(suggested, input.overrides);
  if (!applied.ok) {
    const first = applied.errors[0];
    throw new AppError('BAD_REQUEST', first?.problem === 'missingReason' ? 'overrideReasonMissing' : 'overrideInvalid', { component: first?.component ?? '' });
  }
  return { suggested, code: applied.code, applied: applied.applied };
}

async function checkFiles(db: ScopedDb, smeClientId: string, input: AssessmentInput) {
  const fileIds = [...new Set(input.evidence.map((e) => e.fileId).filter((x): x is string => Boolean(x)))];
  if (fileIds.length && (await db.storedFile.count({ where: { id: { in: fileIds }, smeClientId } })) !== fileIds.length) throw new AppError('NOT_FOUND');
}

function assessmentData(input: AssessmentInput, levels: ReturnType<typeof levelsFor>) {
  return {
    assessedOn: dateOnly(input.assessedOn),
    kind: input.kind,
    assessorName: input.assessorName,
    d: levels.code.d,
    n: levels.code.n,
    i: levels.code.i,
    suggestedD: levels.suggested.d,
    suggestedN: levels.suggested.n,
    suggestedI: levels.suggested.i,
    overrides: toJson(levels.applied),
    nationalLevel: input.nationalLevel ?? null,
    nationalScore: input.nationalScore ?? null,
    notes: input.notes || null,
  };
}

export async function createAssessment(db: ScopedDb, scope: IntegratorScope, actorId: string, smeClientId: string, input: AssessmentInput) {
  await requireSme(db, smeClientId);
  checkDate(input.assessedOn);
  const levels = levelsFor(input);
  await checkFiles(db, smeClientId, input);
  return db.$transaction(async (tx) => {
    const a = await tx.assessment.create({
      data: {
        integratorId: scope.integratorId,
        smeClientId,
        createdById: actorId,
        ...assessmentData(input, levels),
        ...(input.signOff ? { status: 'SIGNED_OFF' as const, signedOffAt: new Date(), signedOffById: actorId } : {}),
      },
      select: { id: true },
    });
    if (input.evidence.length)
      await tx.assessmentEvidence.createMany({
        data: input.evidence.map((e) => ({
          integratorId: scope.integratorId,
          smeClientId,
          assessmentId: a.id,
          technology: e.technology,
          note: e.note || null,
          fileId: e.fileId || null,
        })),
      });
    await audit(tx, {
      actorId,
      action: input.signOff ? 'assessment.signOff' : 'assessment.create',
      entity: 'Assessment',
      entityId: a.id,
      data: { smeClientId, code: formatCode(levels.code) },
    });
    return a;
  });
}

export async function updateAssessment(db: ScopedDb, actorId: string, id: string, input: AssessmentInput) {
  const old = await db.assessment.findUnique({ where: { id }, select: { id: true, status: true, smeClientId: true, integratorId: true } });
  if (!old) throw new AppError('NOT_FOUND');
  if (old.status === 'SIGNED_OFF') throw new AppError('PRECONDITION_FAILED', 'assessmentSignedOff');
  checkDate(input.assessedOn);
  const levels = levelsFor(input);
  await checkFiles(db, old.smeClientId, input);
  return db.$transaction(async (tx) => {
    // the status is checked again under the row lock, so two sign-offs cannot both edit
    const locked = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "Assessment" WHERE id = ${id} AND "integratorId" = ${old.integratorId} FOR UPDATE`;
    if (locked[0]?.status !== 'DRAFT') throw new AppError('PRECONDITION_FAILED', 'assessmentSignedOff');
    await tx.assessment.update({
      where: { id },
      data: { ...assessmentData(input, levels), ...(input.signOff ? { status: 'SIGNED_OFF' as const, signedOffAt: new Date(), signedOffById: actorId } : {}) },
      select: { id: true },
    });
    await tx.assessmentEvidence.deleteMany({ where: { assessmentId: id } });
    if (input.evidence.length)
      await tx.assessmentEvidence.createMany({
        data: input.evidence.map((e) => ({
          integratorId: old.integratorId,
          smeClientId: old.smeClientId,
          assessmentId: id,
          technology: e.technology,
          note: e.note || null,
          fileId: e.fileId || null,
        })),
      });
    await audit(tx, {
      actorId,
      action: input.signOff ? 'assessment.signOff' : 'assessment.update',
      entity: 'Assessment',
      entityId: id,
      data: { code: formatCode(levels.code) },
    });
    return { id };
  });
}

/** An SME's assessments; SME owners see only signed-off ones (drafts are the integrator's work in progress). */
export async function listAssessments(db: ScopedDb, scope: Scope, smeClientId: string) {
  await requireSme(db, smeClientId);
  const rows = await db.assessment.findMany({
    where: { smeClientId, ...(scope.kind === 'sme' ? { status: 'SIGNED_OFF' as const } : {}) },
    orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }],
    select: summarySelect,
  });
  return rows.map((r) => ({ ...r, code: formatCode(codeOf(r)) }));
}

export async function getAssessment(db: ScopedDb, scope: Scope, id: string) {
  const a = await db.assessment.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      suggestedD: true,
      suggestedN: true,
      suggestedI: true,
      overrides: true,
      notes: true,
      createdAt: true,
      smeClient: { select: { id: true, legalName: true, legalNameEn: true } },
      evidence: { orderBy: { technology: 'asc' }, select: { technology: true, note: true, file: { select: { id: true, fileName: true, size: true } } } },
    },
  });
  if (!a || (scope.kind === 'sme' && a.status !== 'SIGNED_OFF')) throw new AppError('NOT_FOUND');
  return {
    ...a,
    code: formatCode(codeOf(a)),
    suggestedCode: formatCode({ d: a.suggestedD as Level, n: a.suggestedN as Level, i: a.suggestedI as Level }),
    overrides: a.overrides as { component: 'D' | 'N' | 'I'; from: number; to: number; reason: string }[],
  };
}

export async function signOffAssessment(db: ScopedDb, actorId: string, id: string) {
  const a = await db.assessment.findUnique({ where: { id }, select: { status: true, d: true, n: true, i: true } });
  if (!a) throw new AppError('NOT_FOUND');
  if (a.status === 'SIGNED_OFF') throw new AppError('PRECONDITION_FAILED', 'assessmentSignedOff');
  return db.$transaction(async (tx) => {
    const res = await tx.assessment.updateMany({
      where: { id, status: 'DRAFT' },
      data: { status: 'SIGNED_OFF', signedOffAt: new Date(), signedOffById: actorId },
    });
    if (res.count !== 1) throw new AppError('PRECONDITION_FAILED', 'assessmentSignedOff');
    await audit(tx, { actorId, action: 'assessment.signOff', entity: 'Assessment', entityId: id, data: { code: formatCode(codeOf(a)) } });
    return { id };
  });
}

/** The SME's upgrading pathway: signed-off assessments in date order, the arrows, and the verdict. */
export async function getPathway(db: ScopedDb, smeClientId: string) {
  await requireSme(db, smeClientId);
  const rows = await db.assessment.findMany({
    where: { smeClientId, status: 'SIGNED_OFF' },
    orderBy: [{ assessedOn: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, assessedOn: true, d: true, n: true, i: true, nationalLevel: true, kind: true },
  });
  // the projects whose verification these assessments record: the arrow into such a point is the project's
  const projects = rows.length
    ? await db.project.findMany({
        where: { outcomeAssessmentId: { in: rows.map((r) => r.id) } },
        select: { id: true, number: true, outcomeAssessmentId: true },
      })
    : [];
  const byOutcome = new Map(projects.map((p) => [p.outcomeAssessmentId, { id: p.id, number: p.number }]));
  const points = rows.map((r) => ({
    id: r.id,
    date: r.assessedOn,
    code: codeOf(r),
    codeText: formatCode(codeOf(r)),
    nationalLevel: r.nationalLevel,
    kind: r.kind,
    project: byOutcome.get(r.id) ?? null,
  }));
  const steps = pathwaySteps(points).map((s) => ({
    index: s.index,
    fromId: s.fromAssessment.id,
    toId: s.toAssessment.id,
    from: formatCode(s.from),
    to: formatCode(s.to),
    fromDate: s.fromDate,
    toDate: s.toDate,
    movesOnGrid: s.movesOnGrid,
    breach: s.breach,
  }));
  const analysis = analysePathway(points);
  return {
    points: points.map(({ code, ...p }) => ({ ...p, d: code.d, n: code.n, i: code.i })),
    steps,
    kind: analysis.kind,
    breach: analysis.breach ? { ...analysis.breach, from: formatCode(analysis.breach.from), to: formatCode(analysis.breach.to) } : null,
  };
}

/** The cluster's maturity now and a year ago (see domain/maturity/cluster). */
export async function getClusterMaturity(db: ScopedDb, clusterId: string, now = dateOnly(shanghaiToday())) {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: { id: true, name: true, nameEn: true } });
  if (!cluster) throw new AppError('NOT_FOUND');
  const smes = await db.smeClient.findMany({
    where: { memberships: { some: { clusterId } }, archivedAt: null },
    orderBy: { legalName: 'asc' },
    select: {
      id: true,
      legalName: true,
      legalNameEn: true,
      assessments: { where: { status: 'SIGNED_OFF' }, select: { assessedOn: true, d: true, n: true, i: true, nationalLevel: true } },
    },
  });
  const result = clusterMaturity(
    smes.map((s) => ({
      smeClientId: s.id,
      name: s.legalName,
      assessments: s.assessments.map((a) => ({ date: a.assessedOn, code: codeOf(a), nationalLevel: a.nationalLevel })),
    })),
    now,
  );
  const names = new Map(smes.map((s) => [s.id, s.legalNameEn]));
  return { cluster, ...result, stale: result.stale.map((s) => ({ ...s, nameEn: names.get(s.smeClientId) ?? null })) };
}
