/**
 * The pack download route (GET /api/v1/projects/[id]/acceptance-pack) across tenants: each role of tenant A asking for
 * tenant B's project gets 404 (nothing of B in the answer); an anonymous request 401; A's own staff, owner and the
 * county of A's claim get the ZIP. The session and the PDF renderer are stand-ins; the gate and the ZIP are real.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { commissionedProject } from '../../testing/acceptance-world';
import { callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

const session: { userId: string | null } = { userId: null };
let t: TestDb;

// the real session module loads next-auth (Next's runtime); the route's own caller below stands in for the cookie
vi.mock('@/server/auth/session', () => ({ getSessionUser: async () => null }));
vi.mock('@/server/trpc/request', async (original) => {
  const real = await original<typeof import('@/server/trpc/request')>();
  return {
    ...real,
    callerForRequest: async () => {
      const caller = await callerAs(t.db, session.userId, 'en');
      const { log } = await import('@/server/log');
      return { caller, ctx: { locale: 'en', requestId: 'test', log, getDb: async () => t.db, getUser: async () => null } };
    },
  };
});
vi.mock('@/server/services/projects/pdf-browser', () => ({
  pdfRenderer: () => ({ render: async (url: string) => new TextEncoder().encode(`%PDF-1.7 ${url}`) }),
}));

const { GET } = await import('@/app/api/v1/projects/[id]/acceptance-pack/route');

let a: TenantWorld;
let b: TenantWorld;
let pa: Awaited<ReturnType<typeof commissionedProject>>;
let pb: Awaited<ReturnType<typeof commissionedProject>>;

beforeAll(async () => {
  t = await openTestDb();
  a = await createTenantWorld(t.db, uniqueTag('RouteA'), { machinesPerSme: 3 });
  b = await createTenantWorld(t.db, uniqueTag('RouteB'), { machinesPerSme: 3 });
  pa = await commissionedProject(t.db, { integratorId: a.integrator.id, smeClientId: a.smes[0]?.id as string, countyId: a.county.id, fundId: a.fund.id });
  pb = await commissionedProject(t.db, { integratorId: b.integrator.id, smeClientId: b.smes[0]?.id as string, countyId: b.county.id, fundId: b.fund.id });
});
afterAll(() => t.close());

async function get(userId: string | null, projectId: string, lang = '') {
  session.userId = userId;
  return GET(new Request(`http://localhost/api/v1/projects/${projectId}/acceptance-pack${lang}`), { params: Promise.resolve({ id: projectId }) });
}

describe('the pack download route across tenants', () => {
  for (const role of ['admin', 'engineer', 'smeOwner', 'official'] as const) {
    it(`${role} of A asking for B's project: 404, nothing of B`, async () => {
      const res = await get(a.users[role].id, pb.projectId);
      expect(res.status).toBe(404);
      const text = await res.text();
      for (const mark of [b.integrator.name, b.smes[0]?.legalName as string, pb.claimNumber, 'Q-PACK-1']) expect(text).not.toContain(mark);
    });
  }
  it('anonymous: 401', async () => {
    expect((await get(null, pa.projectId)).status).toBe(401);
  });
  for (const role of ['admin', 'engineer', 'smeOwner', 'official'] as const) {
    it(`${role} of A gets A's pack as a ZIP`, async () => {
      const res = await get(a.users[role].id, pa.projectId, role === 'official' ? '?lang=en' : '');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
      const pdfName = Object.keys(zip.files).find((n) => n.endsWith('.pdf') && !n.startsWith('attachments/')) as string;
      expect(pdfName).toMatch(role === 'official' ? /acceptance-pack\.pdf$/ : /验收材料\.pdf$/);
      // the document rendered is the pack page of this project, in the language asked for
      expect(await zip.file(pdfName)?.async('string')).toContain(`/packs/${pa.projectId}?pdf=1&lang=${role === 'official' ? 'en' : 'zh-CN'}`);
      expect(Object.keys(zip.files)).toContain('attachments/01-合同.pdf');
    });
  }
  it('the county of another fund: 404 even for a project of its own integrators’ peers', async () => {
    expect((await get(b.users.official.id, pa.projectId)).status).toBe(404);
  });
});
