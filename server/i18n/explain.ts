import type { Step } from '../domain/funds/allowance';
import { formatMoney } from '../domain/money/money';
import type { AppLocale } from './locales';
import { serverTranslator } from './messages';

/** A claim's reasoning in words, in either language: the steps joined with "; " (Chinese: "；"). */
export function explainClaim(steps: readonly Step[], locale: AppLocale): string {
  const t = serverTranslator(locale);
  const render = (v: string | number) => (typeof v === 'string' && v.startsWith('fen:') ? formatMoney(BigInt(v.slice(4)), locale) : v);
  return steps
    .map((s) => t(`funds.explain.${s.key}` as Parameters<typeof t>[0], Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, render(v)]))))
    .join(locale === 'zh-CN' ? '；' : '; ');
}
