/** Issuing a quote version: the plan frozen as a typed snapshot (VAT per line, schedule in money, payback on the quote). */

import { type Tx, toJson } from '../../db/tx';
import { formatCode, type Level } from '../../domain/maturity/code';
import type { CostCategory } from '../../domain/projects/codes';
import { storedPaymentTerms } from '../../domain/projects/plan-input';
import { buildQuoteSnapshot } from '../../domain/projects/quote-snapshot';
import { shanghaiToday } from '../../domain/time';

async function snapshotOf(tx: Tx, projectId: string) {
  const p = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      number: true,
      title: true,
      targetD: true,
      targetN: true,
      targetI: true,
      modules: true,
      softwareYears: true,
      trainingDays: true,
      expectedSubsidyFen: true,
      paymentTerms: true,
      smeClient: {
        select: {
          legalName: true,
          legalNameEn: true,
          creditCode: true,
          integrator: { select: { name: true, nameEn: true, creditCode: true, address: true, addressEn: true, phone: true } },
        },
      },
      machines: { select: { machine: { select: { assetTag: true, kind: true, controlType: true } } } },
      costLines: {
        orderBy: { sortOrder: 'asc' },
        select: { category: true, itemCode: true, description: true, quantity: true, unitPriceFen: true, totalFen: true },
      },
      savings: { orderBy: { sortOrder: 'asc' }, select: { kind: true, params: true, monthlyFen: true } },
    },
  });
  const { integrator, ...sme } = p.smeClient;
  return buildQuoteSnapshot({
    number: p.number,
    title: p.title,
    target: formatCode({ d: p.targetD as Level, n: p.targetN as Level, i: p.targetI as Level }),
    issuedOn: shanghaiToday(),
    issuer: integrator,
    smeClient: sme,
    machines: p.machines.map((m) => m.machine),
    modules: p.modules,
    softwareYears: p.softwareYears,
    trainingDays: p.trainingDays,
    lines: p.costLines.map((l) => ({ ...l, category: l.category as CostCategory })),
    savings: p.savings.map((s) => ({ ...s, params: s.params as Record<string, unknown> })),
    expectedSubsidyFen: p.expectedSubsidyFen,
    terms: storedPaymentTerms(p.paymentTerms),
  });
}

/** A new quote version (the open or accepted one before it is superseded). */
export async function issueQuoteVersion(tx: Tx, p: { id: string; integratorId: string; smeClientId: string }, actorId: string) {
  const open = await tx.quote.findFirst({ where: { projectId: p.id }, orderBy: { version: 'desc' }, select: { id: true, version: true, decision: true } });
  if (open && (open.decision === null || open.decision === 'ACCEPTED'))
    await tx.quote.update({ where: { id: open.id }, data: { decision: 'SUPERSEDED', decidedAt: new Date(), decidedById: actorId }, select: { id: true } });
  const s = await snapshotOf(tx, p.id);
  const version = (open?.version ?? 0) + 1;
  return tx.quote.create({
    data: {
      integratorId: p.integratorId,
      smeClientId: p.smeClientId,
      projectId: p.id,
      version,
      number: `${s.number}-Q${version}`,
      snapshot: toJson(s),
      totalFen: s.totalFen,
      expectedSubsidyFen: s.expectedSubsidyFen,
      monthlySavingsFen: s.monthlySavingsFen,
      issuedById: actorId,
    },
    select: { id: true, version: true },
  });
}
