/**
 * Lists at tenant scale: 100,000 machines in one tenant (80 SMEs × 1,250), then the machine list
 * of one SME (several filters and sorts, deep pages) and the client list, through the real
 * procedures. Prints p50/p95 per query.
 */
import { randomUUID } from 'node:crypto';
import { createTenantWorld } from '../prisma/seed/factories';
import { loadSessionUser } from '../server/auth/session-user';
import type { PrismaClient } from '../server/db/generated/client';
import { log } from '../server/log';
import { createCaller } from '../server/trpc/root';

export type ListFigures = { target: string; query: string; p50: number; p95: number; rows: number };

const SMES = 80;
const PER_SME = 1_250;

export async function benchLists(targetName: string, db: PrismaClient): Promise<ListFigures[]> {
  const world = await createTenantWorld(db, `lists-${randomUUID().slice(0, 6)}`, { machinesPerSme: 0 });
  const integratorId = world.integrator.id;
  const smeIds: string[] = [];
  for (let s = 0; s < SMES; s++) {
    const id = randomUUID();
    smeIds.push(id);
    await db.$executeRaw`INSERT INTO "SmeClient" ("id","integratorId","legalName","county","sector","createdAt","updatedAt") VALUES (${id}, ${integratorId}, ${`规模测试企业 ${s}`}, '新昌县', 'BALL_BEARINGS', now(), now())`;
    const ids = Array.from({ length: PER_SME }, () => randomUUID());
    const tags = ids.map((_, i) => `S${s}-${String(i).padStart(5, '0')}`);
    const kinds = ids.map((_, i) => ['GRINDER', 'LATHE', 'CNC_LATHE', 'WASHER'][i % 4] as string);
    const controls = ids.map((_, i) => ['MANUAL', 'RELAY', 'PLC', 'CNC'][i % 4] as string);
    const statuses = ids.map((_, i) => (i % 10 === 0 ? 'IDLE' : 'IN_SERVICE'));
    await db.$executeRaw`
      INSERT INTO "Machine" ("id","integratorId","smeClientId","assetTag","kind","controlType","status","year","createdAt","updatedAt")
      SELECT v.id, ${integratorId}, ${id}, v.tag, v.kind, v.ctl::"ControlType", v.st::"MachineStatus", 2010, now(), now()
      FROM unnest(${ids}::text[], ${tags}::text[], ${kinds}::text[], ${controls}::text[], ${statuses}::text[]) AS v(id, tag, kind, ctl, st)`;
  }
  await db.$executeRawUnsafe('ANALYZE');
  const user = await loadSessionUser(db, world.users.engineer.id, 0);
  const api = createCaller({ getDb: async () => db, getUser: async () => user, locale: 'zh-CN', requestId: 'bench', log });
  const sme = smeIds[40] as string;
  const queries: [string, () => Promise<{ items: unknown[] }>][] = [
    ['machines: first page', () => api.inventory.machines.list({ smeClientId: sme, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 50 })],
    ['machines: page 20', () => api.inventory.machines.list({ smeClientId: sme, sort: 'assetTag', dir: 'asc', page: 20, pageSize: 50 })],
    [
      'machines: status + control filter',
      () => api.inventory.machines.list({ smeClientId: sme, status: 'IN_SERVICE', controlType: 'PLC', sort: 'assetTag', dir: 'asc', page: 1, pageSize: 50 }),
    ],
    ['machines: search "S40-01"', () => api.inventory.machines.list({ smeClientId: sme, q: 'S40-01', sort: 'assetTag', dir: 'asc', page: 1, pageSize: 50 })],
    ['machines: sort by year desc', () => api.inventory.machines.list({ smeClientId: sme, sort: 'year', dir: 'desc', page: 5, pageSize: 50 })],
    ['clients: first page (with machine counts)', () => api.clients.list({ page: 1, pageSize: 25 })],
    ['clients: search', () => api.clients.list({ q: '规模测试企业 7', page: 1, pageSize: 25 })],
  ];
  const out: ListFigures[] = [];
  for (const [name, q] of queries) {
    await q(); // warm
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      rows = (await q()).items.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ target: targetName, query: name, p50: Math.round((times[9] as number) * 10) / 10, p95: Math.round((times[18] as number) * 10) / 10, rows });
  }
  return out;
}
