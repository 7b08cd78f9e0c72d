/** Who assessed an SME (without zod: the browser's assessment editor imports it). */
export const assessmentKinds = ['SELF', 'INTEGRATOR', 'THIRD_PARTY'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
