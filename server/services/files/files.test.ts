import { describe, expect, it } from 'vitest';
import { sniffContentType } from './files';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('file content check (by bytes, not by name)', () => {
  it.each([
    ['PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'application/pdf'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['WebP', bytes(0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50), 'image/webp'],
    ['XLSX/DOCX', bytes(0x50, 0x4b, 0x03, 0x04), 'application/zip'],
    ['UTF-8 text', new TextEncoder().encode('PLC 清单'), 'text/plain; charset=utf-8'],
    ['Windows executable', bytes(0x4d, 0x5a, 0x90, 0x00), null],
    ['binary junk', bytes(0xc3, 0x28, 0xff), null],
  ])('%s', (_n, b, type) => expect(sniffContentType(b)).toBe(type));

  it('accepts long UTF-8 text cut in the middle of a character at 4 KiB', () => {
    const text = new TextEncoder().encode('清'.repeat(2000));
    expect(sniffContentType(text)).toBe('text/plain; charset=utf-8');
  });
});
