import { formatMoney } from '@/server/domain/money/money';

type T = { has: (k: string) => boolean; (k: string, v?: Record<string, string | number>): string };

/** A cost line's name: the price-book item's label, else its hand-written description. */
export function lineLabel(t: T, line: { itemCode: string | null; description: string | null }): string {
  if (line.description) return line.description;
  const key = `projects.items.${line.itemCode}`;
  return line.itemCode && t.has(key) ? t(key) : (line.itemCode ?? '—');
}

/** A saving line in words: "2 operators freed × monthly wage ¥6,000.00 × 2 shifts". */
export function savingText(t: T, locale: string, kind: string, params: Record<string, unknown>): string {
  const money = (v: unknown) => formatMoney(BigInt(String(v ?? 0)), locale);
  switch (kind) {
    case 'LABOUR':
      return t('projects.savingExplain.LABOUR', {
        operators: Number(params.operatorsFreed),
        wage: money(params.monthlyWageFen),
        shifts: Number(params.shifts),
      });
    case 'SCRAP':
      return t('projects.savingExplain.SCRAP', { rate: Number(params.rateReductionBp) / 100, cost: money(params.monthlyScrapCostFen) });
    case 'ENERGY':
      return t('projects.savingExplain.ENERGY');
    default:
      return t('projects.savingExplain.OTHER', { label: String(params.label ?? '') });
  }
}
