'use client';

import { useTranslations } from 'next-intl';
import { inputClass } from '@/components/ui/form';
import { type DueEvent, dueEvents, type PaymentStage, type PaymentTerm, paymentStages } from '@/server/domain/projects/payment-terms';

export type TermRow = { stage: PaymentStage; dueOn: DueEvent; percent: string };

export const termRows = (terms: readonly PaymentTerm[]): TermRow[] =>
  paymentStages.map((stage) => {
    const t = terms.find((x) => x.stage === stage);
    return { stage, dueOn: t?.dueOn ?? 'SIGNING', percent: t ? String(t.shareBp / 100) : '0' };
  });

/** Rows → terms (stages at 0 % left out); null when a share is not a percentage with at most two decimals. */
export function rowsToTerms(rows: readonly TermRow[]): PaymentTerm[] | null {
  const out: PaymentTerm[] = [];
  for (const r of rows) {
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(r.percent.trim() || '0');
    if (!m) return null;
    const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
    if (bp > 0) out.push({ stage: r.stage, dueOn: r.dueOn, shareBp: bp });
  }
  return out;
}

/** The SME's payment schedule in the plan: a share and a due event per stage; the shares must add up to 100 %. */
export function PaymentTermsEditor({ rows, onChange }: { rows: TermRow[]; onChange: (rows: TermRow[]) => void }) {
  const t = useTranslations('projects.ledger');
  const terms = rowsToTerms(rows);
  const total = terms ? terms.reduce((s, x) => s + x.shareBp, 0) / 100 : null;
  return (
    <fieldset className="sm:col-span-2" data-testid="payment-terms">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t('title')}</legend>
      <div className="space-y-2">
        {rows.map((r, i) => (
          <div key={r.stage} className="grid grid-cols-[7rem_5rem_1fr] items-center gap-2 text-sm">
            <span>{t(`stages.${r.stage}`)}</span>
            <span className="flex items-center gap-1">
              <input
                inputMode="decimal"
                aria-label={`${t(`stages.${r.stage}`)} %`}
                value={r.percent}
                onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, percent: e.target.value } : x)))}
                className={`${inputClass} text-right`}
                data-testid={`term-${r.stage}`}
              />
              %
            </span>
            <select
              aria-label={`${t(`stages.${r.stage}`)} · ${t('dueOn')}`}
              value={r.dueOn}
              onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, dueOn: e.target.value as DueEvent } : x)))}
              className={inputClass}
            >
              {dueEvents.map((d) => (
                <option key={d} value={d}>
                  {t(`due.${d}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <p className={`mt-1 text-xs ${total === 100 ? 'text-slate-500' : 'text-red-700'}`} data-testid="terms-total">
        {t('share')}: {total === null ? '—' : `${total}%`}
      </p>
    </fieldset>
  );
}
