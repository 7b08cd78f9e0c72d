/**
 * The frozen content of a quote version — what the SME owner accepts and signs — as a typed contract. Written once
 * when a quote is issued (`buildQuoteSnapshot`), parsed wherever it is read (`parseQuoteSnapshot`): the quote page,
 * the PDF, the acceptance dialog, claims. Money travels as decimal strings of fen (JSON has no bigint).
 * Version 1 (before the SME ledger) had no VAT, schedule or issuer: it is read with the defaults of its time.
 */
import { z } from 'zod';
import { addDays } from '../time';
import { costCategories } from './codes';
import { type PaybackBasis, type PaybackVerdict, paybackOn } from './payback';
import { defaultPaymentTerms, dueEvents, type PaymentTerm, paymentStages, splitContract } from './payment-terms';
import { vatIncluded, vatRateBpByCategory } from './vat';

const fen = z.union([z.string().regex(/^-?\d{1,20}$/), z.bigint()]).transform((v) => BigInt(v));
const party = z.object({
  name: z.string(),
  nameEn: z.string().nullable().default(null),
  creditCode: z.string().nullable().default(null),
  address: z.string().nullable().default(null),
  addressEn: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
});
const line = z.object({
  category: z.enum(costCategories),
  itemCode: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceFen: fen,
  totalFen: fen,
  vatRateBp: z.number().int().min(0).max(10_000),
  taxFen: fen,
});
const verdict = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paidBackAtOnce'), netFen: fen }),
  z.object({ kind: z.literal('neverPaysBack'), netFen: fen }),
  z.object({ kind: z.literal('months'), netFen: fen, months: z.number() }),
]);

export const quoteSnapshotSchema = z.object({
  v: z.literal(2),
  number: z.string(),
  title: z.string(),
  target: z.string(),
  issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuer: party,
  smeClient: z.object({ legalName: z.string(), legalNameEn: z.string().nullable(), creditCode: z.string().nullable() }),
  machines: z.array(z.object({ assetTag: z.string(), kind: z.string(), controlType: z.string() })),
  modules: z.array(z.string()),
  softwareYears: z.number().int(),
  trainingDays: z.number().int(),
  lines: z.array(line),
  totals: z.record(z.string(), fen),
  totalFen: fen,
  taxFen: fen,
  paymentTerms: z.array(z.object({ stage: z.enum(paymentStages), dueOn: z.enum(dueEvents), shareBp: z.number().int(), amountFen: fen })),
  savings: z.array(z.object({ kind: z.string(), params: z.record(z.string(), z.unknown()), monthlyFen: fen })),
  monthlySavingsFen: fen,
  expectedSubsidyFen: fen,
  payback: z.object({
    basis: z.object({
      investment: z.enum(['quoted', 'contracted', 'actual']),
      subsidy: z.enum(['expected', 'approved', 'paid']),
      savings: z.enum(['expected', 'measured']),
    }),
    verdict,
  }),
});
export type QuoteSnapshot = z.infer<typeof quoteSnapshotSchema>;

/** How long a quote stands (calendar days in Asia/Shanghai). */
export const QUOTE_VALID_DAYS = 30;

const QUOTED: PaybackBasis = { investment: 'quoted', subsidy: 'expected', savings: 'expected' };

export type QuoteFacts = Omit<
  QuoteSnapshot,
  'v' | 'validUntil' | 'lines' | 'totals' | 'totalFen' | 'taxFen' | 'paymentTerms' | 'payback' | 'monthlySavingsFen'
> & {
  lines: Omit<z.infer<typeof line>, 'vatRateBp' | 'taxFen'>[];
  terms: readonly PaymentTerm[];
};

/** The snapshot of a plan at issue: VAT per line, the schedule in money, payback on the quoted basis. */
export function buildQuoteSnapshot(f: QuoteFacts): QuoteSnapshot {
  const lines = f.lines.map((l) => {
    const vatRateBp = vatRateBpByCategory[l.category];
    return { ...l, vatRateBp, taxFen: vatIncluded(l.totalFen, vatRateBp) };
  });
  const totals: Record<string, bigint> = {};
  for (const l of lines) totals[l.category] = (totals[l.category] ?? 0n) + l.totalFen;
  const totalFen = lines.reduce((s, l) => s + l.totalFen, 0n);
  const monthlySavingsFen = f.savings.reduce((s, l) => s + l.monthlyFen, 0n);
  const p = paybackOn(
    {
      status: 'QUOTED',
      quotedFen: totalFen,
      contractFen: null,
      invoicedFen: 0n,
      subsidy: { expectedFen: f.expectedSubsidyFen, approvedFen: 0n, paidFen: 0n },
      expectedMonthlyFen: monthlySavingsFen,
      measuredFen: [],
    },
    QUOTED,
  );
  const { terms, ...rest } = f;
  return {
    ...rest,
    v: 2,
    validUntil: addDays(f.issuedOn, QUOTE_VALID_DAYS),
    lines,
    totals: { ...totals, total: totalFen },
    totalFen,
    taxFen: lines.reduce((s, l) => s + l.taxFen, 0n),
    paymentTerms: splitContract(totalFen, terms),
    monthlySavingsFen,
    payback: { basis: p.basis, verdict: p.verdict as PaybackVerdict },
  };
}

/** Version 1 snapshots (before VAT and schedules): read with the defaults of their time. */
const legacy = z
  .object({
    number: z.string(),
    title: z.string(),
    target: z.string(),
    smeClient: z.object({ legalName: z.string(), legalNameEn: z.string().nullable(), creditCode: z.string().nullable() }),
    machines: z.array(z.object({ assetTag: z.string(), kind: z.string(), controlType: z.string() })),
    modules: z.array(z.string()).default([]),
    softwareYears: z.number().int().default(0),
    trainingDays: z.number().int().default(0),
    costLines: z.array(line.omit({ vatRateBp: true, taxFen: true })),
    savings: z.array(z.object({ kind: z.string(), params: z.record(z.string(), z.unknown()), monthlyFen: fen })),
    expectedSubsidyFen: fen,
  })
  .transform((o) => {
    const { costLines, ...rest } = o;
    return buildQuoteSnapshot({
      ...rest,
      issuedOn: '1970-01-01',
      issuer: { name: '', nameEn: null, creditCode: null, address: null, addressEn: null, phone: null },
      lines: costLines,
      terms: defaultPaymentTerms,
    });
  });

/** Reads a stored snapshot; a shape it does not know is an error, never a guess. */
export function parseQuoteSnapshot(json: unknown, issuedOn?: string): QuoteSnapshot {
  const o = json as { v?: unknown } | null;
  if (o && typeof o === 'object' && o.v === 2) return quoteSnapshotSchema.parse(json);
  const old = legacy.parse(json);
  return issuedOn ? { ...old, issuedOn, validUntil: addDays(issuedOn, QUOTE_VALID_DAYS) } : old;
}
