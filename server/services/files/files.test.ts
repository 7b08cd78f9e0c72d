import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { servedContentType, sniffContentType } from './files';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
const zipOf = (names: string[]) => {
  const z = new JSZip();
  for (const n of names) z.file(n, '<x/>');
  return z.generateAsync({ type: 'uint8array' });
};

describe('evidence content check (by bytes, not by name or declared type)', () => {
  it.each([
    ['PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'application/pdf'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['WebP', bytes(0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50), 'image/webp'],
    ['HTML', text('<!doctype html><script>alert(document.cookie)</script>'), null],
    ['HTML without a doctype', text('<html><body onload="fetch(`/api/trpc/me.get`)"></body></html>'), null],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    ['SVG with an XML declaration', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['plain text', text('PLC 清单'), null],
    ['a bare zip signature', bytes(0x50, 0x4b, 0x03, 0x04), null],
    ['Windows executable', bytes(0x4d, 0x5a, 0x90, 0x00), null],
    ['binary junk', bytes(0xc3, 0x28, 0xff), null],
  ])('%s', (_n, b, type) => expect(sniffContentType(b)).toBe(type));

  it('tells Office documents from other zips by their parts', async () => {
    expect(sniffContentType(await zipOf(['[Content_Types].xml', 'word/document.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffContentType(await zipOf(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffContentType(await zipOf(['index.html', 'evil.svg']))).toBeNull();
  });

  it('serves a file stored under an older, looser check as a download of unknown bytes', () => {
    expect(servedContentType('text/plain; charset=utf-8')).toBe('application/octet-stream');
    expect(servedContentType('text/html')).toBe('application/octet-stream');
    expect(servedContentType('image/png')).toBe('image/png');
  });
});
