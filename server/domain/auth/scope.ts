import { AppError } from '../errors/app-error';

export const roles = ['INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER', 'SME_OWNER', 'COUNTY_OFFICIAL'] as const;
export type Role = (typeof roles)[number];

/** What a signed-in user may reach: exactly one tenant (and for an SME owner, one SME of it). */
export type Scope =
  | { kind: 'integrator'; integratorId: string; role: 'INTEGRATOR_ADMIN' | 'INTEGRATOR_ENGINEER' }
  | { kind: 'sme'; integratorId: string; smeClientId: string; role: 'SME_OWNER' }
  | { kind: 'county'; countyId: string; role: 'COUNTY_OFFICIAL'; admin: boolean };

export type ScopeKind = Scope['kind'];
export type IntegratorScope = Extract<Scope, { kind: 'integrator' }>;
export type CountyScope = Extract<Scope, { kind: 'county' }>;

export type UserTenantFields = {
  role: Role;
  integratorId: string | null;
  smeClientId: string | null;
  countyId: string | null;
  isAdmin?: boolean;
};

/**
 * The role → scope mapping. A user row whose tenant fields do not fit its role (e.g. an SME owner
 * without an SME) gets no scope at all: the session is refused rather than widened.
 */
export function scopeForUser(u: UserTenantFields): Scope {
  switch (u.role) {
    case 'INTEGRATOR_ADMIN':
    case 'INTEGRATOR_ENGINEER':
      if (u.integratorId && !u.smeClientId && !u.countyId) return { kind: 'integrator', integratorId: u.integratorId, role: u.role };
      break;
    case 'SME_OWNER':
      if (u.integratorId && u.smeClientId && !u.countyId) return { kind: 'sme', integratorId: u.integratorId, smeClientId: u.smeClientId, role: u.role };
      break;
    case 'COUNTY_OFFICIAL':
      if (u.countyId && !u.integratorId && !u.smeClientId) return { kind: 'county', countyId: u.countyId, role: u.role, admin: u.isAdmin === true };
      break;
  }
  throw new AppError('UNAUTHORIZED', 'accountMisconfigured');
}

/** Permissions: what a role may do inside its scope. */
export const permissions = [
  'clients.read',
  'clients.write',
  'inventory.read',
  'inventory.write',
  'staff.read',
  'staff.manage',
  'funds.read',
  'funds.manage',
  'priceBook.manage',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const rolePermissions: Record<Role, readonly Permission[]> = {
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

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** What a county official with the admin flag may do on top of the role: manage the county's officials. */
const countyAdminPermissions: readonly Permission[] = ['staff.read', 'staff.manage'];

/** The role's permissions, plus the county admin flag's. */
export function scopeCan(scope: Scope, permission: Permission): boolean {
  return can(scope.role, permission) || (scope.kind === 'county' && scope.admin && countyAdminPermissions.includes(permission));
}

/** The home page of each kind of scope. */
export function homePath(scope: Scope): string {
  return scope.kind === 'integrator' ? '/integrator' : scope.kind === 'sme' ? '/sme' : '/county';
}
