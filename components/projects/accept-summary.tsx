import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { sentenceMoney } from '@/server/domain/money/money';
import type { QuoteSnapshot } from '@/server/domain/projects/quote-snapshot';
import { dateOnly } from '@/server/domain/time';

/** What accepting a quote commits the SME to: the price with VAT, the payment stages, the subsidy expected, payback. */
export async function AcceptSummary({ quote }: { quote: QuoteSnapshot & { id: string } }) {
  const t = await getTranslations('projects');
  const locale = await getLocale();
  const format = await getFormatter();
  const m = sentenceMoney(locale, [quote.totalFen]);
  const v = quote.payback.verdict;
  return (
    <div data-testid="accept-summary">
      <p>{t('accept.price', { price: m(quote.totalFen) })}</p>
      <ul className="my-2 space-y-1 rounded-lg bg-slate-50 px-3 py-2">
        {quote.paymentTerms.map((s) => (
          <li key={s.stage} className="flex justify-between gap-3">
            <span>
              {t(`ledger.stages.${s.stage}`)} · {t(`ledger.due.${s.dueOn}`)}
            </span>
            <span className="tabular-nums">{m(s.amountFen)}</span>
          </li>
        ))}
      </ul>
      <p>{t('accept.subsidy', { amount: sentenceMoney(locale, [quote.expectedSubsidyFen])(quote.expectedSubsidyFen) })}</p>
      {v.kind === 'months' ? <p>{t('accept.payback', { months: v.months })}</p> : null}
      <p className="text-slate-500">{t('accept.validUntil', { date: format.dateTime(dateOnly(quote.validUntil), { dateStyle: 'long', timeZone: 'UTC' }) })}</p>
      <p>
        <Link href={`/quotes/${quote.id}`} className="text-teal-800 underline">
          {t('accept.read')}
        </Link>
      </p>
    </div>
  );
}
