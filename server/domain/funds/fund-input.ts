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
import { type FundRule, fundRule } from './rules';

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

/** A problem with one field of one of a fund's rules: the rule (0-based), its kind, the field, and the allowed range. */
export type RuleIssue = { rule: number; kind: FundRule['kind'] | null; field: string; min: number | null; max: number | null };

/**
 * The problems of a fund's input that concern its rules, each naming the rule and the field (the issue's path
 * `rules.<n>.<field>`) and, for a number, the range its schema allows: so that a form can mark the field with
 * "0–100 %" and a message can say which rule is wrong, from the one schema (no range written twice).
 */
export function ruleIssues(rules: readonly unknown[], issues: readonly z.core.$ZodIssue[]): RuleIssue[] {
  return issues.flatMap((i) => {
    if (i.path[0] !== 'rules' || typeof i.path[1] !== 'number') return [];
    const rule = i.path[1];
    const field = i.path[2] === undefined ? '' : String(i.path[2]);
    const kind = (rules[rule] as { kind?: unknown } | undefined)?.kind;
    const schema = fundRule.options.find((o) => o.shape.kind.value === kind);
    const f = schema && field ? (schema.shape as Record<string, z.ZodType>)[field] : undefined;
    const num = f instanceof z.ZodNumber ? f : null;
    return [{ rule, kind: schema ? schema.shape.kind.value : null, field, min: num?.minValue ?? null, max: num?.maxValue ?? null }];
  });
}
