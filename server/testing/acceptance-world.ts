/**
 * A commissioned project with everything an acceptance pack holds (tests): a contract of three lines (a terminal,
 * training, a line typed by hand), invoices and a payment (one invoice dated before the fund's window), measured
 * savings, assessments before and after, a claim under a spend-share fund with a contract file attached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createAssessmentRecord, createProjectRecord, type Db, seedProjectTerminals } from '../../prisma/seed/factories';
import { toJson } from '../db/tx';
import { defaultPaymentTerms } from '../domain/projects/payment-terms';
import { buildQuoteSnapshot } from '../domain/projects/quote-snapshot';
import { filesDir } from '../services/files/files';

/** The claim's snapshot as submission would freeze it (read by the claim pages and the register). */
function claimSnapshot(sme: { legalName: string; sector: string; creditCode: string | null }, machines: { assetTag: string; kind: string }[]) {
  return {
    sme: { legalName: sme.legalName, legalNameEn: null, creditCode: sme.creditCode, sector: sme.sector, clusters: [] },
    integrator: 'i',
    project: {
      number: 'P',
      title: 'test project',
      status: 'COMMISSIONED',
      machines: machines.length,
      budgetFen: '500000',
      target: 'D1N1',
      paybackMonths: null,
    },
    facts: {
      inServiceMachines: 10,
      machinesAlreadyClaimed: 0,
      machines: machines.map((m) => ({ assetTag: m.assetTag, costFen: '120000', kind: m.kind })),
      paidSpendFen: '500000',
      unpaidSpendFen: '0',
      levelReached: 2,
      contractDate: '2026-01-12',
      completionDate: '2026-03-01',
      batch: null,
      filedOn: '2026-04-02',
    },
    assessments: { before: null, after: null },
  };
}

export async function commissionedProject(
  db: Db,
  w: { integratorId: string; smeClientId: string; countyId: string; fundId: string },
  opts: {
    commissionedAt?: Date;
    claimStatus?: 'SUBMITTED' | 'APPROVED' | 'RETURNED' | 'REJECTED';
    machines?: number;
    measuredFen?: bigint;
    monthlySavingsFen?: bigint;
  } = {},
) {
  const own = { integratorId: w.integratorId, smeClientId: w.smeClientId };
  const sme = await db.smeClient.findUniqueOrThrow({ where: { id: w.smeClientId }, select: { legalName: true, sector: true, creditCode: true } });
  const { projectId, quoteId, milestoneId } = await createProjectRecord(db, { ...own, number: `P-${Math.random().toString(36).slice(2, 8)}` });
  const machines = await db.machine.findMany({
    where: { ...own, status: { not: 'RETIRED' } },
    take: opts.machines ?? 2,
    select: { id: true, assetTag: true, kind: true },
  });
  for (const m of machines) await db.projectMachine.create({ data: { ...own, projectId, machineId: m.id } });
  await seedProjectTerminals(db, projectId, { seenAt: new Date('2026-02-01T00:00:00Z') });
  const lines = [
    { category: 'HARDWARE' as const, itemCode: 'DATA_TERMINAL', description: null, quantity: 2, unitPriceFen: 120_000n, totalFen: 240_000n },
    { category: 'TRAINING' as const, itemCode: 'TRAINING_DAY', description: null, quantity: 1, unitPriceFen: 200_000n, totalFen: 200_000n },
    { category: 'HARDWARE' as const, itemCode: null, description: '办公电脑 office PC', quantity: 1, unitPriceFen: 60_000n, totalFen: 60_000n },
  ];
  const snapshot = buildQuoteSnapshot({
    number: 'Q-PACK-1',
    title: 'test project',
    target: 'D1N1',
    issuedOn: '2026-01-10',
    issuer: { name: 'i', nameEn: null, creditCode: null, address: null, addressEn: null, phone: null },
    smeClient: { legalName: 's', legalNameEn: null, creditCode: null },
    machines: machines.map((m) => ({ assetTag: m.assetTag, kind: m.kind, controlType: 'PLC' })),
    modules: [],
    softwareYears: 0,
    trainingDays: 1,
    lines,
    savings: [],
    expectedSubsidyFen: 0n,
    terms: defaultPaymentTerms,
  });
  const monthly = opts.monthlySavingsFen ?? 1_920_000n;
  await db.quote.update({
    where: { id: quoteId },
    data: {
      number: 'Q-PACK-1',
      snapshot: toJson(snapshot),
      totalFen: 500_000n,
      monthlySavingsFen: monthly,
      decision: 'ACCEPTED',
      decidedAt: new Date('2026-01-12T02:00:00Z'),
    },
  });
  const commissionedAt = opts.commissionedAt ?? new Date('2026-03-01T02:00:00Z');
  await db.project.update({
    where: { id: projectId },
    data: { status: 'COMMISSIONED', contractQuoteId: quoteId, contractPriceFen: 500_000n, contractedAt: new Date('2026-01-12T02:00:00Z') },
  });
  await db.savingsLine.create({ data: { ...own, projectId, kind: 'LABOUR', params: {}, monthlyFen: monthly } });
  await db.projectStatusChange.create({ data: { ...own, projectId, from: 'IN_PROGRESS', to: 'COMMISSIONED', transition: 'commission', at: commissionedAt } });
  await db.smeInvoice.create({
    data: { ...own, projectId, invoiceNo: 'INV-EARLY', issuedOn: new Date('2025-12-20'), vatRateBp: 1300, amountFen: 200_000n, taxFen: 23_009n },
  });
  await db.smeInvoice.create({
    data: { ...own, projectId, invoiceNo: 'INV-0002', issuedOn: new Date('2026-03-05'), vatRateBp: 1300, amountFen: 300_000n, taxFen: 34_513n },
  });
  await db.smePayment.create({ data: { ...own, projectId, milestoneId, receivedOn: new Date('2026-03-10'), amountFen: 500_000n, reference: 'PAY-77' } });
  await db.measuredSaving.create({ data: { ...own, projectId, month: '2026-04', amountFen: opts.measuredFen ?? 2_000_000n, note: 'terminal data' } });
  const before = await createAssessmentRecord(db, { ...own, date: '2025-11-01', d: 1, n: 0, nationalLevel: 1 });
  const after = await createAssessmentRecord(db, { ...own, date: '2026-03-20', d: 1, n: 1, nationalLevel: 2, kind: 'THIRD_PARTY' });
  await db.project.update({ where: { id: projectId }, data: { outcomeAssessmentId: after.id } });
  const file = await db.storedFile.create({
    data: { ...own, fileName: '合同.pdf', contentType: 'application/pdf', size: 17, sha256: 'x' },
    select: { id: true },
  });
  fs.mkdirSync(filesDir(), { recursive: true });
  fs.writeFileSync(path.join(filesDir(), file.id), '%PDF-1.4 contract');
  const claim = await db.claim.create({
    data: {
      ...own,
      countyId: w.countyId,
      fundId: w.fundId,
      projectId,
      number: `C-${projectId.slice(-6)}`,
      status: opts.claimStatus ?? 'SUBMITTED',
      submittedAt: new Date('2026-04-02T02:00:00Z'),
      rulesVersion: 1,
      rules: [{ kind: 'SPEND_SHARE', rateBp: 5000, capPerFirmFen: null }],
      computedFen: 250_000n,
      snapshot: claimSnapshot(sme, machines),
    },
    select: { id: true, number: true },
  });
  await db.claimEvidence.create({ data: { ...own, countyId: w.countyId, claimId: claim.id, kind: 'CONTRACT', fileId: file.id, fileName: '合同.pdf' } });
  return {
    projectId,
    quoteId,
    claimId: claim.id,
    claimNumber: claim.number,
    beforeId: before.id,
    afterId: after.id,
    fileId: file.id,
    machineIds: machines.map((m) => m.id),
  };
}
