/**
 * Plausible ranges for numbers a person types, shared by every input schema: ids, money, quantities and counts.
 * Messages are catalogue keys under "validation." (the error formatter words them in the user's language).
 */
import { z } from 'zod';

/** A row id as the app makes them (cuid): letters, digits, '-' and '_' only — never a NUL or a quote. */
export const idSchema = z.string({ error: 'id' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'id');

export const yuan = (n: number) => BigInt(n) * 100n;

/** The largest amounts the product accepts, in fen. */
export const moneyLimits = {
  /** One unit price of a cost line or a price-book item: ¥100,000,000. */
  unitPriceFen: yuan(100_000_000),
  /** One amount (a cost entry, a monthly saving, a payment, a subsidy): ¥1,000,000,000. */
  amountFen: yuan(1_000_000_000),
  /** A fund's budget: ¥100,000,000,000. */
  budgetFen: yuan(100_000_000_000),
  /** A plan's total of all its lines, checked before anything is stored or quoted: ¥2,000,000,000. */
  planTotalFen: yuan(2_000_000_000),
} as const;

/** Money in fen (a bigint), 0..max. */
export function fenSchema(max: bigint, min = 0n) {
  return z.bigint({ error: 'money' }).min(min, 'money').max(max, 'money');
}

/** Money in fen written as a decimal string (JSON has no bigint), 0..max. */
export function fenStringSchema(max: bigint) {
  return z
    .string({ error: 'money' })
    .regex(/^\d{1,15}$/, 'money')
    .refine((s) => /^\d{1,15}$/.test(s) && BigInt(s) <= max, 'money');
}

/** A whole number in min..max. */
export function countSchema(min: number, max: number) {
  return z.number({ error: 'number' }).int('number').min(min, 'range').max(max, 'range');
}

/** A line's quantity: at most 100,000. */
export const quantitySchema = countSchema(0, 100_000);
/** A percentage, 0–100. */
export const percentSchema = countSchema(0, 100);
/** Basis points, 0–10,000 (100 %). */
export const basisPointsSchema = countSchema(0, 10_000);

/** A plan's lines must add up to at most moneyLimits.planTotalFen (checked before the plan is stored or quoted). */
export function checkPlanTotal(lines: { quantity: number; unitPriceFen: bigint }[], ctx: z.RefinementCtx) {
  const total = lines.reduce((sum, l) => sum + BigInt(l.quantity) * l.unitPriceFen, 0n);
  if (total > moneyLimits.planTotalFen) ctx.addIssue({ code: 'custom', message: 'planTotal', params: { max: Number(moneyLimits.planTotalFen / 100n) } });
}
