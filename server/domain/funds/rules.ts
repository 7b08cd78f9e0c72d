import { z } from 'zod';
import { basisPointsSchema, countSchema, fenStringSchema, moneyLimits, percentSchema } from '../inputs/bounds';
import { costCategories } from '../projects/codes';

/**
 * A fund's rules are data. The foundation knows the TOMAN rule (free share of equipment); the
 * subsidy issue adds the others (share of spend, caps by level, deadlines) to this union.
 */
export const freeShareRule = z.object({
  kind: z.literal('FREE_SHARE'),
  freeSharePercent: percentSchema,
  /** At least this many machines free per firm, whatever the share: 0–10,000 (a firm has at most a few thousand). */
  minFreeMachines: countSchema(0, 10_000),
  /** Cap per machine in fen, as a decimal string (JSON has no bigint); null = no cap. */
  perMachineCapFen: fenStringSchema(moneyLimits.amountFen).nullable(),
  /**
   * When a claim may be submitted: by default once the project is commissioned (the work is done); a fund may let the
   * free share be claimable from the accepted quote (the integrator then retrofits the machines free of charge).
   */
  claimableFrom: z.enum(['ACCEPTED', 'COMMISSIONED']).optional(),
});
const fenString = fenStringSchema(moneyLimits.amountFen);

/** A share of the eligible spend — only amounts invoiced and paid count — capped per firm. */
export const spendShareRule = z.object({
  kind: z.literal('SPEND_SHARE'),
  /** Basis points: 5000 = 50 %. A batch may set its own (declining) rate. */
  rateBp: basisPointsSchema,
  capPerFirmFen: fenString.nullable(),
});

/** Caps by the national digitalization level reached after the retrofit (e.g. ¥300k / ¥600k / ¥1M for 2 / 3 / 4). */
export const levelCapRule = z.object({
  kind: z.literal('LEVEL_CAP'),
  caps: z
    .array(z.object({ level: countSchema(1, 4), capFen: fenString }))
    .min(1)
    .max(4),
});

/** A bonus for reaching a national level after the retrofit. */
export const levelBonusRule = z.object({
  kind: z.literal('LEVEL_BONUS'),
  bonuses: z
    .array(z.object({ level: countSchema(1, 4), bonusFen: fenString }))
    .min(1)
    .max(4),
});

/** The work must be finished (commissioned) within N months of the contract (quote acceptance). */
export const deadlineRule = z.object({ kind: z.literal('DEADLINE'), monthsAfterContract: countSchema(1, 60) });

/** When the usage rule is judged: before approval (on the evidence frozen at submission) or before payout (fresh). */
export const usageStages = ['APPROVAL', 'PAYOUT'] as const;
export type UsageStage = (typeof usageStages)[number];

/**
 * The retrofitted machines must be really used: at least `minMachinesPercent` % of the claimed machines reported data
 * for at least `minHoursPercent` % of their planned hours over `days` days (server/domain/results/usage.ts):
 * - stage APPROVAL (the default; rules stored before the stage existed have none): the days before submission, the
 *   evidence frozen in the claim's snapshot, judged when the claim is computed and decided;
 * - stage PAYOUT: the days before the payout is recorded, read fresh then; approval does not wait for it.
 */
export const usageRequiredRule = z.object({
  kind: z.literal('USAGE_REQUIRED'),
  minMachinesPercent: percentSchema,
  minHoursPercent: percentSchema,
  days: countSchema(7, 180),
  stage: z.enum(usageStages).optional(),
});
export type UsageRequiredRule = z.infer<typeof usageRequiredRule>;
export const usageStage = (r: UsageRequiredRule): UsageStage => r.stage ?? 'APPROVAL';
/** The usage rule judged at a stage, if the rules have one. */
export const usageRuleAt = (rules: readonly FundRule[], stage: UsageStage): UsageRequiredRule | null =>
  rules.find((r): r is UsageRequiredRule => r.kind === 'USAGE_REQUIRED' && usageStage(r) === stage) ?? null;

/**
 * The kinds of cost the fund pays for (the acceptance pack marks each contract line by it). Without this rule the
 * pilot-city default applies: terminals and other kit, software and installation, not training
 * (server/domain/acceptance/eligibility.ts).
 */
export const eligibleCostsRule = z.object({
  kind: z.literal('ELIGIBLE_COSTS'),
  categories: z
    .array(z.enum(costCategories))
    .min(1)
    .max(costCategories.length)
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate category' }),
});

export const fundRule = z.discriminatedUnion('kind', [
  freeShareRule,
  spendShareRule,
  levelCapRule,
  levelBonusRule,
  deadlineRule,
  usageRequiredRule,
  eligibleCostsRule,
]);
export const fundRules = z.array(fundRule);
export type FundRule = z.infer<typeof fundRule>;

export const tomanDefaultRule: z.infer<typeof freeShareRule> = { kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null };

/** allowance = max(minFreeMachines, floor(inServiceMachines × freeSharePercent / 100)) */
export function freeMachineAllowance(inServiceMachines: number, rule: z.infer<typeof freeShareRule>): number {
  if (inServiceMachines <= 0) return 0;
  return Math.max(rule.minFreeMachines, Math.floor((inServiceMachines * rule.freeSharePercent) / 100));
}
