/** The kinds of evidence a fund may ask a claim for. */
export const evidenceKinds = ['CONTRACT', 'COST_LIST', 'INVOICES', 'PHOTOS', 'ASSESSMENTS'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
