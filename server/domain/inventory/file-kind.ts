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

/** The encodings a user may choose for a CSV file. */
export const textEncodings = ['utf-8', 'gb18030', 'windows-1252'] as const;
export type ChosenEncoding = (typeof textEncodings)[number];
export type TextEncodingName = 'utf-8-bom' | ChosenEncoding;

export type DecodedCsv = { text: string; encoding: TextEncodingName; certain: boolean };

/**
 * Decodes CSV bytes. A UTF-8 BOM or valid UTF-8 is certain (GB18030 or Latin text is almost never valid UTF-8).
 * Otherwise the bytes are GB18030 (what Excel writes on a Chinese Windows) or Windows-1252 (a Western one, a superset
 * of Latin-1): guessEightBit weighs them, and the guess is certain only when the Chinese reading is clear. When the
 * user has chosen an encoding, that one is used (and is certain).
 */
export function decodeCsv(bytes: Uint8Array, chosen?: ChosenEncoding | null): DecodedCsv {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (chosen) return { text: new TextDecoder(chosen).decode(chosen === 'utf-8' && bom ? bytes.subarray(3) : bytes), encoding: chosen, certain: true };
  if (bom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', certain: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', certain: true };
  } catch {
    const { encoding, certain } = guessEightBit(bytes);
    return { text: new TextDecoder(encoding).decode(bytes), encoding, certain };
  }
}

/**
 * GB18030 or Windows-1252, by the byte pairs above ASCII. Chinese text is made of GB2312 pairs (lead A1–F7, trail
 * A1–FE); an accented Latin letter is one high byte mostly followed by ASCII ("Müller": FC 6C), which GB18030 would
 * read as a rare character of its extension area ("黮"). Certain: at least 8 pairs, all GB2312.
 */
export function guessEightBit(bytes: Uint8Array): { encoding: 'gb18030' | 'windows-1252'; certain: boolean } {
  let chinese = 0;
  let latin = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    const t = bytes[i + 1] ?? 0;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) {
      chinese++;
      i++;
    } else latin++;
  }
  if (chinese >= latin * 4 && chinese > 0) return { encoding: 'gb18030', certain: latin === 0 && chinese >= 8 };
  return { encoding: 'windows-1252', certain: false };
}
