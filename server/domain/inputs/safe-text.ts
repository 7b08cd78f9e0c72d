/**
 * One schema for text a person types (names, notes, references): what cannot be stored or would mislead is refused
 * or removed before anything else sees it.
 * - refused: NUL and the other control characters (tab and line breaks only in multi-line text), lone UTF-16
 *   surrogates (not valid Unicode; PostgreSQL would refuse them with a 500), the noncharacters U+FFFE/U+FFFF;
 * - removed: zero-width characters and the bidirectional overrides, embeddings and isolates (a name that reads
 *   differently from what it is, e.g. "‮fdp.exe");
 * - trimmed, normalised to NFC, then checked against a maximum length in characters.
 */
import { z } from 'zod';

const invisible = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u180E]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
const controlSingleLine = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
const controlMultiLine = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nonCharacter = /[\uFFFE\uFFFF]/;

/** Why a text cannot be accepted ('badCharacters'), or null; before any cleaning. */
export function textProblem(s: string, multiLine = false): 'badCharacters' | null {
  if ((multiLine ? controlMultiLine : controlSingleLine).test(s) || loneSurrogate.test(s) || nonCharacter.test(s)) return 'badCharacters';
  return null;
}

/** The text as stored: invisible formatting characters removed, NFC, trimmed (after textProblem found nothing). */
export function cleanText(s: string): string {
  return s.replace(invisible, '').normalize('NFC').trim();
}

type TextOptions = { min?: number; multiLine?: boolean };

function base(max: number, opts: TextOptions) {
  return z
    .string({ error: 'text' })
    .max(max * 4, 'tooLong') // a bound before any work on the text
    .superRefine((s, ctx) => {
      const problem = textProblem(s, opts.multiLine);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform(cleanText)
    .superRefine((s, ctx) => {
      const length = [...s].length;
      if (length > max) ctx.addIssue({ code: 'custom', message: 'tooLong', params: { max } });
      else if (length < (opts.min ?? 1)) ctx.addIssue({ code: 'custom', message: 'required' });
    });
}

/** Required text of at most `max` characters (after cleaning). */
export function safeText(max: number, opts: TextOptions = {}) {
  return base(max, opts);
}

/** Optional text: absent, null or blank (after cleaning) become null. */
export function optionalSafeText(max: number, opts: Omit<TextOptions, 'min'> = {}) {
  return base(max, { ...opts, min: 0 })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A search or filter term: cleaned like text, empty allowed (then undefined). */
export function searchText(max: number) {
  return base(max, { min: 0 })
    .optional()
    .transform((v) => (v ? v : undefined));
}

const importedTextSuspect =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u180E]/;

/**
 * Text read from an imported file (CSV/XLSX cells), where refusing a whole file for an invisible character would help
 * nobody: control characters (but tab and line breaks) and invisible formatting characters are removed, lone
 * surrogates become U+FFFD, so nothing that PostgreSQL refuses reaches it.
 */
export function cleanImportedText(s: string): string {
  // most cells hold none of these: one test, then the text as it is
  if (!importedTextSuspect.test(s)) return s;
  return (
    s
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
      .replace(invisible, '')
  );
}
