import { getLocale, getTranslations } from 'next-intl/server';
import { CashFlowChart } from '@/components/projects/cash-flow-chart';
import { Card } from '@/components/ui/card';
import { sentenceMoney } from '@/server/domain/money/money';
import type { Payback } from '@/server/domain/projects/payback';

/** Payback as the one rule computes it, saying on which basis ("on the contract price less the approved subsidy…"). */
export async function PaybackCard({ payback }: { payback: Payback | null }) {
  const t = await getTranslations('projects');
  const locale = await getLocale();
  if (!payback) {
    return (
      <Card title={t('detail.payback')}>
        <p className="text-sm text-slate-500" data-testid="payback-verdict">
          {t('payback.noneYet')}
        </p>
      </Card>
    );
  }
  const p = payback;
  const v = p.verdict;
  const tr = p.tracking;
  const investment = t(`payback.investment.${p.basis.investment}`);
  const subsidy = t(`payback.subsidy.${p.basis.subsidy}`);
  const savings = t(`payback.savingsBasis.${p.basis.savings}`);
  const m = sentenceMoney(locale, [p.netFen, p.investmentFen, p.subsidyFen]);
  const monthly = sentenceMoney(locale, [p.monthlyFen]);
  const unpaid = p.basis.subsidy === 'paid' && p.subsidies.approvedFen > p.subsidyFen ? p.subsidies.approvedFen - p.subsidyFen : 0n;
  const trackMoney = tr.kind === 'noData' ? null : sentenceMoney(locale, [tr.measuredFen, tr.expectedFen, tr.differenceFen]);
  return (
    <Card title={t('detail.payback')}>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[22rem_1fr]">
        <div className="space-y-2 text-sm" data-testid="payback">
          <p className="text-lg font-semibold text-teal-800" data-testid="payback-verdict">
            {v.kind === 'months'
              ? t('payback.monthsOn', { months: v.months, investment, subsidy, savings })
              : v.kind === 'paidBackAtOnce'
                ? t('payback.atOnceOn', { investment, subsidy })
                : t('payback.neverOn', { investment, savings })}
          </p>
          <p data-testid="payback-net">
            {t('payback.netLine', {
              net: m(p.netFen),
              investmentLabel: investment,
              investment: m(p.investmentFen),
              subsidyLabel: subsidy,
              subsidy: m(p.subsidyFen),
            })}
          </p>
          <p>
            {p.basis.savings === 'measured'
              ? t('payback.monthlyMeasured', { amount: monthly(p.monthlyFen) })
              : t('payback.monthlyExpected', { amount: monthly(p.monthlyFen) })}
          </p>
          {unpaid ? <p className="text-slate-600">{t('payback.approvedNotPaid', { amount: sentenceMoney(locale, [unpaid])(unpaid) })}</p> : null}
          <p
            className={`rounded-lg px-3 py-2 ${tr.kind === 'behind' ? 'bg-amber-50 text-amber-900' : tr.kind === 'noData' ? 'bg-slate-50 text-slate-600' : 'bg-teal-50 text-teal-900'}`}
            data-testid="payback-tracking"
          >
            {tr.kind === 'noData' || !trackMoney
              ? t('payback.tracking.noData')
              : t(`payback.tracking.${tr.kind}`, {
                  months: tr.months,
                  measured: trackMoney(tr.measuredFen),
                  expected: trackMoney(tr.expectedFen),
                  difference: trackMoney(tr.differenceFen < 0n ? -tr.differenceFen : tr.differenceFen),
                })}
          </p>
        </div>
        <CashFlowChart expected={p.cashFlowExpected.map(String)} actual={p.cashFlow.map(String)} title={t('payback.chart')} />
      </div>
    </Card>
  );
}
