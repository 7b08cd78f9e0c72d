/**
 * Child process of the import-limit tests: reads one file (path in argv) through the import's scanner, keeping every
 * row as a validator would, and prints the outcome and the peak memory above the baseline as one JSON line.
 * Run with `tsx server/testing/measure-scan.ts <file> [encoding]`.
 */
import fs from 'node:fs';
import { AppError } from '../domain/errors/app-error';
import { scanSpreadsheet } from '../services/inventory/spreadsheet';

const bytes = new Uint8Array(fs.readFileSync(process.argv[2] as string));
const kept: unknown[][] = [];
(globalThis as { gc?: () => void }).gc?.();
const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
let outcome: { ok: true; dataRows: number } | { ok: false; messageKey: string; params: unknown };
try {
  const r = await scanSpreadsheet(bytes, {}, { header: () => {}, row: (_n, cells) => void kept.push(cells) });
  outcome = { ok: true, dataRows: r.dataRows };
} catch (e) {
  outcome =
    e instanceof AppError ? { ok: false, messageKey: e.messageKey, params: e.params } : { ok: false, messageKey: `unexpected: ${String(e)}`, params: null };
}
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    ...outcome,
    baselineMb: Math.round(baselineMb),
    peakOverBaselineMb: Math.round(peakMb - baselineMb),
    ms: Math.round(performance.now() - started),
  }),
);
process.exit(0);
