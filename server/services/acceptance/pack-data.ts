/**
 * The acceptance pack (验收材料) of one project, as data: every figure with the record it comes from (quote number and
 * line, invoice number, payment id, month, assessment id, claim number), the cost list marked eligible or not under
 * the claim's fund, dated records checked against the fund's window, and what is still missing. Read from the SME's
 * side of the project only (the contract, its invoices and payments): the integrator's budget lines, suppliers and
 * margin never enter a pack (docs/decisions/0016).
 *
 * `db` reaches the project through the tenant gate (integrator staff, the SME owner), or for a county through its
 * database role alone, narrowed here to the one project and the county's own claim (see pack-access.ts).
 */
import type { ScopedOrTx } from '../../db/tx';
import { type ChecklistItem, packChecklist } from '../../domain/acceptance/checklist';
import { eligibleTotals, markLines } from '../../domain/acceptance/eligibility';
import { checkWindow } from '../../domain/acceptance/window';
import { claimSteps } from '../../domain/funds/allowance';
import { type FundRule, fundRules } from '../../domain/funds/rules';
import { formatCode, type Level } from '../../domain/maturity/code';
import { parseQuoteSnapshot } from '../../domain/projects/quote-snapshot';
import { readAcceptedBasis } from '../../domain/results/accepted';
import { calendarDay, shanghaiDate } from '../../domain/time';
import { projectPayback } from '../projects/project-payback';

/** The attachments of one pack together may not exceed this (the ZIP is built in memory only up to it). */
export const PACK_MAX_ATTACHMENT_BYTES = Number(process.env.PACK_MAX_ATTACHMENT_BYTES) || 60 * 1024 * 1024;
/** At most this many attachments in one pack. */
export const PACK_MAX_ATTACHMENTS = 200;

/** Which claim the pack is filed with: for a county, only its own claims past the draft. */
export type ClaimFilter = { countyId?: string; notDraft?: boolean };

const code = (a: { d: number; n: number; i: number }) => formatCode({ d: a.d as Level, n: a.n as Level, i: a.i as Level });
const assessmentSelect = {
  id: true,
  assessedOn: true,
  kind: true,
  assessorName: true,
  d: true,
  n: true,
  i: true,
  nationalLevel: true,
  nationalScore: true,
} as const;

export async function loadPack(db: ScopedOrTx, projectId: string, claimFilter: ClaimFilter = {}) {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      targetD: true,
      targetN: true,
      targetI: true,
      smeClientId: true,
      integratorId: true,
      contractQuoteId: true,
      contractedAt: true,
      outcomeAssessmentId: true,
      createdAt: true,
      smeClient: { select: { legalName: true, legalNameEn: true, creditCode: true, county: true, sector: true } },
      machines: { select: { machine: { select: { assetTag: true, kind: true, controlType: true } } } },
      statusChanges: { where: { to: 'COMMISSIONED' }, orderBy: { at: 'desc' }, take: 1, select: { at: true } },
    },
  });
  if (!p) return null;
  const [integrator, quote, invoices, payments, measured, satisfaction, claims, savings] = await Promise.all([
    db.integrator.findUnique({ where: { id: p.integratorId }, select: { name: true, nameEn: true, creditCode: true } }),
    p.contractQuoteId ? db.quote.findUnique({ where: { id: p.contractQuoteId }, select: { id: true, number: true, snapshot: true, decidedAt: true } }) : null,
    db.smeInvoice.findMany({
      where: { projectId },
      orderBy: [{ issuedOn: 'asc' }, { invoiceNo: 'asc' }],
      select: { id: true, invoiceNo: true, issuedOn: true, vatRateBp: true, amountFen: true, taxFen: true },
    }),
    db.smePayment.findMany({
      where: { projectId },
      orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
      select: { id: true, receivedOn: true, amountFen: true, reference: true, milestone: { select: { stage: true } } },
    }),
    db.measuredSaving.findMany({
      where: { projectId },
      orderBy: { month: 'asc' },
      select: { id: true, month: true, amountFen: true, note: true, source: true, basis: true },
    }),
    db.satisfactionRecord.findFirst({
      where: { projectId },
      select: {
        id: true,
        overall: true,
        service: true,
        results: true,
        usedInProduction: true,
        wouldRecommend: true,
        comment: true,
        respondentName: true,
        updatedAt: true,
      },
    }),
    db.claim.findMany({
      where: {
        projectId,
        ...(claimFilter.countyId ? { countyId: claimFilter.countyId } : {}),
        status: { notIn: claimFilter.notDraft ? ['DRAFT', 'REJECTED'] : ['REJECTED'] },
      },
      orderBy: { createdAt: 'desc' },
      take: 1,
      select: {
        id: true,
        number: true,
        status: true,
        submittedAt: true,
        computedFen: true,
        approvedFen: true,
        rules: true,
        explanation: true,
        fund: { select: { id: true, name: true, nameEn: true, periodStart: true, periodEnd: true, evidenceRequired: true } },
        evidence: { select: { id: true, kind: true, fileId: true, fileName: true } },
      },
    }),
    db.savingsLine.aggregate({ where: { projectId }, _sum: { monthlyFen: true } }),
  ]);
  const claim = claims[0] ?? null;

  const commissionedAt = p.statusChanges[0]?.at ?? null;
  const contractDay = p.contractedAt ? shanghaiDate(p.contractedAt) : null;
  const signedOff = { smeClientId: p.smeClientId, status: 'SIGNED_OFF' as const };
  const [beforeFound, after] = await Promise.all([
    db.assessment.findFirst({
      // never the outcome itself: an outcome assessed on the contract's day (the demo does all in one day) is the after
      where: {
        ...signedOff,
        assessedOn: { lte: p.contractedAt ?? p.createdAt },
        ...(p.outcomeAssessmentId ? { id: { not: p.outcomeAssessmentId } } : {}),
      },
      orderBy: { assessedOn: 'desc' },
      select: assessmentSelect,
    }),
    p.outcomeAssessmentId
      ? db.assessment.findFirst({ where: { ...signedOff, id: p.outcomeAssessmentId }, select: assessmentSelect })
      : commissionedAt
        ? db.assessment.findFirst({
            where: { ...signedOff, assessedOn: { gte: new Date(calendarDay(commissionedAt)) } },
            orderBy: { assessedOn: 'desc' },
            select: assessmentSelect,
          })
        : null,
  ]);
  // one assessment is never both the before and the after (a project contracted and commissioned on one day)
  const before = beforeFound && after && beforeFound.id === after.id ? null : beforeFound;

  const rules: FundRule[] = claim ? (fundRules.safeParse(claim.rules).data ?? []) : [];
  const snapshot = quote ? parseQuoteSnapshot(quote.snapshot) : null;
  const lines = snapshot
    ? markLines(
        snapshot.lines.map((l, i) => ({ ...l, ref: `${quote?.number}#${i + 1}` })),
        rules,
      )
    : [];
  // a fund's period is held as instants (a form stores the day's UTC midnight, the demo Shanghai's): its Shanghai days
  const window = claim ? { start: shanghaiDate(claim.fund.periodStart), end: shanghaiDate(claim.fund.periodEnd) } : null;
  const dated = [
    ...(quote && contractDay ? [{ kind: 'contract' as const, id: quote.id, ref: quote.number, day: contractDay }] : []),
    ...invoices.map((i) => ({ kind: 'invoice' as const, id: i.id, ref: i.invoiceNo, day: calendarDay(i.issuedOn) })),
    ...payments.map((pm) => ({ kind: 'payment' as const, id: pm.id, ref: pm.reference ?? pm.id, day: calendarDay(pm.receivedOn) })),
  ];
  const checked = window ? checkWindow(dated, window) : dated.map((d) => ({ ...d, verdict: 'noWindow' as const }));
  const verdictOf = (id: string) => checked.find((c) => c.id === id)?.verdict ?? 'noWindow';

  // attachments: the claim's evidence, and the evidence files of the assessments before and after
  const assessmentIds = [before?.id, after?.id].filter((x): x is string => Boolean(x));
  const assessmentFiles = assessmentIds.length
    ? await db.assessmentEvidence.findMany({
        where: { assessmentId: { in: assessmentIds }, fileId: { not: null } },
        select: { assessmentId: true, technology: true, file: { select: { id: true, fileName: true, size: true } } },
      })
    : [];
  const claimFileIds = claim?.evidence.map((e) => e.fileId) ?? [];
  const claimFiles = claimFileIds.length ? await db.storedFile.findMany({ where: { id: { in: claimFileIds } }, select: { id: true, size: true } }) : [];
  const attachments = [
    ...(claim?.evidence ?? []).map((e) => ({
      fileId: e.fileId,
      fileName: e.fileName,
      size: claimFiles.find((f) => f.id === e.fileId)?.size ?? 0,
      source: `claim.${e.kind}`,
      ref: claim?.number ?? '',
    })),
    ...assessmentFiles.flatMap((e) =>
      e.file
        ? [
            {
              fileId: e.file.id,
              fileName: e.file.fileName,
              size: e.file.size,
              source: e.assessmentId === before?.id ? 'assessmentBefore' : 'assessmentAfter',
              ref: e.technology,
            },
          ]
        : [],
    ),
  ];
  const attachmentBytes = attachments.reduce((s, a) => s + a.size, 0);
  const attachmentsTooLarge = attachmentBytes > PACK_MAX_ATTACHMENT_BYTES || attachments.length > PACK_MAX_ATTACHMENTS;

  const checklist = packChecklist({
    claim: claim ? { number: claim.number, status: claim.status } : null,
    contract: quote ? { number: quote.number } : null,
    costLines: lines.length,
    invoices: invoices.length,
    payments: payments.length,
    outsideWindow: checked.filter((c) => c.verdict !== 'inside' && c.verdict !== 'noWindow').length,
    measuredMonths: measured.length,
    assessmentBefore: before ? { kind: before.kind } : null,
    assessmentAfter: after ? { kind: after.kind, nationalLevel: after.nationalLevel } : null,
    satisfaction: satisfaction !== null,
    evidenceRequired: claim?.fund.evidenceRequired ?? [],
    evidenceAttached: claim?.evidence.map((e) => e.kind) ?? [],
    attachmentsTooLarge,
  });

  const assessment = (a: typeof before) =>
    a
      ? {
          id: a.id,
          date: calendarDay(a.assessedOn),
          kind: a.kind,
          assessor: a.assessorName,
          code: code(a),
          nationalLevel: a.nationalLevel,
          nationalScore: a.nationalScore,
        }
      : null;

  return {
    project: {
      id: p.id,
      number: p.number,
      title: p.title,
      status: p.status,
      target: code({ d: p.targetD, n: p.targetN, i: p.targetI }),
      contractDay,
      commissionedDay: commissionedAt ? shanghaiDate(commissionedAt) : null,
      machines: p.machines.map((m) => m.machine).sort((a, b) => a.assetTag.localeCompare(b.assetTag)),
    },
    sme: { id: p.smeClientId, ...p.smeClient },
    integrator,
    claim: claim
      ? {
          id: claim.id,
          number: claim.number,
          status: claim.status,
          submittedDay: claim.submittedAt ? shanghaiDate(claim.submittedAt) : null,
          computedFen: claim.computedFen,
          approvedFen: claim.approvedFen,
          steps: claimSteps.safeParse(claim.explanation).data ?? [],
          rules: rules.map((r) => r.kind),
          fund: { id: claim.fund.id, name: claim.fund.name, nameEn: claim.fund.nameEn, evidenceRequired: claim.fund.evidenceRequired },
        }
      : null,
    window,
    contract:
      quote && snapshot
        ? {
            quoteId: quote.id,
            number: quote.number,
            day: contractDay,
            verdict: verdictOf(quote.id),
            totalFen: snapshot.totalFen,
            taxFen: snapshot.taxFen,
            paymentTerms: snapshot.paymentTerms,
            lines: lines.map((l) => ({
              ref: l.ref,
              category: l.category,
              itemCode: l.itemCode,
              description: l.description,
              quantity: l.quantity,
              unitPriceFen: l.unitPriceFen,
              totalFen: l.totalFen,
              eligible: l.eligible,
              reason: l.reason,
            })),
            totals: eligibleTotals(lines),
          }
        : null,
    invoices: invoices.map((i) => ({ ...i, day: calendarDay(i.issuedOn), verdict: verdictOf(i.id) })),
    payments: payments.map((pm) => ({
      id: pm.id,
      day: calendarDay(pm.receivedOn),
      amountFen: pm.amountFen,
      reference: pm.reference,
      stage: pm.milestone.stage,
      verdict: verdictOf(pm.id),
    })),
    // a month accepted from the terminals' data carries its windows, coverage and working (else typed by staff)
    measured: measured.map(({ basis, ...m }) => ({ ...m, basis: m.source === 'DATA' ? readAcceptedBasis(basis) : null })),
    expectedMonthlyFen: savings._sum.monthlyFen ?? 0n,
    payback: await projectPayback(db, projectId),
    assessments: { before: assessment(before), after: assessment(after) },
    satisfaction,
    attachments,
    attachmentBytes,
    checklist: checklist as { items: ChecklistItem[]; ready: boolean; missing: number },
  };
}

export type PackData = NonNullable<Awaited<ReturnType<typeof loadPack>>>;
