/**
 * The cross-tenant table. Every procedure of the router must have a row here (the first test fails
 * otherwise), so a new procedure joins the table instead of escaping it. Each row says how to call
 * the procedure with the *other* tenant's ids; every role of tenant A then calls it and must get
 * NOT_FOUND or FORBIDDEN, or (for lists and own-account procedures) an answer that carries nothing
 * of tenant B.
 */
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import { type Caller, callerAs } from '../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../testing/db';
import { appRouter } from './root';

type Case =
  /** Addresses one row by id: another tenant's id must answer NOT_FOUND (FORBIDDEN for a role the procedure is not for). */
  | { kind: 'byId'; input: (other: TenantWorld) => unknown }
  /** Lists or summarises the caller's scope: the answer must not contain anything of the other tenant. */
  | { kind: 'scopeList'; input?: unknown }
  /** Acts on the caller's own account only. */
  | { kind: 'self'; input: unknown };

const crossTenantCases: Record<string, Case> = {
  'me.get': { kind: 'scopeList' },
  'me.setLocale': { kind: 'self', input: { locale: 'en' } },
  'clients.list': { kind: 'scopeList', input: { page: 1, pageSize: 100 } },
  'clients.summary': { kind: 'scopeList' },
  'clients.get': { kind: 'byId', input: (o) => ({ id: o.smes[0]?.id }) },
  'clusters.list': { kind: 'scopeList' },
  'clusters.get': { kind: 'byId', input: (o) => ({ id: o.cluster.id }) },
  'funds.list': { kind: 'scopeList' },
  'funds.get': { kind: 'byId', input: (o) => ({ id: o.fund.id }) },
  'staff.list': { kind: 'scopeList' },
};

const roleKeys = ['admin', 'engineer', 'smeOwner', 'official'] as const;

let t: TestDb;
let a: TenantWorld;
let b: TenantWorld;
const callers: Record<string, Caller> = {};

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('A'));
  b = await createTenantWorld(t.db, uniqueTag('B'));
  for (const r of roleKeys) callers[r] = await callerAs(t.db, a.users[r].id);
});
afterAll(() => t.close());

function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const [ns, proc] = path.split('.') as [string, string];
  const fn = (caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]?.[proc];
  if (!fn) throw new Error(`no procedure ${path}`);
  return fn(input);
}

/** Every identifier and name of tenant B that must never appear in an answer to tenant A. */
function otherTenantMarks(o: TenantWorld): string[] {
  return [
    o.integrator.id,
    o.integrator.name,
    o.county.id,
    o.county.name,
    o.cluster.id,
    o.cluster.name,
    o.fund.id,
    o.fund.name,
    ...o.smes.flatMap((s) => [s.id, s.legalName]),
    ...Object.values(o.users).flatMap((u) => [u.id, u.email]),
  ];
}

describe('cross-tenant table', () => {
  it('has a row for every procedure of the router', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(0);
    expect(Object.keys(crossTenantCases).sort()).toEqual(procedures);
  });

  for (const [path, c] of Object.entries(crossTenantCases)) {
    for (const role of roleKeys) {
      it(`${path} as ${role} of A reaches nothing of B`, async () => {
        const caller = callers[role] as Caller;
        if (c.kind === 'byId') {
          const err = await call(caller, path, c.input(b)).then(
            (data) => ({ data }),
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(TRPCError);
          expect(['NOT_FOUND', 'FORBIDDEN']).toContain((err as TRPCError).code);
          // a procedure open to this role must not even admit that the row exists
          if ((err as TRPCError).code === 'FORBIDDEN') {
            const own = await call(caller, path, c.input(a)).then(
              () => 'ok',
              (e: TRPCError) => e.code,
            );
            expect(own).toBe('FORBIDDEN');
          }
          return;
        }
        const input = c.kind === 'self' ? c.input : c.input;
        const before =
          c.kind === 'self' ? await t.db.user.findMany({ where: { id: { in: Object.values(b.users).map((u) => u.id) } }, orderBy: { id: 'asc' } }) : null;
        const out = await call(caller, path, input).then(
          (data) => ({ ok: true as const, data }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        if (!out.ok) {
          expect(out.e).toBeInstanceOf(TRPCError);
          expect((out.e as TRPCError).code).toBe('FORBIDDEN');
          return;
        }
        const text = superjson.stringify(out.data);
        for (const mark of otherTenantMarks(b)) expect(text).not.toContain(mark);
        if (before) {
          const after = await t.db.user.findMany({ where: { id: { in: Object.values(b.users).map((u) => u.id) } }, orderBy: { id: 'asc' } });
          expect(after).toEqual(before);
        }
      });
    }
  }
});
