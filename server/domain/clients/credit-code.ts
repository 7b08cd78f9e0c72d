/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015):
 * registration authority (1), entity type (1), division code (6), organisation code (9), check (1).
 * Characters come from 0-9 and the capital letters without I, O, Z, S, V.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'character' | 'checkCharacter';

export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('need the first 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] as string);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * (WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return ALPHABET[c] as string;
}

/** Returns null when the code is valid, otherwise what is wrong with it. */
export function checkCreditCode(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'character';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'checkCharacter';
}

export function normaliseCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}
