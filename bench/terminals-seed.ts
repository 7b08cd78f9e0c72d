/**
 * The TOMAN fleet ×10 for the ingestion bench: one integrator, 6,000 SMEs, 127,530 machines, each with its terminal,
 * made by set-based SQL (registering terminals through the app is another use case; here only ingestion is measured).
 */
import type pg from 'pg';

export const FLEET = { smes: 6_000, terminals: 127_530 } as const;

export async function seedFleet(c: pg.Client): Promise<{ firstNum: number }> {
  await c.query(`INSERT INTO "Integrator" (id, name, "nameEn") VALUES ('bti', '终端基准集成商', 'Terminal bench integrator')`);
  await c.query(
    `INSERT INTO "SmeClient" (id, "integratorId", "legalName", county, sector, "createdAt", "updatedAt")
     SELECT 'bts' || g, 'bti', '终端基准企业 ' || g, '新昌县', 'BALL_BEARINGS', now(), now() FROM generate_series(1, $1::int) g`,
    [FLEET.smes],
  );
  await c.query(
    `INSERT INTO "Machine" (id, "integratorId", "smeClientId", "assetTag", kind, "controlType", status, "createdAt", "updatedAt")
     SELECT 'btm' || g, 'bti', 'bts' || (1 + g % $2::int), 'T-' || g, 'CNC_LATHE', 'CNC', 'IN_SERVICE', now(), now()
     FROM generate_series(1, $1::int) g`,
    [FLEET.terminals, FLEET.smes],
  );
  await c.query(
    `INSERT INTO "Terminal" (id, "integratorId", "smeClientId", kind, serial, "machineId", "secretHash")
     SELECT 'btt' || g, 'bti', 'bts' || (1 + g % $2::int), 'TERMINAL', 'SN-' || g, 'btm' || g, repeat('0', 64)
     FROM generate_series(1, $1::int) g`,
    [FLEET.terminals, FLEET.smes],
  );
  await c.query('ANALYZE');
  const r = await c.query<{ n: number }>(`SELECT min(num)::int AS n FROM "Terminal" WHERE id = 'btt1'`);
  return { firstNum: r.rows[0]?.n ?? 1 };
}
