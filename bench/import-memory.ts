/**
 * Child process of the import bench: runs one operation against the bench database and prints its peak memory over
 * the baseline (the operating system's high-water mark, after a collection) as one JSON line.
 * `import <url> import <userId> <smeClientId>`: a LibreOffice ledger of 12,753 rows, preview then commit, into an empty SME.
 * `import <url> export <userId> <smeClientId> <csv|xlsx>`: the SME's machines exported to the end of the stream.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { loadSessionUser } from '../server/auth/session-user';
import { PrismaClient } from '../server/db/generated/client';
import { log } from '../server/log';
import { createCaller } from '../server/trpc/root';
import { buildLibreOfficeXlsx, ROWS } from './import';

const [url, mode, userId, smeClientId, format] = process.argv.slice(2) as [string, string, string, string?, string?];
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
const user = await loadSessionUser(db, userId, 0);
const caller = createCaller({ getDb: async () => db, getUser: async () => user, locale: 'zh-CN', requestId: 'bench-memory', log });
const gc = (globalThis as { gc?: () => void }).gc;

let rows = 0;
/** The most heap held after a collection during the export, over the heap held before it. */
let retainedMb = 0;
let baselineHeapMb = 0;
let work: () => Promise<void>;
if (mode === 'import') {
  const bytes = buildLibreOfficeXlsx();
  work = async () => {
    await caller.inventory.previewImport({ smeClientId: smeClientId as string, fileName: 'ledger.xlsx', bytes });
    const r = await caller.inventory.commitImport({ smeClientId: smeClientId as string, fileName: 'ledger.xlsx', bytes });
    rows = r.created;
    if (rows !== ROWS) throw new Error(`imported ${rows} rows`);
  };
} else {
  rows = await db.machine.count({ where: { smeClientId } });
  work = async () => {
    const file = await caller.inventory.exportMachines({ smeClientId: smeClientId as string, format: format === 'csv' ? 'csv' : 'xlsx', locale: 'zh-CN' });
    // read to the end as a download does, keeping nothing; now and then a collection shows what is still held
    let n = 0;
    for await (const _chunk of file.body) {
      if (++n % 50 === 0 && gc) {
        gc();
        retainedMb = Math.max(retainedMb, process.memoryUsage().heapUsed / 1024 / 1024 - baselineHeapMb);
      }
    }
  };
}
gc?.();
await new Promise((r) => setTimeout(r, 50));
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
baselineHeapMb = process.memoryUsage().heapUsed / 1024 / 1024;
const started = performance.now();
await work();
const ms = performance.now() - started;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    rows,
    baselineMb: Math.round(baselineMb),
    peakOverBaselineMb: Math.round(peakMb - baselineMb),
    retainedMb: mode === 'import' ? null : Math.round(retainedMb * 10) / 10,
    ms: Math.round(ms),
  }),
);
await db.$disconnect();
process.exit(0);
