'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/form';
import { parseYuan } from '@/server/domain/money/money';

/** One expected saving as typed in the plan editor (strings until the plan is saved). */
export type SavingRow =
  /** staffing: operators per shift before the retrofit, optional (lets results measure operator-hours per part) */
  | { kind: 'LABOUR'; operatorsFreed: string; monthlyWage: string; shifts: string; staffing?: string }
  | { kind: 'SCRAP'; ratePercent: string; monthlyScrapCost: string }
  /** tariff: yuan per kWh, optional (lets results turn energy per part into money) */
  | { kind: 'ENERGY'; amount: string; tariff?: string }
  | { kind: 'OTHER'; amount: string; label: string };

/** The typed rows as the plan's savings input (money in fen); a bad amount throws the given message. */
export function savingsToInput(rows: readonly SavingRow[], notANumber: string) {
  return rows.map((s) => {
    const money = (v: string) => {
      const f = parseYuan(v || '0');
      if (f === null) throw new Error(notANumber);
      return f;
    };
    switch (s.kind) {
      case 'LABOUR':
        return {
          kind: s.kind,
          operatorsFreed: Number(s.operatorsFreed) || 0,
          monthlyWageFen: money(s.monthlyWage),
          shifts: Number.parseInt(s.shifts, 10) || 0,
          operatorsPerShift: s.staffing?.trim() ? Number(s.staffing) || null : null,
        };
      case 'SCRAP':
        return { kind: s.kind, rateReductionBp: Math.round((Number(s.ratePercent) || 0) * 100), monthlyScrapCostFen: money(s.monthlyScrapCost) };
      case 'ENERGY':
        return {
          kind: s.kind,
          monthlyFen: money(s.amount),
          tariffFenPerKwh: s.tariff?.trim() ? Number(money(s.tariff)) || null : null,
        };
      default:
        return { kind: s.kind, monthlyFen: money(s.amount), label: s.label || '—' };
    }
  });
}

/** The plan's expected savings: labour, scrap, energy, other — each line explained as it is typed. */
export function SavingsEditor({ rows, onChange }: { rows: SavingRow[]; onChange: (rows: SavingRow[]) => void }) {
  const t = useTranslations('projects');
  const tAll = useTranslations();
  const num = 'w-20 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums';
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-800">{t('plan.savings')}</h2>
        <div className="flex flex-wrap gap-2">
          {(['LABOUR', 'SCRAP', 'ENERGY', 'OTHER'] as const).map((k) => (
            <Button
              key={k}
              tone="secondary"
              data-testid={`add-saving-${k}`}
              onClick={() =>
                onChange([
                  ...rows,
                  k === 'LABOUR'
                    ? { kind: k, operatorsFreed: '1', monthlyWage: '6000', shifts: '1' }
                    : k === 'SCRAP'
                      ? { kind: k, ratePercent: '1', monthlyScrapCost: '0' }
                      : k === 'ENERGY'
                        ? { kind: k, amount: '0' }
                        : { kind: k, amount: '0', label: '' },
                ])
              }
            >
              + {t(`savingKinds.${k}`)}
            </Button>
          ))}
        </div>
      </div>
      <ul className="mt-3 space-y-2">
        {rows.map((s, i) => {
          const set = (patch: Partial<SavingRow>) => onChange(rows.map((x, k) => (k === i ? ({ ...x, ...patch } as SavingRow) : x)));
          const input = (label: string, value: string, key: string) => (
            <label className="flex items-center gap-1.5 text-xs text-slate-600">
              {label}
              <input
                aria-label={label}
                value={value}
                onChange={(e) => set({ [key]: e.target.value } as Partial<SavingRow>)}
                className={num}
                data-testid={`saving-${i}-${key}`}
              />
            </label>
          );
          return (
            <li key={i} className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-2.5">
              <span className="w-14 text-sm font-medium">{t(`savingKinds.${s.kind}`)}</span>
              {s.kind === 'LABOUR' ? (
                <>
                  {input(t('operatorsFreed'), s.operatorsFreed, 'operatorsFreed')}
                  {input(t('monthlyWage'), s.monthlyWage, 'monthlyWage')}
                  {input(t('shifts'), s.shifts, 'shifts')}
                  {input(t('staffingBefore'), s.staffing ?? '', 'staffing')}
                </>
              ) : s.kind === 'SCRAP' ? (
                <>
                  {input(t('rateReduction'), s.ratePercent, 'ratePercent')}
                  {input(t('monthlyScrapCost'), s.monthlyScrapCost, 'monthlyScrapCost')}
                </>
              ) : (
                <>
                  {s.kind === 'OTHER' ? input(t('label'), s.label, 'label') : null}
                  {input(t('monthlyAmount'), s.amount, 'amount')}
                  {s.kind === 'ENERGY' ? input(t('tariff'), s.tariff ?? '', 'tariff') : null}
                </>
              )}
              <Button tone="secondary" className="ml-auto" onClick={() => onChange(rows.filter((_, k) => k !== i))}>
                {tAll('actions.remove')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
