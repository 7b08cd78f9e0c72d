import { describe, expect, it } from 'vitest';
import { effectiveChoices, kindsForPerson, kindsRaisedBy, MAX_ATTEMPTS, notificationKinds, retryAfterMs, wants } from './kinds';

describe('notification kinds', () => {
  it('each role is offered the kinds of its own work', () => {
    expect(kindsForPerson('SME_OWNER', false)).toEqual(['quoteToAnswer', 'paymentDue', 'claimPaid']);
    expect(kindsForPerson('INTEGRATOR_ENGINEER', false)).toEqual(['claimPaid', 'quoteAnswered', 'toCommission', 'toVerify', 'claimReturned', 'machinesSilent']);
    expect(kindsForPerson('INTEGRATOR_ADMIN', false)).toContain('invitationAccepted');
    expect(kindsForPerson('COUNTY_OFFICIAL', false)).toEqual(['claimToDecide', 'payoutToRecord', 'fundedMachinesSilent']);
    expect(kindsForPerson('COUNTY_OFFICIAL', true)).toEqual(['invitationAccepted', 'claimToDecide', 'payoutToRecord', 'fundedMachinesSilent']);
    // every kind reaches someone
    const all = new Set(['SME_OWNER', 'INTEGRATOR_ADMIN', 'COUNTY_OFFICIAL'].flatMap((r) => kindsForPerson(r as 'SME_OWNER', true)));
    expect([...all].sort()).toEqual([...notificationKinds].sort());
  });

  it('a saved choice wins over the default; unknown keys and unreadable values count as never saved', () => {
    const d = effectiveChoices({});
    expect(d.claimToDecide).toBe(true);
    expect(d.toCommission).toBe(false); // off by default: the staff's own work leads there
    expect(effectiveChoices({ claimToDecide: false, toCommission: true, nonsense: true })).toMatchObject({ claimToDecide: false, toCommission: true });
    expect(effectiveChoices({ claimToDecide: 'no' })).toEqual(d);
    expect(effectiveChoices(null)).toEqual(d);
    expect(effectiveChoices([1, 2])).toEqual(d);
  });

  it('a person wants a kind only when it is theirs and switched on', () => {
    const official = { role: 'COUNTY_OFFICIAL' as const, isAdmin: false, notificationChoices: {} };
    expect(wants(official, 'claimToDecide')).toBe(true);
    expect(wants(official, 'quoteToAnswer')).toBe(false); // not theirs, even if switched on
    expect(wants({ ...official, notificationChoices: { quoteToAnswer: true } }, 'quoteToAnswer')).toBe(false);
    expect(wants({ ...official, notificationChoices: { claimToDecide: false } }, 'claimToDecide')).toBe(false);
    expect(wants({ role: 'INTEGRATOR_ENGINEER', isAdmin: false, notificationChoices: {} }, 'invitationAccepted')).toBe(false);
  });

  it.each([
    ['project.issueQuote', ['quoteToAnswer']],
    ['project.requote', ['quoteToAnswer']],
    ['project.accept', ['quoteAnswered', 'paymentDue']],
    ['project.decline', ['quoteAnswered']],
    ['project.start', ['toCommission', 'paymentDue']],
    ['project.commission', ['toVerify', 'paymentDue']],
    ['project.verify', ['paymentDue']],
    ['claim.submit', ['claimToDecide']],
    ['claim.return', ['claimReturned']],
    ['claim.approve', ['payoutToRecord']],
    ['claim.reject', []],
    ['claim.disburse', ['claimPaid']],
    ['user.inviteAccept', ['invitationAccepted']],
    ['client.update', []],
    ['project.cancel', []],
  ])('%s raises %j', (action, kinds) => {
    expect(kindsRaisedBy(action)).toEqual(kinds);
  });

  it('retries wait longer each time, and stop', () => {
    const waits = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryAfterMs(i + 1));
    expect(waits[0]).toBe(60_000);
    for (let i = 1; i < waits.length; i++) expect(waits[i] as number).toBeGreaterThanOrEqual(waits[i - 1] as number);
    expect(retryAfterMs(0)).toBe(60_000);
    expect(retryAfterMs(99)).toBe(12 * 3600_000);
  });
});
