/**
 * Issue 15's figures: one SME ledger of 12,753 machines (the whole TOMAN programme) imported as CSV and as an XLSX
 * written the way LibreOffice writes it (not by the app: shared strings, a merged title row, dates as serials in a
 * date style), its export to XLSX and CSV, and the re-import of an unchanged export — each timed through the
 * procedures, printed beside its limit and beside a raw COPY of the same rows in the same run. Peak memory is measured
 * in child processes (bench/import-memory.ts), where the operating system's high-water mark belongs to one operation.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { createTenantWorld } from '../prisma/seed/factories';
import { loadSessionUser } from '../server/auth/session-user';
import { PrismaClient } from '../server/db/generated/client';
import { deployMigrations } from '../server/db/migrate';
import { log } from '../server/log';
import { readAll } from '../server/services/inventory/export-files';
import { scanSpreadsheet } from '../server/services/inventory/spreadsheet';
import { flavouredXlsx } from '../server/testing/xlsx-flavours';
import { createCaller } from '../server/trpc/root';

export const ROWS = 12_753;
export const limits = { importXlsxMs: 2_000, importCsvMs: 2_000, reimportMs: 1_500, exportXlsxMs: 1_500, exportCsvMs: 500, importPeakMb: 300 } as const;
const kinds = ['磨床', '数控车床', '普通车床', '超精机', '热处理炉', '清洗机', '装配机'];
const controls = ['手动', '继电器', 'PLC', '数控'];

type Row = {
  site: string;
  workshop: string;
  line: string;
  tag: string;
  kind: string;
  maker: string;
  model: string;
  year: number;
  control: string;
  networked: string;
  operators: number;
  shifts: number;
  status: string;
  notes: string;
};

function rows(n = ROWS): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    site: ['一厂', '二厂', '三厂'][i % 3] as string,
    workshop: `车间${(i % 7) + 1}`,
    line: `产线${(i % 40) + 1}`,
    tag: `T-${String(i + 1).padStart(6, '0')}`,
    kind: kinds[i % kinds.length] as string,
    maker: '无锡机床',
    model: `M${i % 50}`,
    year: 1995 + (i % 27),
    control: controls[i % controls.length] as string,
    networked: i % 5 === 0 ? '是' : '否',
    operators: 1 + (i % 2),
    shifts: 1 + (i % 3),
    status: '在用',
    notes: i % 11 === 0 ? '主轴已大修' : '',
  }));
}

const csvHeader = [
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
  const lines = [
    csvHeader.join(','),
    ...rows().map((r) =>
      [r.site, r.workshop, r.line, r.tag, r.kind, r.maker, r.model, r.year, r.control, r.networked, r.operators, r.shifts, r.status, r.notes].join(','),
    ),
  ];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The ledger as LibreOffice saves it: its own header words, a merged title, 出厂日期 as a date cell. */
export function buildLibreOfficeXlsx(n = ROWS): Uint8Array {
  return new Uint8Array(
    flavouredXlsx({
      flavour: 'libreoffice',
      sheetName: '设备台账',
      title: '某轴承有限公司设备台账（2026年）',
      header: [
        '厂区',
        '车间',
        '产线',
        '设备编号',
        '设备名称',
        '生产厂家',
        '规格型号',
        '出厂日期',
        '控制方式',
        '是否联网',
        '每班操作人数',
        '每天班次',
        '设备状态',
        '备注',
      ],
      rows: rows(n).map((r) => [
        r.site,
        r.workshop,
        r.line,
        r.tag,
        r.kind,
        r.maker,
        r.model,
        { date: `${r.year}-05-01` },
        r.control,
        r.networked,
        r.operators,
        r.shifts,
        r.status,
        r.notes || null,
      ]),
    }),
  );
}

type Target = {
  name: string;
  db: PrismaClient;
  url: string | null;
  /** COPY of the rows into a bare temporary table, and into a table with Machine's columns and indexes. */
  copy: (csv: string) => Promise<{ bare: number; indexed: number }>;
  close: () => Promise<void>;
};

const copyColumns = `("id","integratorId","smeClientId","assetTag","kind","maker","model","year","controlType","networked","operatorsPerShift","shiftsPerDay","status","notes","updatedAt")`;

async function pgliteTarget(): Promise<Target> {
  const pgl = await PGlite.create();
  await deployMigrations({ kind: 'pglite', pg: pgl });
  const db = new PrismaClient({ adapter: new PrismaPGlite(pgl) });
  const copyInto = async (table: string, csv: string) => {
    const started = performance.now();
    await pgl.query(`COPY ${table} ${copyColumns} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    return performance.now() - started;
  };
  return {
    name: 'PGlite',
    db,
    url: null,
    copy: async (csv) => {
      const t = randomUUID().slice(0, 8);
      await pgl.exec(`CREATE TEMP TABLE copy_bare_${t} (LIKE "Machine" INCLUDING DEFAULTS); CREATE TABLE copy_indexed_${t} (LIKE "Machine" INCLUDING ALL)`);
      return { bare: await copyInto(`copy_bare_${t}`, csv), indexed: await copyInto(`copy_indexed_${t}`, csv) };
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
    url: url.toString(),
    copy: async (csv) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const t = randomUUID().slice(0, 8);
      await c.query(`CREATE TEMP TABLE copy_bare_${t} (LIKE "Machine" INCLUDING DEFAULTS); CREATE TABLE copy_indexed_${t} (LIKE "Machine" INCLUDING ALL)`);
      const copyInto = async (table: string) => {
        const started = performance.now();
        await pipeline(Readable.from([csv]), c.query(copyStreams.from(`COPY ${table} ${copyColumns} FROM STDIN WITH (FORMAT csv)`)));
        return performance.now() - started;
      };
      const out = { bare: await copyInto(`copy_bare_${t}`), indexed: await copyInto(`copy_indexed_${t}`) };
      await c.end();
      return out;
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

/** The same rows as COPY reads them (CSV of Machine's columns). */
function copyCsv(integratorId: string, smeClientId: string): string {
  const ctl = { 手动: 'MANUAL', 继电器: 'RELAY', PLC: 'PLC', 数控: 'CNC' } as Record<string, string>;
  const now = new Date().toISOString();
  return rows()
    .map((r) =>
      [
        randomUUID(),
        integratorId,
        smeClientId,
        r.tag,
        'GRINDER',
        r.maker,
        r.model,
        r.year,
        ctl[r.control],
        r.networked === '是',
        r.operators,
        r.shifts,
        'IN_SERVICE',
        r.notes,
        now,
      ].join(','),
    )
    .join('\n');
}

export type ImportFigures = {
  target: string;
  case: string;
  runs: number;
  /** Median of the runs (each run on a new SME), ms. */
  previewMs: number;
  commitMs: number;
  totalMs: number;
  bestTotalMs: number;
  limitMs: number;
  copyBareMs: number;
  copyIndexedMs: number;
  changes?: number;
};
export type MemoryFigures = { case: string; rows: number; peakOverBaselineMb: number; retainedMb: number | null; ms: number; limitMb: number | null };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

async function callerFor(db: PrismaClient, tag: string) {
  const world = await createTenantWorld(db, `${tag}-${randomUUID().slice(0, 6)}`, { machinesPerSme: 0 });
  const user = await loadSessionUser(db, world.users.engineer.id, 0);
  const caller = createCaller({ getDb: async () => db, getUser: async () => user, locale: 'zh-CN', requestId: 'bench', log });
  return { world, user, caller, smeClientId: world.smes[0]?.id as string };
}

/** Reading the file alone (no database): the part where CSV and XLSX differ. Median of five, ms. */
export async function parseTimes(): Promise<{ csvMs: number; xlsxMs: number }> {
  const files = { csv: buildCsv(), xlsx: buildLibreOfficeXlsx() };
  const time = async (bytes: Uint8Array) => {
    const ms: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      await scanSpreadsheet(bytes, {}, { headerScore: (cells) => cells.filter((c) => c.includes('编号') || c.includes('类型')).length, header() {}, row() {} });
      if (i > 0) ms.push(performance.now() - t0); // the first warms the code up
    }
    return Math.round(median(ms));
  };
  return { csvMs: await time(files.csv), xlsxMs: await time(files.xlsx) };
}

export async function benchImport(
  pgUrl: string | null,
  progress: (s: string) => void = () => {},
): Promise<{ imports: ImportFigures[]; memory: MemoryFigures[] }> {
  const csv = buildCsv();
  const xlsx = buildLibreOfficeXlsx();
  const imports: ImportFigures[] = [];
  let memory: MemoryFigures[] = [];
  const targets: (() => Promise<Target>)[] = [pgliteTarget];
  if (pgUrl) targets.push(() => postgresTarget(pgUrl));
  for (const make of targets) {
    const target = await make();
    // five runs on PostgreSQL: the commit's run-to-run spread (~0.1 s) is larger than what separates CSV from XLSX
    const runs = target.name === 'PostgreSQL' ? 5 : 1;
    try {
      for (const [format, bytes] of [
        ['csv', csv],
        ['xlsx', xlsx],
      ] as const) {
        const times: { preview: number; commit: number; copy: { bare: number; indexed: number } }[] = [];
        let last: Awaited<ReturnType<typeof callerFor>> | null = null;
        for (let run = 0; run < runs; run++) {
          progress(`${target.name}: import ${format}, run ${run + 1} of ${runs}`);
          const c = await callerFor(target.db, `bench-${format}`);
          const t0 = performance.now();
          const preview = await c.caller.inventory.previewImport({ smeClientId: c.smeClientId, fileName: `ledger.${format}`, bytes });
          const t1 = performance.now();
          if (!preview.canCommit || preview.toCreate !== ROWS) throw new Error(`bench file did not validate: ${JSON.stringify(preview.issues.slice(0, 3))}`);
          const committed = await c.caller.inventory.commitImport({ smeClientId: c.smeClientId, fileName: `ledger.${format}`, bytes });
          const t2 = performance.now();
          if (committed.created !== ROWS) throw new Error('commit did not create every row');
          const copy = await target.copy(copyCsv(c.world.integrator.id, c.world.smes[1]?.id as string));
          times.push({ preview: t1 - t0, commit: t2 - t1, copy });
          last = c;
        }
        imports.push(
          figures(target.name, `import ${format === 'csv' ? 'CSV' : 'XLSX (LibreOffice)'}`, times, format === 'csv' ? limits.importCsvMs : limits.importXlsxMs),
        );
        if (format !== 'xlsx' || !last) continue;

        // export of the 12,753 machines just imported, then the re-import of the unchanged export
        const { caller, smeClientId } = last;
        for (const exportFormat of ['xlsx', 'csv'] as const) {
          progress(`${target.name}: export ${exportFormat}`);
          const ms: number[] = [];
          let bytesOut: Uint8Array = new Uint8Array();
          for (let run = 0; run < runs; run++) {
            const t0 = performance.now();
            const file = await caller.inventory.exportMachines({ smeClientId, format: exportFormat, locale: 'zh-CN' });
            bytesOut = await readAll(file.body);
            ms.push(performance.now() - t0);
          }
          const copy = times.at(-1)?.copy ?? { bare: 0, indexed: 0 };
          imports.push({
            target: target.name,
            case: `export ${exportFormat.toUpperCase()} (${Math.round(bytesOut.byteLength / 1024)} kB)`,
            runs,
            previewMs: 0,
            commitMs: 0,
            totalMs: Math.round(median(ms)),
            bestTotalMs: Math.round(Math.min(...ms)),
            limitMs: exportFormat === 'xlsx' ? limits.exportXlsxMs : limits.exportCsvMs,
            copyBareMs: Math.round(copy.bare),
            copyIndexedMs: Math.round(copy.indexed),
          });
          if (exportFormat !== 'xlsx') continue;
          progress(`${target.name}: re-import of the unchanged export`);
          const again: typeof times = [];
          let changes = 0;
          for (let run = 0; run < runs; run++) {
            const t0 = performance.now();
            const p = await caller.inventory.previewImport({ smeClientId, fileName: 'export.xlsx', bytes: bytesOut });
            const t1 = performance.now();
            const c = await caller.inventory.commitImport({ smeClientId, fileName: 'export.xlsx', bytes: bytesOut });
            const t2 = performance.now();
            if (p.unchanged !== ROWS) throw new Error(`the export did not re-import unchanged: ${JSON.stringify({ ...p, issues: p.issues.slice(0, 3) })}`);
            changes += c.created + c.updated + p.toCreate + p.toUpdate;
            again.push({ preview: t1 - t0, commit: t2 - t1, copy });
          }
          imports.push({ ...figures(target.name, 're-import of the unchanged XLSX export', again, limits.reimportMs), changes });
        }
      }
      if (target.url) {
        progress(`${target.name}: peak memory, each in a child process`);
        memory = await benchMemory(target.url, target.db);
      }
    } finally {
      await target.close();
    }
  }
  return { imports, memory };
}

function figures(
  target: string,
  name: string,
  times: { preview: number; commit: number; copy: { bare: number; indexed: number } }[],
  limitMs: number,
): ImportFigures {
  const totals = times.map((t) => t.preview + t.commit);
  return {
    target,
    case: name,
    runs: times.length,
    previewMs: Math.round(median(times.map((t) => t.preview))),
    commitMs: Math.round(median(times.map((t) => t.commit))),
    totalMs: Math.round(median(totals)),
    bestTotalMs: Math.round(Math.min(...totals)),
    limitMs,
    copyBareMs: Math.round(median(times.map((t) => t.copy.bare))),
    copyIndexedMs: Math.round(median(times.map((t) => t.copy.indexed))),
  };
}

const run = promisify(execFile);

/** Import at 12,753 rows, exports at 12,753 and 127,530: each in its own process against the bench database. */
async function benchMemory(url: string, db: PrismaClient): Promise<MemoryFigures[]> {
  // an SME with ten times the machines, written straight into the table (the export only reads them)
  const { world } = await callerFor(db, 'bench-memory');
  const big = world.smes[1]?.id as string;
  await db.$executeRawUnsafe(
    `INSERT INTO "Machine" ("id","integratorId","smeClientId","assetTag","kind","maker","model","year","controlType","networked","operatorsPerShift","shiftsPerDay","status","notes","updatedAt")
     SELECT gen_random_uuid()::text, $1, $2, 'B-' || lpad(g::text, 6, '0'), 'GRINDER', '无锡机床', 'M' || (g % 50), 1995 + g % 27, 'CNC', g % 5 = 0, 1, 2, 'IN_SERVICE',
       CASE WHEN g % 11 = 0 THEN '主轴已大修' END, now()
     FROM generate_series(1, ${ROWS * 10}) g`,
    world.integrator.id,
    big,
  );
  const child = async (args: string[]) => {
    const script = path.join(process.cwd(), 'bench', 'import-memory.ts');
    const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'loader.mjs');
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', tsx, script, url, ...args], {
      timeout: 300_000,
      maxBuffer: 1 << 20,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    const line = stdout.split('\n').find((l) => l.startsWith('{'));
    if (!line) throw new Error(`no measurement in: ${stdout.slice(0, 500)}`);
    return JSON.parse(line) as { peakOverBaselineMb: number; retainedMb: number | null; ms: number; rows: number };
  };
  const out: MemoryFigures[] = [];
  const empty = await callerFor(db, 'bench-memory-import');
  const i = await child(['import', empty.world.users.engineer.id, empty.smeClientId]);
  out.push({
    case: 'import XLSX (LibreOffice): preview + commit',
    rows: i.rows,
    peakOverBaselineMb: i.peakOverBaselineMb,
    retainedMb: null,
    ms: i.ms,
    limitMb: limits.importPeakMb,
  });
  for (const [smeClientId, n] of [
    [world.smes[0]?.id as string, ROWS],
    [big, ROWS * 10],
  ] as const) {
    if (n === ROWS) {
      // the other SME gets 12,753 machines the same way
      await db.$executeRawUnsafe(
        `INSERT INTO "Machine" ("id","integratorId","smeClientId","assetTag","kind","controlType","updatedAt")
         SELECT gen_random_uuid()::text, $1, $2, 'S-' || lpad(g::text, 6, '0'), 'GRINDER', 'CNC', now() FROM generate_series(1, ${ROWS}) g`,
        world.integrator.id,
        smeClientId,
      );
    }
    for (const format of ['xlsx', 'csv']) {
      const e = await child(['export', world.users.engineer.id, smeClientId, format]);
      out.push({
        case: `export ${format.toUpperCase()}`,
        rows: e.rows,
        peakOverBaselineMb: e.peakOverBaselineMb,
        retainedMb: e.retainedMb,
        ms: e.ms,
        limitMb: null,
      });
    }
  }
  return out;
}
