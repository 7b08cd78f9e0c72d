import { describe, expect, it } from 'vitest';
import { serverTranslator } from '../../i18n/messages';
import { savingText } from './saving-text';

const tr = (locale: 'en' | 'zh-CN') => {
  const t = serverTranslator(locale);
  return (k: string, v?: Record<string, string | number>) => t(k as Parameters<typeof t>[0], v);
};

describe('a savings line in words, never NaN', () => {
  it.each([
    // [locale, kind, params, text]
    ['en', 'LABOUR', { operatorsFreed: 1.5, monthlyWageFen: '640000', shifts: 2 }, '1.5 operators freed × monthly wage ¥6,400.00 × 2 shifts'],
    ['zh-CN', 'LABOUR', { operatorsFreed: 1.5, monthlyWageFen: '640000', shifts: 2 }, '减少 1.5 名操作工 × 月工资 ¥6,400.00 × 2 班'],
    ['en', 'SCRAP', { rateReductionBp: 150, monthlyScrapCostFen: '1000000' }, 'scrap rate down 1.5% × monthly scrap cost ¥10,000.00'],
    ['en', 'OTHER', { monthlyFen: '100', label: 'Less rework' }, 'Less rework'],
    // a labour line stored without its figures (the acceptance-pack fixture, older records)
    ['en', 'LABOUR', {}, 'figures not recorded: the amount as stated'],
    ['zh-CN', 'LABOUR', {}, '未记录计算依据，按所填金额计'],
    ['en', 'SCRAP', { rateReductionBp: null, monthlyScrapCostFen: '100' }, 'figures not recorded: the amount as stated'],
    ['en', 'LABOUR', { operatorsFreed: 'two', monthlyWageFen: '1', shifts: 1 }, 'figures not recorded: the amount as stated'],
    ['zh-CN', 'ENERGY', null, '未记录计算依据，按所填金额计'],
  ] as const)('%s %s %j → %s', (locale, kind, params, text) => {
    const out = savingText(tr(locale), locale, kind, params);
    expect(out).toBe(text);
    expect(out).not.toMatch(/NaN|undefined/);
  });
});
