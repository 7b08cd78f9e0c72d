/**
 * The import's XLSX reader on the XML flavours real programs write (server/testing/xlsx-flavours.ts), and on a sheet
 * long enough to arrive in many chunks (a row cut between two chunks must be read whole).
 */
import { describe, expect, it } from 'vitest';
import { type Flavour, flavouredXlsx } from '../../testing/xlsx-flavours';
import { decode, isDateFormat, readXlsx } from './xlsx-read';

async function read(bytes: Uint8Array, sheet?: string) {
  const rows: [number, unknown[]][] = [];
  const r = await readXlsx(bytes, {
    choose: (names) => (sheet ? (names.includes(sheet) ? sheet : null) : (names[0] ?? null)),
    row: (n, c) => void rows.push([n, c]),
  });
  return { ...r, rows };
}

describe('readXlsx', () => {
  for (const flavour of ['libreoffice', 'excel', 'inline'] as Flavour[]) {
    it(`reads the ${flavour} flavour: title, header, text, numbers, dates in a date style`, async () => {
      const bytes = flavouredXlsx({
        flavour,
        sheetName: '设备台账',
        title: flavour === 'inline' ? undefined : '某公司设备台账',
        header: ['设备编号', '设备名称', '出厂日期', '每班操作人数'],
        rows: [
          ['A-1', '磨床 & 车床 <2>', { date: '2016-05-01' }, 2],
          ['A-2', '超精机', null, 1.5],
        ],
      });
      const r = await read(new Uint8Array(bytes));
      expect(r.sheets).toEqual(['设备台账']);
      const first = flavour === 'inline' ? 1 : 2;
      const header = r.rows.find(([n]) => n === first)?.[1];
      expect(header).toEqual(['设备编号', '设备名称', '出厂日期', '每班操作人数']);
      const data = r.rows.filter(([n]) => n > first).map(([, c]) => c.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
      expect(data[0]).toEqual(['A-1', '磨床 & 车床 <2>', '2016-05-01', 2]);
      expect(data[1]?.slice(0, 2)).toEqual(['A-2', '超精机']);
      expect(data[1]?.[3]).toBe(1.5);
      if (flavour !== 'inline') expect(r.rows[0]?.[1][0]).toBe('某公司设备台账');
    });
  }

  it('reads every row of a sheet that arrives in many chunks, in order', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`T-${i}`, '数控车床', i]);
    const r = await read(new Uint8Array(flavouredXlsx({ flavour: 'libreoffice', sheetName: 'S', header: ['a', 'b', 'c'], rows })));
    expect(r.rows.length).toBe(20_001);
    expect(r.rows.every(([n], i) => n === i + 1)).toBe(true);
    expect(r.rows.at(-1)?.[1]).toEqual(['T-19999', '数控车床', 19_999]);
  });

  it('answers a sheet that is not there with none chosen', async () => {
    const r = await read(new Uint8Array(flavouredXlsx({ flavour: 'excel', sheetName: 'A', header: ['x'], rows: [] })), 'B');
    expect(r).toMatchObject({ sheets: ['A'], sheet: null, rows: [] });
  });

  it('decodes entities and Excel escapes, and tells date formats from number formats', () => {
    expect(decode('a &amp; b &lt;c&gt; &#x4E2D;&#25991; _x000D_ _x005F_x0041_')).toBe('a & b <c> 中文 \r _x0041_');
    for (const code of ['yyyy-mm-dd', 'YYYY\\-MM\\-DD', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm:ss', '[h]:mm']) expect(isDateFormat(code)).toBe(true);
    for (const code of ['0.00', '#,##0', '"m"0', '@', 'General', '0.00E+00', '[Red]0']) expect(isDateFormat(code)).toBe(false);
  });
});
