import { z } from 'zod';
import { idSchema } from '../inputs/bounds';
import { calendarDate } from '../inputs/calendar-date';
import { optionalSafeText, safeText } from '../inputs/safe-text';
import { components } from './code';
import { assessmentKinds } from './kinds';
import { technologyCodeSchema } from './schemas';
import { overrideReasonMaxLength } from './suggest';

export { type AssessmentKind, assessmentKinds } from './kinds';

/** An assessment as the form sends it; the levels are derived on the server from the evidence and overrides. */
export const assessmentInput = z.object({
  assessedOn: calendarDate,
  kind: z.enum(assessmentKinds),
  assessorName: safeText(60),
  evidence: z.array(z.object({ technology: technologyCodeSchema, note: optionalSafeText(500, { multiLine: true }), fileId: idSchema.nullish() })).max(60),
  overrides: z
    .array(
      z.object({
        component: z.enum(components),
        level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
        reason: safeText(overrideReasonMaxLength, { min: 0, multiLine: true }),
      }),
    )
    .max(3),
  nationalLevel: z.number().int().min(1, 'range').max(4, 'range').nullish(),
  nationalScore: z.number().int().min(0, 'range').max(100, 'range').nullish(),
  notes: optionalSafeText(2000, { multiLine: true }),
  signOff: z.boolean(),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;
