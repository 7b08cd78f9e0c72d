/**
 * The input of a fund and of the county's claim actions: one schema shared by the tRPC procedures and the forms that
 * send them (the fund form checks its values with it before sending).
 */
import { z } from 'zod';
import { sectors } from '../inventory/catalogue';
import { fundRule } from './rules';

export const evidenceKinds = ['CONTRACT', 'COST_LIST', 'INVOICES', 'PHOTOS', 'ASSESSMENTS'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** A real calendar day between 2000 and 2100 (2026-02-31 and 2026-13-45 are refused, not moved or crashed on). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '2000-01-01' && v <= '2100-12-31';
  }, 'date');

/** Money in fen: up to ¥10 billion. */
export const fenAmount = z.bigint().min(0n).max(1_000_000_000_000n);

export const fundBatchInput = z.object({
  name: z.string().trim().min(1).max(40),
  opensOn: calendarDate,
  closesOn: calendarDate,
  rateBp: z.number().int().min(0).max(10_000).nullable(),
});

export const fundInput = z.object({
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(150).nullable(),
  budgetFen: fenAmount,
  periodStart: calendarDate,
  periodEnd: calendarDate,
  sectors: z.array(z.enum(sectors)).max(10),
  rules: z.array(fundRule).min(1).max(10),
  evidenceRequired: z.array(z.enum(evidenceKinds)).max(5),
  batches: z.array(fundBatchInput).max(20),
});
export type FundInput = z.infer<typeof fundInput>;

/** The county's decision on a submitted claim; the reason is required for a reject, a return, or a changed amount. */
export const claimDecisionInput = z.object({
  id: z.string().min(1).max(64),
  decision: z.enum(['approve', 'reject', 'return']),
  amountFen: fenAmount.nullish(),
  reason: z.string().trim().max(500).nullish(),
});

export const payoutInput = z.object({
  id: z.string().min(1).max(64),
  date: calendarDate,
  amountFen: fenAmount,
  reference: z.string().trim().min(1).max(60),
});
