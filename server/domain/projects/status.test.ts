import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../auth/scope';
import { availableTransitions, checkTransition, type ProjectStatus, projectStatuses, type TransitionName, transitions } from './status';

// The whole table: every transition × every status × every role. Expected = allowed exactly when listed below.
const allowed: Record<TransitionName, { from: ProjectStatus[]; roles: Role[] }> = {
  issueQuote: { from: ['DRAFT'], roles: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] },
  accept: { from: ['QUOTED'], roles: ['SME_OWNER'] },
  decline: { from: ['QUOTED'], roles: ['SME_OWNER'] },
  withdrawQuote: { from: ['QUOTED'], roles: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] },
  requote: { from: ['ACCEPTED'], roles: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] },
  start: { from: ['ACCEPTED'], roles: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] },
  commission: { from: ['IN_PROGRESS'], roles: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] },
  verify: { from: ['COMMISSIONED'], roles: ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER'] },
  cancel: { from: ['DRAFT', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS'], roles: ['INTEGRATOR_ADMIN'] },
};
const full = { reason: 'a reason', assessmentId: 'asm_1' };

describe('project state machine: every transition from every status for every role', () => {
  for (const t of transitions) {
    for (const from of projectStatuses) {
      for (const role of roles) {
        const ok = allowed[t.name].from.includes(from) && allowed[t.name].roles.includes(role);
        it(`${t.name} from ${from} as ${role}: ${ok ? 'allowed' : 'refused'}`, () => {
          const r = checkTransition(t.name, from, role, full);
          expect(r.ok).toBe(ok);
          if (!ok && !r.ok) expect(r.refusal).toBe(allowed[t.name].from.includes(from) ? 'roleNotAllowed' : 'notFromThisStatus');
        });
      }
    }
  }
});

describe('conditions', () => {
  it.each<[TransitionName, ProjectStatus, Role, object, string]>([
    ['decline', 'QUOTED', 'SME_OWNER', { reason: ' ' }, 'reasonRequired'],
    ['cancel', 'DRAFT', 'INTEGRATOR_ADMIN', {}, 'reasonRequired'],
    ['requote', 'ACCEPTED', 'INTEGRATOR_ENGINEER', { reason: '' }, 'reasonRequired'],
    ['verify', 'COMMISSIONED', 'INTEGRATOR_ENGINEER', { reason: 'x' }, 'assessmentRequired'],
  ])('%s from %s as %s with %j → %s', (name, from, role, opts, refusal) => {
    expect(checkTransition(name, from, role, opts)).toEqual({ ok: false, refusal });
  });

  it('goes the whole way', () => {
    const path: [TransitionName, Role][] = [
      ['issueQuote', 'INTEGRATOR_ENGINEER'],
      ['accept', 'SME_OWNER'],
      ['start', 'INTEGRATOR_ENGINEER'],
      ['commission', 'INTEGRATOR_ENGINEER'],
      ['verify', 'INTEGRATOR_ADMIN'],
    ];
    let status: ProjectStatus = 'DRAFT';
    for (const [name, role] of path) {
      const r = checkTransition(name, status, role, full);
      if (!r.ok) throw new Error(`${name} refused: ${r.refusal}`);
      status = r.to;
    }
    expect(status).toBe('VERIFIED');
  });

  it('offers each role its next steps', () => {
    expect(availableTransitions('QUOTED', 'SME_OWNER')).toEqual(['accept', 'decline']);
    expect(availableTransitions('QUOTED', 'INTEGRATOR_ENGINEER')).toEqual(['withdrawQuote']);
    expect(availableTransitions('QUOTED', 'INTEGRATOR_ADMIN')).toEqual(['withdrawQuote', 'cancel']);
    expect(availableTransitions('VERIFIED', 'INTEGRATOR_ADMIN')).toEqual([]);
    expect(availableTransitions('DRAFT', 'COUNTY_OFFICIAL')).toEqual([]);
  });
});
