/**
 * What a person can be notified of (issue 16): the same events that put an item in someone's to-do inbox, each
 * raised by an audited change. Pure rules: which audit action raises which kinds, who hears of each kind, and what a
 * person's saved choice means (a kind they never touched takes its default).
 */
import { z } from 'zod';
import type { Role } from '../auth/scope';

export const notificationKinds = [
  'quoteToAnswer',
  'paymentDue',
  'claimPaid',
  'quoteAnswered',
  'toCommission',
  'toVerify',
  'claimReturned',
  'invitationAccepted',
  'claimToDecide',
  'payoutToRecord',
  'machinesSilent',
  'fundedMachinesSilent',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Who hears of a kind: the SME's owners, the integrator's staff, its admins, or the county's officials. */
export type Audience = 'smeOwners' | 'integratorStaff' | 'tenantAdmins' | 'countyOfficials';

/** `toActor`: whether the person whose change raised it hears of it too (a payment falls due on the owner's own acceptance). */
type KindRule = { audience: Audience[]; on: boolean; toActor?: boolean };
const rules: Record<NotificationKind, KindRule> = {
  quoteToAnswer: { audience: ['smeOwners'], on: true },
  paymentDue: { audience: ['smeOwners'], on: true, toActor: true },
  claimPaid: { audience: ['smeOwners', 'integratorStaff'], on: true },
  quoteAnswered: { audience: ['integratorStaff'], on: true },
  // a started project reaches commissioning by the staff's own work: off unless someone wants it
  toCommission: { audience: ['integratorStaff'], on: false },
  toVerify: { audience: ['integratorStaff'], on: true },
  claimReturned: { audience: ['integratorStaff'], on: true },
  invitationAccepted: { audience: ['tenantAdmins'], on: true },
  claimToDecide: { audience: ['countyOfficials'], on: true },
  payoutToRecord: { audience: ['countyOfficials'], on: true },
  // raised by the watch after verification (server/services/results/watch-notices.ts), not by an audited change
  machinesSilent: { audience: ['integratorStaff'], on: true },
  fundedMachinesSilent: { audience: ['countyOfficials'], on: true },
};

export const audienceOf = (kind: NotificationKind): readonly Audience[] => rules[kind].audience;
export const reachesActor = (kind: NotificationKind): boolean => rules[kind].toActor === true;

/** The audiences a person belongs to. */
export function audiencesOfPerson(role: Role, isAdmin: boolean): Audience[] {
  switch (role) {
    case 'SME_OWNER':
      return ['smeOwners'];
    case 'INTEGRATOR_ADMIN':
      return ['integratorStaff', 'tenantAdmins'];
    case 'INTEGRATOR_ENGINEER':
      return ['integratorStaff'];
    case 'COUNTY_OFFICIAL':
      return isAdmin ? ['countyOfficials', 'tenantAdmins'] : ['countyOfficials'];
  }
}

/** The kinds a person can hear of, in the order the account page lists them. */
export function kindsForPerson(role: Role, isAdmin: boolean): NotificationKind[] {
  const mine = new Set(audiencesOfPerson(role, isAdmin));
  return notificationKinds.filter((k) => rules[k].audience.some((a) => mine.has(a)));
}

/** A saved choice as stored in `User.notificationChoices`: kind → on/off. Unknown keys are dropped when read. */
export const savedChoices = z.record(z.string(), z.boolean());
export type Choices = Record<NotificationKind, boolean>;

/** Every kind's effective choice: the saved one, else the default. Anything unreadable counts as never saved. */
export function effectiveChoices(saved: unknown): Choices {
  const parsed = savedChoices.safeParse(saved);
  const s = parsed.success ? parsed.data : {};
  return Object.fromEntries(notificationKinds.map((k) => [k, typeof s[k] === 'boolean' ? s[k] : rules[k].on])) as Choices;
}

/** Whether a person wants a kind (and is among those who hear of it). */
export function wants(person: { role: Role; isAdmin: boolean; notificationChoices: unknown }, kind: NotificationKind): boolean {
  return kindsForPerson(person.role, person.isAdmin).includes(kind) && effectiveChoices(person.notificationChoices)[kind];
}

/**
 * The kinds an audited change raises. A project's move to a stage where a payment falls due raises `paymentDue`;
 * whether anything is actually due is read when the event is delivered.
 */
export function kindsRaisedBy(action: string): NotificationKind[] {
  switch (action) {
    case 'project.issueQuote':
    case 'project.requote':
      return ['quoteToAnswer'];
    case 'project.accept':
      return ['quoteAnswered', 'paymentDue'];
    case 'project.decline':
      return ['quoteAnswered'];
    case 'project.start':
      return ['toCommission', 'paymentDue'];
    case 'project.commission':
      return ['toVerify', 'paymentDue'];
    case 'project.verify':
      return ['paymentDue'];
    case 'claim.submit':
      return ['claimToDecide'];
    case 'claim.return':
      return ['claimReturned'];
    case 'claim.approve':
      return ['payoutToRecord'];
    case 'claim.disburse':
      return ['claimPaid'];
    case 'user.inviteAccept':
      return ['invitationAccepted'];
    default:
      return [];
  }
}

/** Attempts before a delivery is given up, and the wait before each retry (minutes). */
export const MAX_ATTEMPTS = 6;
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];
export function retryAfterMs(attempts: number): number {
  return (BACKOFF_MINUTES[Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1] as number) * 60_000;
}
