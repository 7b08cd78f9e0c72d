/**
 * Issue 14, item 5: hostile spreadsheets stop at the first limit with a clear message, and reading any of them keeps
 * the process's peak memory within 300 MB of its baseline. Each file is read in a child process (tsx) whose peak RSS
 * is the operating system's own high-water mark.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { blankRowsBomb, hugeStringBomb, sheetBeforeStringsBomb, zipParts } from '../../testing/xlsx-bombs';
import { scanSpreadsheet } from './spreadsheet';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-bombs-'));
const MAX_PEAK_MB = 300;

type Measured = { ok: boolean; messageKey?: string; params?: Record<string, unknown>; peakOverBaselineMb: number; ms: number; dataRows?: number };

async function measure(name: string, bytes: Buffer): Promise<Measured> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const { stdout } = await run(tsx, [path.join(process.cwd(), 'server/testing/measure-scan.ts'), file], { timeout: 120_000, maxBuffer: 1 << 20 });
  const line = stdout.split('\n').find((l) => l.startsWith('{"ok"'));
  if (!line) throw new Error(`no measurement in: ${stdout.slice(0, 500)}`);
  return JSON.parse(line) as Measured;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('XLSX expansion bombs (each in a child process, peak RSS measured)', () => {
  it('600,000 rows of one blank cell (3 MB): every row counts, stopped at the row limit', async () => {
    const m = await measure('blank-rows.xlsx', blankRowsBomb(600_000));
    expect(m).toMatchObject({ ok: false, messageKey: 'import.tooManyRows', params: { max: 50_000 } });
    expect(m.peakOverBaselineMb).toBeLessThanOrEqual(MAX_PEAK_MB);
    expect(m.ms).toBeLessThan(20_000);
  }, 120_000);

  it('a sheet stored before its shared strings (about 200 KB, 1.6 million cells) is read within the limit', async () => {
    // the reader takes the parts by name, so the strings are read first whatever the zip's order, and each cell of
    // the sheet refers to the one string read (no copy per cell)
    const m = await measure('sheet-first.xlsx', sheetBeforeStringsBomb());
    expect(m).toMatchObject({ ok: true, dataRows: 39_999 });
    expect(m.peakOverBaselineMb).toBeLessThanOrEqual(MAX_PEAK_MB);
  }, 120_000);

  it('the same with cell references (4 MB, 1.6 million cells of a 4,000-character string) is read within the limit', async () => {
    const m = await measure('sheet-first-refs.xlsx', sheetBeforeStringsBomb(40_000, 40, 4_000, true));
    expect(m.peakOverBaselineMb).toBeLessThanOrEqual(MAX_PEAK_MB);
    expect(m.messageKey ?? 'ok').not.toMatch(/^unexpected/);
  }, 120_000);

  it('a 205 KB file holding one 200 MB shared string: the part limit stops it while inflating', async () => {
    const m = await measure('huge-string.xlsx', hugeStringBomb(200));
    expect(m).toMatchObject({ ok: false, messageKey: 'import.xlsxPartTooLarge', params: { part: 'xl/sharedStrings.xml', maxMb: 32 } });
    expect(m.peakOverBaselineMb).toBeLessThanOrEqual(MAX_PEAK_MB);
  }, 120_000);
});

describe('limits in process', () => {
  const noop = { header: () => {}, row: () => {} };
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { messageKey?: string }) => e.messageKey,
    );

  it('a CSV of blank lines stops at the row limit (blank rows count)', async () => {
    const csv = new TextEncoder().encode(`a,b\n${'\n'.repeat(200_000)}`);
    expect(await codeOf(scanSpreadsheet(csv, {}, noop))).toBe('import.tooManyRows');
  });

  it('a workbook whose sheet comes before its strings is still read right (parts laid out again)', async () => {
    const headers: string[][] = [];
    const rows: unknown[][] = [];
    const bytes = sheetBeforeStringsBomb(3, 2, 5, true);
    const r = await scanSpreadsheet(new Uint8Array(bytes), {}, { header: (c) => void headers.push(c), row: (_n, c) => void rows.push(c) });
    const header = headers[0];
    expect(header).toEqual(['xxxxx', 'xxxxx']);
    expect(rows).toEqual([
      ['xxxxx', 'xxxxx'],
      ['xxxxx', 'xxxxx'],
    ]);
    expect(r.dataRows).toBe(2);
  });

  it('a damaged zip is refused as damaged, not as a server error', async () => {
    const good = zipParts([{ name: 'xl/workbook.xml', chunks: () => ['<workbook/>'] }]);
    expect(await codeOf(scanSpreadsheet(new Uint8Array(good.subarray(0, good.length - 10)), {}, noop))).toBe('import.badXlsx');
  });
});
