/**
 * The zod schemas of the maturity domain, kept apart from its constants and functions so that the browser's
 * assessment editor can use those without loading zod.
 */
import { z } from 'zod';
import { components } from './code';
import { overrideReasonMaxLength } from './suggest';
import { technologyCodes } from './technologies';

export const levelSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export const maturityCodeSchema = z.object({ d: levelSchema, n: levelSchema, i: levelSchema });
export const technologyCodeSchema = z.enum(technologyCodes);

export const overrideSchema = z.object({
  component: z.enum(components),
  level: levelSchema,
  /** Trimmed; may be blank here (applyOverrides then reports missingReason when the level changes). */
  reason: z.string().trim().max(overrideReasonMaxLength),
});
