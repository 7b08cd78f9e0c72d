import { z } from 'zod';
import { components } from './code';
import { assessmentKinds } from './kinds';
import { technologyCodeSchema } from './schemas';
import { overrideReasonMaxLength } from './suggest';

export { type AssessmentKind, assessmentKinds } from './kinds';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'date');

/** An assessment as the form sends it; the levels are derived on the server from the evidence and overrides. */
export const assessmentInput = z.object({
  assessedOn: isoDate,
  kind: z.enum(assessmentKinds),
  assessorName: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  evidence: z
    .array(z.object({ technology: technologyCodeSchema, note: z.string().trim().max(500, 'tooLong').nullish(), fileId: z.string().max(64).nullish() }))
    .max(60),
  overrides: z
    .array(
      z.object({
        component: z.enum(components),
        level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
        reason: z.string().trim().max(overrideReasonMaxLength, 'tooLong'),
      }),
    )
    .max(3),
  nationalLevel: z.number().int().min(1, 'range').max(4, 'range').nullish(),
  nationalScore: z.number().int().min(0, 'range').max(100, 'range').nullish(),
  notes: z.string().trim().max(2000, 'tooLong').nullish(),
  signOff: z.boolean(),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;
