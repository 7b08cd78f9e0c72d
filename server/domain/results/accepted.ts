/**
 * Contracts of the measured results that cross a boundary: a savings line as stored (JSON, money as decimal strings)
 * read back into the savings input, and the basis of an accepted measured month (windows, coverage, working), frozen
 * into `MeasuredSaving.basis` when the engineer accepts it and parsed wherever it is read.
 */
import { z } from 'zod';
import { claimSteps } from '../funds/allowance';
import type { SavingsInput } from '../projects/savings';

const fen = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform((v) => BigInt(v));
const storedLine = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('LABOUR'),
    operatorsFreed: z.number(),
    monthlyWageFen: fen,
    shifts: z.number().int(),
    operatorsPerShift: z.number().nullable().optional(),
  }),
  z.object({ kind: z.literal('SCRAP'), rateReductionBp: z.number().int(), monthlyScrapCostFen: fen }),
  z.object({ kind: z.literal('ENERGY'), monthlyFen: fen, tariffFenPerKwh: z.number().int().nullable().optional() }),
  z.object({ kind: z.literal('OTHER'), monthlyFen: fen, label: z.string() }),
]);

/** A stored savings line's params as the savings input (null when unreadable: such a line is left out and said so). */
export function savingsFromStored(params: unknown): SavingsInput | null {
  const r = storedLine.safeParse(params);
  return r.success ? (r.data as SavingsInput) : null;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const dayWindowSchema = z.object({ from: day, to: day });

export const acceptedBasisSchema = z.object({
  baseline: dayWindowSchema,
  result: dayWindowSchema,
  coverageBeforeBp: z.number().int(),
  coverageAfterBp: z.number().int(),
  utilizationBeforeBp: z.number().int().nullable(),
  utilizationAfterBp: z.number().int().nullable(),
  outputPerHourChangeBp: z.number().int().nullable(),
  whPerPartChangeBp: z.number().int().nullable(),
  machines: z.number().int(),
  steps: claimSteps,
});
export type AcceptedBasis = z.infer<typeof acceptedBasisSchema>;

export function readAcceptedBasis(json: unknown): AcceptedBasis | null {
  const r = acceptedBasisSchema.safeParse(json);
  return r.success ? r.data : null;
}
