/** The SME owner's satisfaction record: three scores of 1–5, two yes/no questions, an optional comment. */
import { z } from 'zod';
import { idSchema } from '../inputs/bounds';
import { optionalSafeText, safeText } from '../inputs/safe-text';

const score = z.number().int().min(1).max(5);

export const satisfactionInput = z.object({
  projectId: idSchema,
  overall: score,
  service: score,
  results: score,
  usedInProduction: z.boolean(),
  wouldRecommend: z.boolean(),
  comment: optionalSafeText(500, { multiLine: true }),
  respondentName: safeText(60),
});
export type SatisfactionInput = z.infer<typeof satisfactionInput>;

/** The statuses after commissioning, when the owner is asked. */
export const satisfactionStatuses = ['COMMISSIONED', 'VERIFIED'] as const;

/** The mean of the overall scores, one decimal; null without any. */
export function meanScore(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  return Math.round((scores.reduce((s, v) => s + v, 0) / scores.length) * 10) / 10;
}
