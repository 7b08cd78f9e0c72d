import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { can, homePath, permissions, type Role, roles, scopeCan, scopeForUser, type UserTenantFields } from './scope';

const I = 'int_1';
const S = 'sme_1';
const C = 'cty_1';

describe('scopeForUser', () => {
  it.each<[string, UserTenantFields, ReturnType<typeof scopeForUser>]>([
    [
      'admin',
      { role: 'INTEGRATOR_ADMIN', integratorId: I, smeClientId: null, countyId: null },
      { kind: 'integrator', integratorId: I, role: 'INTEGRATOR_ADMIN' },
    ],
    [
      'engineer',
      { role: 'INTEGRATOR_ENGINEER', integratorId: I, smeClientId: null, countyId: null },
      { kind: 'integrator', integratorId: I, role: 'INTEGRATOR_ENGINEER' },
    ],
    ['sme owner', { role: 'SME_OWNER', integratorId: I, smeClientId: S, countyId: null }, { kind: 'sme', integratorId: I, smeClientId: S, role: 'SME_OWNER' }],
    [
      'official',
      { role: 'COUNTY_OFFICIAL', integratorId: null, smeClientId: null, countyId: C },
      { kind: 'county', countyId: C, role: 'COUNTY_OFFICIAL', admin: false },
    ],
    [
      'county admin',
      { role: 'COUNTY_OFFICIAL', integratorId: null, smeClientId: null, countyId: C, isAdmin: true },
      { kind: 'county', countyId: C, role: 'COUNTY_OFFICIAL', admin: true },
    ],
  ])('%s gets its one scope', (_n, user, scope) => {
    expect(scopeForUser(user)).toEqual(scope);
  });

  it.each<[string, UserTenantFields]>([
    ['admin without integrator', { role: 'INTEGRATOR_ADMIN', integratorId: null, smeClientId: null, countyId: null }],
    ['engineer also tied to an SME', { role: 'INTEGRATOR_ENGINEER', integratorId: I, smeClientId: S, countyId: null }],
    ['admin also tied to a county', { role: 'INTEGRATOR_ADMIN', integratorId: I, smeClientId: null, countyId: C }],
    ['sme owner without SME', { role: 'SME_OWNER', integratorId: I, smeClientId: null, countyId: null }],
    ['sme owner without integrator', { role: 'SME_OWNER', integratorId: null, smeClientId: S, countyId: null }],
    ['official without county', { role: 'COUNTY_OFFICIAL', integratorId: null, smeClientId: null, countyId: null }],
    ['official tied to an integrator', { role: 'COUNTY_OFFICIAL', integratorId: I, smeClientId: null, countyId: C }],
  ])('%s is refused, never widened', (_n, user) => {
    expect(() => scopeForUser(user)).toThrow(AppError);
  });
});

describe('role permissions', () => {
  const table: Record<Role, string[]> = {
    INTEGRATOR_ADMIN: [
      'clients.read',
      'clients.write',
      'inventory.read',
      'inventory.write',
      'staff.read',
      'staff.manage',
      'funds.read',
      'priceBook.manage',
      'audit.read',
    ],
    INTEGRATOR_ENGINEER: ['clients.read', 'clients.write', 'inventory.read', 'inventory.write', 'funds.read'],
    SME_OWNER: ['clients.read', 'inventory.read', 'funds.read'],
    COUNTY_OFFICIAL: ['funds.read', 'funds.manage', 'audit.read'],
  };
  for (const role of roles) {
    for (const p of permissions) {
      const expected = table[role].includes(p);
      it(`${role} ${expected ? 'may' : 'may not'} ${p}`, () => expect(can(role, p)).toBe(expected));
    }
  }
});

describe('homePath', () => {
  it('sends each scope to its home', () => {
    expect(homePath({ kind: 'integrator', integratorId: I, role: 'INTEGRATOR_ADMIN' })).toBe('/integrator');
    expect(homePath({ kind: 'sme', integratorId: I, smeClientId: S, role: 'SME_OWNER' })).toBe('/sme');
    expect(homePath({ kind: 'county', countyId: C, role: 'COUNTY_OFFICIAL', admin: false })).toBe('/county');
  });
});

describe('scopeCan', () => {
  it('gives staff management to county officials only with the admin flag', () => {
    expect(scopeCan({ kind: 'county', countyId: C, role: 'COUNTY_OFFICIAL', admin: false }, 'staff.manage')).toBe(false);
    expect(scopeCan({ kind: 'county', countyId: C, role: 'COUNTY_OFFICIAL', admin: true }, 'staff.manage')).toBe(true);
    expect(scopeCan({ kind: 'county', countyId: C, role: 'COUNTY_OFFICIAL', admin: true }, 'clients.write')).toBe(false);
    expect(scopeCan({ kind: 'integrator', integratorId: I, role: 'INTEGRATOR_ENGINEER' }, 'staff.manage')).toBe(false);
    expect(scopeCan({ kind: 'integrator', integratorId: I, role: 'INTEGRATOR_ADMIN' }, 'staff.manage')).toBe(true);
  });
});
