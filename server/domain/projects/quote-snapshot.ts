/**
 * A quote version as frozen when it was issued (JSON in Quote.snapshot): what the SME was offered, read back by the
 * quote page and its PDF. Amounts are decimal strings of fen (JSON has no bigint). Parsed wherever read.
 */
import { z } from 'zod';

const fenText = z.string().regex(/^-?\d+$/);

export const quoteSnapshotSchema = z.object({
  number: z.string(),
  title: z.string(),
  target: z.string(),
  smeClient: z.object({ legalName: z.string(), legalNameEn: z.string().nullable(), creditCode: z.string().nullable() }),
  machines: z.array(z.object({ assetTag: z.string(), kind: z.string(), controlType: z.string() })),
  costLines: z.array(
    z.object({
      category: z.string(),
      itemCode: z.string().nullable(),
      description: z.string().nullable(),
      quantity: z.number(),
      unitPriceFen: fenText,
      totalFen: fenText,
    }),
  ),
  savings: z.array(z.object({ kind: z.string(), params: z.record(z.string(), z.unknown()), monthlyFen: fenText })),
  /** Totals by cost category, and `total`. */
  totals: z.record(z.string(), fenText),
  monthlySavingsFen: fenText,
  expectedSubsidyFen: fenText,
  payback: z.object({ kind: z.enum(['paidBackAtOnce', 'neverPaysBack', 'months']), netFen: fenText.optional(), months: z.number().optional() }),
});
export type QuoteSnapshot = z.infer<typeof quoteSnapshotSchema>;

export function parseQuoteSnapshot(json: unknown): QuoteSnapshot {
  return quoteSnapshotSchema.parse(json);
}
