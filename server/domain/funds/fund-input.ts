/**
 * The input of a fund and of the county's claim actions: one schema shared by the tRPC procedures and the forms that
 * send them (the fund form checks its values with it before sending). Ranges and text come from the shared bounds in
 * server/domain/inputs (a real calendar day 1950–2100, safe text, money within plausible limits).
 */
import { z } from 'zod';
import { basisPointsSchema, fenSchema, idSchema, moneyLimits } from '../inputs/bounds';
import { calendarDate } from '../inputs/calendar-date';
import { optionalSafeText, safeText } from '../inputs/safe-text';
import { sectors } from '../inventory/catalogue';
import { evidenceKinds } from './evidence-kinds';
import { fundRule } from './rules';

// in a module of its own, without zod: client forms list the kinds without loading the schemas
export { type EvidenceKind, evidenceKinds } from './evidence-kinds';
export { calendarDate };

/** One amount in fen (a subsidy, a payout). */
export const fenAmount = fenSchema(moneyLimits.amountFen);

export const fundBatchInput = z.object({
  name: safeText(40),
  opensOn: calendarDate,
  closesOn: calendarDate,
  rateBp: basisPointsSchema.nullable(),
});

export const fundInput = z.object({
  name: safeText(100),
  nameEn: optionalSafeText(150),
  budgetFen: fenSchema(moneyLimits.budgetFen),
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
  id: idSchema,
  decision: z.enum(['approve', 'reject', 'return']),
  amountFen: fenAmount.nullish(),
  reason: optionalSafeText(500, { multiLine: true }),
});

export const payoutInput = z.object({
  id: idSchema,
  date: calendarDate,
  amountFen: fenAmount,
  reference: safeText(60),
});
