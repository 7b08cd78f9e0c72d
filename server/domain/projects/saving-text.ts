/**
 * A savings line in words ("2 operators freed × monthly wage ¥6,000.00 × 2 shifts"), from its stored params read
 * through the one contract of a stored line (server/domain/results/accepted.ts `savingsFromStored`). A line whose
 * figures are missing or unreadable (an older or hand-made record: `{}` for a labour line) says so in words instead of
 * rendering "NaN operators × ¥0.00 × NaN shifts"; its monthly amount is shown beside it as stated.
 */
import { formatMoney } from '../money/money';
import { savingsFromStored } from '../results/accepted';

type T = (k: string, v?: Record<string, string | number>) => string;

export function savingText(t: T, locale: string, kind: string, params: unknown): string {
  const stored = params && typeof params === 'object' && !Array.isArray(params) ? params : {};
  const s = savingsFromStored({ ...stored, kind });
  if (!s) return t('projects.savingExplain.notRecorded');
  switch (s.kind) {
    case 'LABOUR':
      return t('projects.savingExplain.LABOUR', { operators: s.operatorsFreed, wage: formatMoney(s.monthlyWageFen, locale), shifts: s.shifts });
    case 'SCRAP':
      return t('projects.savingExplain.SCRAP', { rate: s.rateReductionBp / 100, cost: formatMoney(s.monthlyScrapCostFen, locale) });
    case 'ENERGY':
      return t('projects.savingExplain.ENERGY');
    default:
      return t('projects.savingExplain.OTHER', { label: s.label });
  }
}
