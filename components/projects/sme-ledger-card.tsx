import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Empty } from '@/components/ui/table';
import { formatMoney, formatYuan } from '@/server/domain/money/money';
import { vatRateText } from '@/server/domain/projects/vat';
import { shanghaiToday } from '@/server/domain/time';
import type { SmeLedger } from '@/server/services/projects/sme-ledger';
import { SmeInvoiceForm, SmePaymentForm } from './ledger-forms';

/** The SME's side of the project: contract, payment schedule, invoices issued to it, payments received. */
export async function SmeLedgerCard({
  projectId,
  ledger,
  contract,
  staff,
}: {
  projectId: string;
  ledger: SmeLedger;
  contract: { number: string; at: Date } | null;
  staff: boolean;
}) {
  const t = await getTranslations('projects.ledger');
  const locale = await getLocale();
  const format = await getFormatter();
  const money = (f: bigint) => formatMoney(f, locale);
  const cell = (f: bigint) => formatYuan(f);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  if (ledger.contractFen === null) {
    return (
      <Card title={t('title')}>
        <p className="text-sm text-slate-500" data-testid="ledger-no-contract">
          {t('noContract')}
        </p>
      </Card>
    );
  }
  return (
    <Card
      title={t('title')}
      action={
        contract ? (
          <span className="text-xs text-slate-500">
            {t('contractFrom', { number: contract.number, date: format.dateTime(contract.at, { dateStyle: 'medium' }) })}
          </span>
        ) : null
      }
    >
      <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" data-testid="ledger-totals">
        {(
          [
            ['contractPrice', ledger.contractFen],
            ['invoiced', ledger.invoicedFen],
            ['paid', ledger.paidFen],
            ['outstanding', ledger.outstandingFen],
            ['dueNow', ledger.dueNowFen],
          ] as const
        ).map(([k, v]) => (
          <div key={k} className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-500">{t(k)}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`ledger-${k}`}>
              {money(v)}
            </dd>
          </div>
        ))}
      </dl>
      {/* a list, not a wide table: on a phone every stage's amount and state stay in view */}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
        {ledger.milestones.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-3 py-2" data-testid="milestone-row">
            <div className="min-w-0">
              <div className="font-medium">
                {t(`stages.${m.stage}` as 'stages.DOWN_PAYMENT')} <span className="font-normal text-slate-500">· {`${m.shareBp / 100}%`}</span>
              </div>
              <div className="text-xs text-slate-500">{t(`due.${m.dueOn}` as 'due.SIGNING')}</div>
            </div>
            <div className="flex items-center gap-3">
              <div className="text-right tabular-nums">
                <div>{cell(m.amountFen)}</div>
                <div className="text-xs text-slate-500">
                  {t('paidCol')} {cell(m.paidFen)}
                </div>
              </div>
              {m.outstandingFen <= 0n ? (
                <Badge tone="teal">{t('states.paidUp')}</Badge>
              ) : m.due ? (
                <Badge tone="amber">{t('states.due')}</Badge>
              ) : (
                <Badge>{t('states.notDue')}</Badge>
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-5 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t('invoices')}</h3>
          {ledger.invoices.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {ledger.invoices.map((i) => (
                <li key={i.id} className="flex flex-wrap justify-between gap-x-4 py-2" data-testid="sme-invoice-row">
                  <div>
                    <div className="font-mono">{i.invoiceNo}</div>
                    <div className="text-xs text-slate-500">
                      {date(i.issuedOn)} · {t('vatRate')} {vatRateText(i.vatRateBp)}
                    </div>
                  </div>
                  <div className="text-right tabular-nums">
                    <div>{cell(i.amountFen)}</div>
                    <div className="text-xs text-slate-500">
                      {t('tax')} {cell(i.taxFen)}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('noInvoices')}</Empty>
          )}
          {staff ? <SmeInvoiceForm projectId={projectId} today={shanghaiToday()} /> : null}
        </section>
        <section>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t('payments')}</h3>
          {ledger.payments.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {ledger.payments.map((x) => (
                <li key={x.id} className="flex flex-wrap justify-between gap-x-4 py-2" data-testid="sme-payment-row">
                  <div className="min-w-0">
                    <div>{t(`stages.${ledger.milestones.find((m) => m.id === x.milestoneId)?.stage ?? 'DOWN_PAYMENT'}` as 'stages.DOWN_PAYMENT')}</div>
                    <div className="truncate text-xs text-slate-500">
                      {date(x.receivedOn)}
                      {x.reference ? ` · ${x.reference}` : ''}
                    </div>
                  </div>
                  <div className="tabular-nums">{cell(x.amountFen)}</div>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('noPayments')}</Empty>
          )}
          {staff ? (
            <SmePaymentForm
              projectId={projectId}
              today={shanghaiToday()}
              stages={ledger.milestones
                .filter((m) => m.outstandingFen > 0n)
                .map((m) => ({ id: m.id, label: `${t(`stages.${m.stage}` as 'stages.DOWN_PAYMENT')} · ${cell(m.outstandingFen)}` }))}
            />
          ) : null}
        </section>
      </div>
      <p className="mt-4 text-xs text-slate-500" data-testid="ledger-eligible">
        {t('eligible', { amount: money(ledger.eligibleFen) })}
      </p>
    </Card>
  );
}
