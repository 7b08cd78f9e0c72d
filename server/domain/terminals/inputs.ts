/**
 * What a person types about terminals: the maker's serial number as printed on the device. Messages are catalogue keys
 * under "validation.".
 */
import { z } from 'zod';

/** Letters, digits and . _ : / - (as makers print them), 1–64 characters, no spaces; compared as written. */
export const SERIAL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/** A serial as typed: NFKC (full-width letters and digits become ASCII), blanks around it removed. */
export function normaliseSerial(raw: string): string {
  return raw.normalize('NFKC').trim();
}

export const serialSchema = z
  .string({ error: 'text' })
  .max(256, 'tooLong')
  .transform(normaliseSerial)
  .pipe(z.string().min(1, 'required').regex(SERIAL_PATTERN, 'serial'));
