import { describe, expect, it } from 'vitest';
import { decodeCsv, sniffFileKind } from './file-kind';

const gb18030 = (s: string) => {
  // 中文 in GB18030 (GBK range): D6 D0 CE C4; 磨床: C4 A5 B4 B2
  const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 磨: [0xc4, 0xa5], 床: [0xb4, 0xb2] };
  return Uint8Array.from([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
};

describe('sniffFileKind (by content, not by name)', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 1, 2], 'xlsx'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'xls'],
    [[...new TextEncoder().encode('a,b\n1,2')], 'csv'],
    [[0xff, 0xfe, 0x61, 0x00], 'unknown'], // UTF-16
    [[], 'unknown'],
  ])('%j → %s', (bytes, kind) => expect(sniffFileKind(Uint8Array.from(bytes))).toBe(kind));
});

describe('decodeCsv', () => {
  it('reads UTF-8 with a BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('资产编号,磨床')]);
    expect(decodeCsv(bytes)).toEqual({ text: '资产编号,磨床', encoding: 'utf-8-bom', certain: true });
  });
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(new TextEncoder().encode('中文,a'))).toEqual({ text: '中文,a', encoding: 'utf-8', certain: true });
  });
  it('reads GB18030 as Excel writes it on a Chinese Windows (a short sample is a guess, a longer one certain)', () => {
    expect(decodeCsv(gb18030('中文,磨床'))).toEqual({ text: '中文,磨床', encoding: 'gb18030', certain: false });
    expect(decodeCsv(gb18030('中文,磨床\n磨床,中文\n中文,磨床'))).toEqual({ text: '中文,磨床\n磨床,中文\n中文,磨床', encoding: 'gb18030', certain: true });
  });

  // issue 14, item 10: a Latin-1 file was read as GB18030 without a word ("Müller" → "M黮ler")
  const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
  it('reads a Latin-1 / Windows-1252 file as Windows-1252, and says it is a guess', () => {
    const d = decodeCsv(latin1('Name,Ort\nMüller,Köln\nJosé,São Paulo\nFrançois,Besançon\n'));
    expect(d).toEqual({ text: 'Name,Ort\nMüller,Köln\nJosé,São Paulo\nFrançois,Besançon\n', encoding: 'windows-1252', certain: false });
    expect(d.text).not.toContain('黮');
  });
  it('reads a single accented name as Windows-1252, not as a rare Chinese character', () => {
    expect(decodeCsv(latin1('Müller'))).toMatchObject({ text: 'Müller', encoding: 'windows-1252', certain: false });
  });
  it('decodes with the encoding the user chose', () => {
    expect(decodeCsv(latin1('Müller'), 'gb18030')).toEqual({ text: 'M黮ler', encoding: 'gb18030', certain: true });
    expect(decodeCsv(gb18030('中文'), 'windows-1252').encoding).toBe('windows-1252');
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8').text).toBe('a');
  });
});
