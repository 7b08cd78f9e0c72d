/** What an uploaded file is, judged by its bytes rather than its name, and how its text is encoded. */
export type FileKind = 'xlsx' | 'csv' | 'xls' | 'unknown';

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  // text: no NUL bytes in the first 4 KiB (UTF-16 files have them; ask for UTF-8 or GB18030)
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return 'unknown';
  for (const b of head) if (b === 0) return 'unknown';
  return 'csv';
}

export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'gb18030';

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, else GB18030 (what Excel writes on a Chinese
 * Windows). Strict UTF-8 decoding decides: GB18030 text is almost never valid UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
