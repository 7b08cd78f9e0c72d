import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { lineLabel } from '@/components/projects/labels';
import { PdfButton } from '@/components/projects/pdf-button';
import { PrintButton } from '@/components/projects/print-button';
import { localName } from '@/components/ui/names';
import { ScrollArea } from '@/components/ui/scroll-area';
import { fenToCapital } from '@/server/domain/money/capital';
import { formatYuan } from '@/server/domain/money/money';
import { savingText } from '@/server/domain/projects/saving-text';
import { vatRateText } from '@/server/domain/projects/vat';
import { dateOnly } from '@/server/domain/time';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

/** The quote as a document: frozen content, A4 when printed (and rendered to PDF by /api/v1/quotes/[id]/pdf). */
export default async function QuotePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ pdf?: string }> }) {
  const { id } = await params;
  const { pdf } = await searchParams;
  const api = await getServerCaller();
  const q = await orNotFound(() => api.projects.quote({ id }));
  const s = q.snapshot;
  const t = await getTranslations('projects');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const money = (v: bigint) => formatYuan(v); // a formal document: yuan with fen, every figure alike
  const total = s.totalFen;
  const subsidy = s.expectedSubsidyFen;
  const day = (iso: string) => format.dateTime(dateOnly(iso), { dateStyle: 'long', timeZone: 'UTC' });
  const issuerName = localName(locale, s.issuer.name, s.issuer.nameEn);
  const issuerAddress = locale.startsWith('zh') ? s.issuer.address : (s.issuer.addressEn ?? s.issuer.address);
  return (
    <article
      className="mx-auto max-w-[210mm] bg-white p-4 text-[13px] sm:p-10 leading-relaxed text-slate-900 shadow print:max-w-none print:p-0 print:shadow-none"
      data-testid="quote-document"
    >
      <style>{'@page { size: A4; margin: 16mm 14mm; } @media print { .no-print { display: none !important; } tr, li { break-inside: avoid; } }'}</style>
      {pdf ? null : (
        <div className="no-print mb-6 flex justify-end gap-2">
          <PrintButton label={t('quote.print')} />
          <PdfButton quoteId={q.id} fileName={`${q.number}.pdf`} />
        </div>
      )}
      <header className="flex flex-col gap-3 border-b-2 border-teal-700 pb-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold">{t('quote.title')}</h1>
          <p className="mt-1 text-slate-600">{s.title}</p>
        </div>
        <dl className="text-xs sm:text-right">
          <div>
            <dt className="inline text-slate-500">{t('quote.number')}: </dt>
            <dd className="inline font-mono">{q.number}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t('quote.date')}: </dt>
            <dd className="inline">{format.dateTime(q.issuedAt, { dateStyle: 'long' })}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t('quote.status')}: </dt>
            <dd className="inline">{t(`detail.decisions.${q.decision ?? 'open'}` as 'detail.decisions.open')}</dd>
          </div>
        </dl>
      </header>
      {q.decision === 'SUPERSEDED' ? <p className="mt-3 rounded bg-amber-50 px-3 py-1.5 text-amber-900">{t('quote.superseded')}</p> : null}
      <section className="mt-4 grid grid-cols-2 gap-4">
        <div>
          <div className="text-xs text-slate-500">{t('quote.client')}</div>
          <div className="font-medium">{localName(locale, s.smeClient.legalName, s.smeClient.legalNameEn)}</div>
          <div className="text-xs text-slate-500">
            {t('quote.creditCode')}: <span className="font-mono">{s.smeClient.creditCode ?? '—'}</span>
          </div>
        </div>
        <div className="text-right">
          <div className="text-xs text-slate-500">{t('quote.target')}</div>
          <div className="font-mono text-lg font-semibold text-teal-800">{s.target}</div>
        </div>
      </section>
      <section className="mt-5">
        <h2 className="mb-2 font-semibold">{t('quote.lines')}</h2>
        <ScrollArea label={t('quote.lines')}>
          <table className="w-full border-collapse text-[12px]">
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-500">
                <th className="py-1.5 pr-2">{t('plan.category')}</th>
                <th className="py-1.5 pr-2">{t('plan.description')}</th>
                <th className="py-1.5 pr-2 text-right">{t('plan.quantity')}</th>
                <th className="py-1.5 pr-2 text-right">{t('plan.unitPrice')}</th>
                <th className="py-1.5 pr-2 text-right">{t('quote.vatRate')}</th>
                <th className="py-1.5 text-right">{t('plan.total')}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l, i) => (
                <tr key={i} className="border-b border-slate-100">
                  <td className="py-1 pr-2">{t(`categories.${l.category}` as 'categories.HARDWARE')}</td>
                  <td className="py-1 pr-2">{lineLabel(tAll as never, l)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{l.quantity}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{money(l.unitPriceFen)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{vatRateText(l.vatRateBp)}</td>
                  <td className="py-1 text-right tabular-nums">{money(l.totalFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <td colSpan={5} className="pt-2">
                  {t('quote.totals')}
                </td>
                <td className="pt-2 text-right tabular-nums" data-testid="quote-total">
                  {money(total)}
                </td>
              </tr>
              <tr className="text-slate-600">
                <td colSpan={5}>{t('quote.tax')}</td>
                <td className="text-right tabular-nums">{money(s.taxFen)}</td>
              </tr>
              <tr>
                <td colSpan={6} className="pt-1" data-testid="quote-total-words">
                  {t('quote.totalInWords')}
                  {locale.startsWith('zh') ? '：' : ': '}
                  {fenToCapital(total)}
                </td>
              </tr>
              <tr>
                <td colSpan={5}>{t('quote.subsidy')}</td>
                <td className="text-right tabular-nums">−{money(subsidy)}</td>
              </tr>
              <tr className="font-semibold">
                <td colSpan={5}>{t('quote.net')}</td>
                <td className="text-right tabular-nums">{money(total - subsidy)}</td>
              </tr>
              <tr>
                <td colSpan={6} className="pt-1 text-[11px] text-slate-500">
                  {t('quote.inclTax')}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollArea>
      </section>
      <section className="mt-5 grid gap-4 sm:grid-cols-2 sm:gap-6">
        <div>
          <h2 className="mb-1 font-semibold">{t('quote.savings')}</h2>
          <ul className="space-y-0.5">
            {s.savings.map((x, i) => (
              <li key={i} className="flex justify-between gap-2">
                <span>{savingText(tAll as never, locale, x.kind, x.params)}</span>
                <span className="tabular-nums">{money(x.monthlyFen)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 font-semibold">{money(s.monthlySavingsFen)}</p>
        </div>
        <div>
          <h2 className="mb-1 font-semibold">{t('quote.payback')}</h2>
          <p className="text-lg font-semibold text-teal-800">
            {s.payback.verdict.kind === 'months'
              ? t('payback.monthsOn', {
                  months: s.payback.verdict.months,
                  investment: t('payback.investment.quoted'),
                  subsidy: t('payback.subsidy.expected'),
                  savings: t('payback.savingsBasis.expected'),
                })
              : s.payback.verdict.kind === 'paidBackAtOnce'
                ? t('payback.paidBackAtOnce')
                : t('payback.neverPaysBack')}
          </p>
        </div>
      </section>
      <section className="mt-5">
        <h2 className="mb-1 font-semibold">
          {t('quote.machines')} ({s.machines.length})
        </h2>
        <p className="text-[11px] text-slate-600">{s.machines.map((m) => `${m.assetTag} ${kindLabel(tAll as never, m.kind)}`).join('；')}</p>
      </section>
      <section className="mt-5" data-testid="quote-schedule">
        <h2 className="mb-1 font-semibold">{t('quote.schedule')}</h2>
        <ol className="list-decimal space-y-0.5 pl-5">
          {s.paymentTerms.map((x) => (
            <li key={x.stage} className="flex justify-between gap-3">
              <span>{t('quote.scheduleRow', { stage: t(`ledger.stages.${x.stage}`), share: `${x.shareBp / 100}%`, due: t(`ledger.due.${x.dueOn}`) })}</span>
              <span className="tabular-nums">{money(x.amountFen)}</span>
            </li>
          ))}
        </ol>
        <p className="mt-2 text-slate-600" data-testid="quote-valid-until">
          {t('quote.validUntil', { date: day(s.validUntil) })}
        </p>
      </section>
      <section className="mt-8 break-inside-avoid" data-testid="quote-signatures">
        {/* a column per party, its particulars above its signature lines; side by side the two rows are shared, so
            that both parties' signature lines sit level whatever their particulars (on a phone, one party after the other) */}
        <div className="grid grid-cols-1 gap-x-8 gap-y-6 sm:grid-flow-col sm:grid-cols-2 sm:grid-rows-[auto_auto]">
          {(
            [
              ['clientParty', localName(locale, s.smeClient.legalName, s.smeClient.legalNameEn), s.smeClient.creditCode, null, null],
              ['issuerParty', issuerName, s.issuer.creditCode, issuerAddress, s.issuer.phone],
            ] as const
          ).flatMap(([k, name, code, address, phone]) => [
            <div key={k} className="space-y-1">
              <div className="text-xs text-slate-500">{t(`quote.${k}`)}</div>
              <div className="font-medium">{name || '—'}</div>
              <div className="text-xs text-slate-500">
                {t('quote.creditCode')}: <span className="font-mono">{code ?? '—'}</span>
              </div>
              {address ? (
                <div className="text-xs text-slate-500">
                  {t('quote.address')}: {address}
                </div>
              ) : null}
              {phone ? (
                <div className="text-xs text-slate-500">
                  {t('quote.phone')}: {phone}
                </div>
              ) : null}
            </div>,
            <div key={`${k}-sign`} className="space-y-3">
              <div className="flex items-end gap-1">
                {t('quote.signature')}:<span className="inline-block h-5 min-w-0 max-w-48 flex-1 border-b border-slate-900" />
              </div>
              <div className="flex items-center gap-3">
                {t('quote.seal')}:
                <div className="h-20 w-20 rounded-full border border-dashed border-slate-300" aria-hidden />
              </div>
              <div className="whitespace-nowrap">{t('quote.dateLine')}: ______ / ____ / ____</div>
            </div>,
          ])}
        </div>
      </section>
    </article>
  );
}
