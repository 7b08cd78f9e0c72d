import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Empty, Table, Td } from '@/components/ui/table';
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
      <Table head={[t('stage'), t('dueOn'), t('share'), t('amount'), t('paidCol'), t('state')]}>
        {ledger.milestones.map((m) => (
          <tr key={m.id} data-testid="milestone-row">
            <Td className="font-medium">{t(`stages.${m.stage}` as 'stages.DOWN_PAYMENT')}</Td>
            <Td>{t(`due.${m.dueOn}` as 'due.SIGNING')}</Td>
            <Td numeric>{`${m.shareBp / 100}%`}</Td>
            <Td numeric>{cell(m.amountFen)}</Td>
            <Td numeric>{cell(m.paidFen)}</Td>
            <Td>
              {m.outstandingFen <= 0n ? (
                <Badge tone="teal">{t('states.paidUp')}</Badge>
              ) : m.due ? (
                <Badge tone="amber">{t('states.due')}</Badge>
              ) : (
                <Badge>{t('states.notDue')}</Badge>
              )}
            </Td>
          </tr>
        ))}
      </Table>
      <div className="mt-5 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t('invoices')}</h3>
          {ledger.invoices.length ? (
            <Table head={[t('issuedOn'), t('invoiceNo'), t('vatRate'), t('amountInclTax'), t('tax')]}>
              {ledger.invoices.map((i) => (
                <tr key={i.id} data-testid="sme-invoice-row">
                  <Td>{date(i.issuedOn)}</Td>
                  <Td className="font-mono">{i.invoiceNo}</Td>
                  <Td numeric>{vatRateText(i.vatRateBp)}</Td>
                  <Td numeric>{cell(i.amountFen)}</Td>
                  <Td numeric>{cell(i.taxFen)}</Td>
                </tr>
              ))}
            </Table>
          ) : (
            <Empty>{t('noInvoices')}</Empty>
          )}
          {staff ? <SmeInvoiceForm projectId={projectId} today={shanghaiToday()} /> : null}
        </section>
        <section>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t('payments')}</h3>
          {ledger.payments.length ? (
            <Table head={[t('receivedOn'), t('stage'), t('amount'), t('reference')]}>
              {ledger.payments.map((x) => (
                <tr key={x.id} data-testid="sme-payment-row">
                  <Td>{date(x.receivedOn)}</Td>
                  <Td>{t(`stages.${ledger.milestones.find((m) => m.id === x.milestoneId)?.stage ?? 'DOWN_PAYMENT'}` as 'stages.DOWN_PAYMENT')}</Td>
                  <Td numeric>{cell(x.amountFen)}</Td>
                  <Td className="max-w-[10rem] truncate">{x.reference ?? ''}</Td>
                </tr>
              ))}
            </Table>
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
