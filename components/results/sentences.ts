import { formatMoney, sentenceMoney } from '@/server/domain/money/money';

type Step = { key: string; params: Record<string, string | number> };
type T = (key: string, params?: Record<string, string | number>) => string;

/**
 * The working of a measured result in words: each step's message under "results.steps", its money (`fen:…`) in one
 * unit per sentence (万元 in Chinese when the largest amount reaches 1 万元).
 */
export function resultSentences(t: T, locale: string, steps: readonly Step[]): string[] {
  return steps.map((s) => {
    const amounts = Object.values(s.params)
      .filter((v): v is string => typeof v === 'string' && v.startsWith('fen:'))
      .map((v) => BigInt(v.slice(4)));
    const m = amounts.length ? sentenceMoney(locale, amounts) : (f: bigint) => formatMoney(f, locale);
    const params = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('fen:') ? m(BigInt(v.slice(4))) : v]));
    return t(`steps.${s.key}`, params);
  });
}
