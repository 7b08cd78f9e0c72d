/**
 * The plan's input as one zod schema, used by the router (and by anything else that reads a plan back, such as the
 * stored payment terms), so that what the form sends and what the server checks cannot drift apart.
 */
import { z } from 'zod';
import { checkPlanTotal, fenSchema, idSchema, moneyLimits, quantitySchema } from '../inputs/bounds';
import { optionalSafeText, safeText } from '../inputs/safe-text';
import { costCategories, moduleCodes } from './codes';
import { checkPaymentTerms, defaultPaymentTerms, dueEvents, type PaymentTerm, paymentStages } from './payment-terms';

const cuid = idSchema;
const level = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export const fenInput = fenSchema(moneyLimits.amountFen);

export const savingsInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('LABOUR'),
    operatorsFreed: z.number().min(0).max(1000),
    monthlyWageFen: fenInput,
    shifts: z.number().int().min(0).max(4),
    /** the staffing before the retrofit (operators per shift), when recorded: results then measure operator-hours per part */
    operatorsPerShift: z.number().min(0).max(1000).nullable().optional(),
  }),
  z.object({ kind: z.literal('SCRAP'), rateReductionBp: z.number().int().min(0).max(10_000), monthlyScrapCostFen: fenInput }),
  /** tariffFenPerKwh: the electricity tariff in fen per kWh, when recorded: results then turn energy per part into money */
  z.object({ kind: z.literal('ENERGY'), monthlyFen: fenInput, tariffFenPerKwh: z.number().int().min(0).max(100_000).nullable().optional() }),
  z.object({ kind: z.literal('OTHER'), monthlyFen: fenInput, label: safeText(60) }),
]);

export const lineInput = z.object({
  category: z.enum(costCategories),
  itemCode: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,40}$/, 'invalid')
    .nullable(),
  description: optionalSafeText(200),
  quantity: quantitySchema,
  unitPriceFen: fenSchema(moneyLimits.unitPriceFen),
  manual: z.boolean(),
});

export const paymentTermsInput = z
  .array(z.object({ stage: z.enum(paymentStages), dueOn: z.enum(dueEvents), shareBp: z.number().int().min(1).max(10_000) }))
  .min(1)
  .max(paymentStages.length)
  .refine((t) => checkPaymentTerms(t) === null, { message: 'termsNot100' });

export const planInput = z.object({
  title: safeText(120),
  machineIds: z.array(cuid).min(1).max(20_000),
  modules: z.array(z.enum(moduleCodes)).max(4),
  softwareYears: z.number().int().min(0).max(10),
  trainingDays: z.number().int().min(0).max(365),
  target: z.object({ d: level, n: level, i: level }),
  savings: z.array(savingsInput).max(20),
  expectedSubsidyFen: fenInput,
  paymentTerms: paymentTermsInput.optional(),
  lines: z.array(lineInput).max(500).superRefine(checkPlanTotal).optional(),
});

/** The payment terms stored on a project (the default for projects planned before schedules existed). */
export function storedPaymentTerms(json: unknown): PaymentTerm[] {
  const parsed = paymentTermsInput.safeParse(json);
  return parsed.success ? parsed.data : [...defaultPaymentTerms];
}
