/**
 * The retrofit project's life: draft → quoted → accepted → in progress → commissioned → verified, or cancelled with a
 * reason. Only these transitions exist, each open to the roles named here; each is audited by the service.
 */
import type { Role } from '../auth/scope';

export const projectStatuses = ['DRAFT', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED', 'CANCELLED'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export type TransitionName = 'issueQuote' | 'accept' | 'decline' | 'withdrawQuote' | 'requote' | 'start' | 'commission' | 'verify' | 'cancel';

type Transition = { name: TransitionName; from: ProjectStatus[]; to: ProjectStatus; roles: Role[]; needsReason: boolean; needsAssessment: boolean };

const STAFF: Role[] = ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'];

export const transitions: readonly Transition[] = [
  { name: 'issueQuote', from: ['DRAFT'], to: 'QUOTED', roles: STAFF, needsReason: false, needsAssessment: false },
  { name: 'accept', from: ['QUOTED'], to: 'ACCEPTED', roles: ['SME_OWNER'], needsReason: false, needsAssessment: false },
  { name: 'decline', from: ['QUOTED'], to: 'DRAFT', roles: ['SME_OWNER'], needsReason: true, needsAssessment: false },
  { name: 'withdrawQuote', from: ['QUOTED'], to: 'DRAFT', roles: STAFF, needsReason: false, needsAssessment: false },
  // changing an accepted plan makes a new quote version that needs acceptance again
  { name: 'requote', from: ['ACCEPTED'], to: 'QUOTED', roles: STAFF, needsReason: true, needsAssessment: false },
  { name: 'start', from: ['ACCEPTED'], to: 'IN_PROGRESS', roles: STAFF, needsReason: false, needsAssessment: false },
  { name: 'commission', from: ['IN_PROGRESS'], to: 'COMMISSIONED', roles: STAFF, needsReason: false, needsAssessment: false },
  { name: 'verify', from: ['COMMISSIONED'], to: 'VERIFIED', roles: STAFF, needsReason: false, needsAssessment: true },
  {
    name: 'cancel',
    from: ['DRAFT', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS'],
    to: 'CANCELLED',
    roles: ['INTEGRATOR_ADMIN'],
    needsReason: true,
    needsAssessment: false,
  },
];

export type TransitionRefusal = 'unknownTransition' | 'notFromThisStatus' | 'roleNotAllowed' | 'reasonRequired' | 'assessmentRequired';

export function checkTransition(
  name: TransitionName,
  from: ProjectStatus,
  role: Role,
  opts: { reason?: string | null; assessmentId?: string | null } = {},
): { ok: true; to: ProjectStatus } | { ok: false; refusal: TransitionRefusal } {
  const t = transitions.find((x) => x.name === name);
  if (!t) return { ok: false, refusal: 'unknownTransition' };
  if (!t.from.includes(from)) return { ok: false, refusal: 'notFromThisStatus' };
  if (!t.roles.includes(role)) return { ok: false, refusal: 'roleNotAllowed' };
  if (t.needsReason && !opts.reason?.trim()) return { ok: false, refusal: 'reasonRequired' };
  if (t.needsAssessment && !opts.assessmentId) return { ok: false, refusal: 'assessmentRequired' };
  return { ok: true, to: t.to };
}

/** What a role may do next from a status (for the buttons a page shows). */
export function availableTransitions(from: ProjectStatus, role: Role): TransitionName[] {
  return transitions.filter((t) => t.from.includes(from) && t.roles.includes(role)).map((t) => t.name);
}
