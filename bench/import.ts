/**
 * Import of one SME file with 12,753 machines (the whole TOMAN programme), preview and commit, on
 * PGlite and on PostgreSQL, next to a raw COPY of the same rows. Prints a table; returns figures.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import ExcelJS from 'exceljs';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { createTenantWorld } from '../prisma/seed/factories';
import { loadSessionUser } from '../server/auth/session-user';
import { PrismaClient } from '../server/db/generated/client';
import { deployMigrations } from '../server/db/migrate';
import { log } from '../server/log';
import { createCaller } from '../server/trpc/root';

export const ROWS = 12_753;
const kinds = ['磨床', '数控车床', '普通车床', '超精机', '热处理炉', '清洗机', '装配机'];
const controls = ['手动', '继电器', 'PLC', '数控'];

function rows(): (string | number)[][] {
  return Array.from({ length: ROWS }, (_, i) => [
    `${['一厂', '二厂', '三厂'][i % 3]}`,
    `车间${(i % 7) + 1}`,
    `产线${(i % 40) + 1}`,
    `T-${String(i + 1).padStart(5, '0')}`,
    kinds[i % kinds.length] as string,
    '无锡机床',
    `M${i % 50}`,
    1995 + (i % 27),
    controls[i % controls.length] as string,
    i % 5 === 0 ? '是' : '否',
    1 + (i % 2),
    1 + (i % 3),
    '在用',
    i % 11 === 0 ? '主轴已大修' : '',
  ]);
}
const header = [
  '厂区',
  '车间',
  '产线',
  '资产编号',
  '设备类型',
  '制造商',
  '型号',
  '出厂年份',
  '控制方式',
  '是否联网',
  '每班操作工人数',
  '每天班次',
  '状态',
  '备注',
];

export function buildCsv(): Uint8Array {
  const lines = [header.join(','), ...rows().map((r) => r.join(','))];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function buildXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('设备清单');
  ws.addRow(header);
  for (const r of rows()) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Target = { name: string; db: PrismaClient; copy: (csv: string) => Promise<number>; close: () => Promise<void> };

async function pgliteTarget(): Promise<Target> {
  const pgl = await PGlite.create();
  await deployMigrations({ kind: 'pglite', pg: pgl });
  const db = new PrismaClient({ adapter: new PrismaPGlite(pgl) });
  return {
    name: 'PGlite',
    db,
    copy: async (csv) => {
      await pgl.exec('CREATE TEMP TABLE copy_target (LIKE "Machine" INCLUDING DEFAULTS)');
      const started = performance.now();
      await pgl.query(
        `COPY copy_target ("id","integratorId","smeClientId","assetTag","kind","maker","model","year","controlType","networked","operatorsPerShift","shiftsPerDay","status","notes","updatedAt") FROM '/dev/blob' WITH (FORMAT csv)`,
        [],
        { blob: new Blob([csv]) },
      );
      return performance.now() - started;
    },
    close: async () => {
      await db.$disconnect();
      await pgl.close();
    },
  };
}

async function postgresTarget(adminUrl: string): Promise<Target> {
  const name = `rp_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await deployMigrations({ kind: 'postgres', url: url.toString() });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
  return {
    name: 'PostgreSQL',
    db,
    copy: async (csv) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await c.query('CREATE TEMP TABLE copy_target (LIKE "Machine" INCLUDING DEFAULTS)');
      const started = performance.now();
      const stream = c.query(
        copyStreams.from(
          `COPY copy_target ("id","integratorId","smeClientId","assetTag","kind","maker","model","year","controlType","networked","operatorsPerShift","shiftsPerDay","status","notes","updatedAt") FROM STDIN WITH (FORMAT csv)`,
        ),
      );
      await pipeline(Readable.from([csv]), stream);
      const ms = performance.now() - started;
      await c.end();
      return ms;
    },
    close: async () => {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function copyCsv(integratorId: string, smeClientId: string): string {
  const ctl = { 手动: 'MANUAL', 继电器: 'RELAY', PLC: 'PLC', 数控: 'CNC' } as Record<string, string>;
  return rows()
    .map((r) =>
      [
        randomUUID(),
        integratorId,
        smeClientId,
        r[3],
        'GRINDER',
        r[5],
        r[6],
        r[7],
        ctl[r[8] as string],
        r[9] === '是',
        r[10],
        r[11],
        'IN_SERVICE',
        r[13] || '',
        new Date().toISOString(),
      ].join(','),
    )
    .join('\n');
}

export type ImportFigures = {
  target: string;
  format: string;
  previewMs: number;
  commitMs: number;
  totalMs: number;
  copyMs: number;
  ratio: number;
  rssMb: number;
};

export async function benchImport(pgUrl: string | null): Promise<ImportFigures[]> {
  const csv = buildCsv();
  const xlsx = await buildXlsx();
  const out: ImportFigures[] = [];
  const targets: (() => Promise<Target>)[] = [pgliteTarget];
  if (pgUrl) targets.push(() => postgresTarget(pgUrl));
  for (const make of targets) {
    const target = await make();
    try {
      for (const [format, bytes] of [
        ['csv', csv],
        ['xlsx', xlsx],
      ] as const) {
        const world = await createTenantWorld(target.db, `bench-${format}-${randomUUID().slice(0, 6)}`, { machinesPerSme: 0 });
        const user = await loadSessionUser(target.db, world.users.engineer.id, 0);
        const caller = createCaller({ getDb: async () => target.db, getUser: async () => user, locale: 'zh-CN', requestId: 'bench', log });
        const smeClientId = world.smes[0]?.id as string;
        const t0 = performance.now();
        const preview = await caller.inventory.previewImport({ smeClientId, fileName: `bench.${format}`, bytes });
        const t1 = performance.now();
        if (!preview.canCommit || preview.toCreate !== ROWS) throw new Error(`bench file did not validate: ${JSON.stringify(preview.issues.slice(0, 3))}`);
        const committed = await caller.inventory.commitImport({ smeClientId, fileName: `bench.${format}`, bytes });
        const t2 = performance.now();
        if (committed.created !== ROWS) throw new Error('commit did not create every row');
        const copyMs = format === 'csv' ? await target.copy(copyCsv(world.integrator.id, world.smes[1]?.id as string)) : (out.at(-1)?.copyMs ?? 0);
        out.push({
          target: target.name,
          format,
          previewMs: Math.round(t1 - t0),
          commitMs: Math.round(t2 - t1),
          totalMs: Math.round(t2 - t0),
          copyMs: Math.round(copyMs),
          ratio: Math.round(((t2 - t0) / copyMs) * 10) / 10,
          rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
        });
      }
    } finally {
      await target.close();
    }
  }
  return out;
}
