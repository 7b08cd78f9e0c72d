'use client';

import { useTranslations } from 'next-intl';
import { Field, inputClass } from '@/components/ui/form';
import { type ModuleCode, moduleCodes } from '@/server/domain/projects/codes';
import { PaymentTermsEditor, type TermRow } from './payment-terms-editor';

type Level = 0 | 1 | 2;
export type PlanScope = {
  modules: Set<ModuleCode>;
  softwareYears: number;
  trainingDays: number;
  target: { d: Level; n: Level; i: Level };
  subsidy: string;
  terms: TermRow[];
};

/** What the plan delivers besides machines: modules, years of software, training, the target level, the expected
 * subsidy and the payment terms. */
export function PlanScopeFields({ value, onChange }: { value: PlanScope; onChange: (next: PlanScope) => void }) {
  const t = useTranslations('projects');
  const { modules, softwareYears, trainingDays, target, subsidy, terms } = value;
  const set = (patch: Partial<PlanScope>) => onChange({ ...value, ...patch });
  const setModules = (m: Set<ModuleCode>) => set({ modules: m });
  const setSoftwareYears = (n: number) => set({ softwareYears: n });
  const setTrainingDays = (n: number) => set({ trainingDays: n });
  const setTarget = (x: PlanScope['target']) => set({ target: x });
  const setSubsidy = (s: string) => set({ subsidy: s });
  const setTerms = (rows: TermRow[]) => set({ terms: rows });
  return (
    <section className="grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-4">
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t('plan.modules')}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {moduleCodes
            .filter((m) => m !== 'DATA_COLLECTION')
            .map((m) => (
              <label key={m} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={modules.has(m)}
                  onChange={(e) => {
                    const next = new Set(modules);
                    if (e.target.checked) next.add(m);
                    else next.delete(m);
                    setModules(next);
                  }}
                  className="h-4 w-4 rounded border-slate-300"
                  data-testid={`module-${m}`}
                />
                {t(`modules.${m}`)}
              </label>
            ))}
        </div>
      </fieldset>
      <WholeNumberField id="softwareYears" label={t('plan.softwareYears')} max={10} value={softwareYears} onChange={setSoftwareYears} />
      <WholeNumberField id="trainingDays" label={t('plan.trainingDays')} max={365} value={trainingDays} onChange={setTrainingDays} />
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t('plan.target')}</legend>
        <div className="mt-2 flex gap-2">
          {(['d', 'n', 'i'] as const).map((c) => (
            <select
              key={c}
              aria-label={`${t('plan.target')} ${c.toUpperCase()}`}
              value={target[c]}
              onChange={(e) => setTarget({ ...target, [c]: Number(e.target.value) as 0 | 1 | 2 })}
              className={`${inputClass} w-24`}
            >
              {[0, 1, 2].map((l) => (
                <option key={l} value={l}>
                  {c.toUpperCase()}
                  {l}
                </option>
              ))}
            </select>
          ))}
        </div>
      </fieldset>
      <Field label={t('plan.expectedSubsidy')} htmlFor="subsidy" className="sm:col-span-2">
        <input id="subsidy" inputMode="decimal" value={subsidy} onChange={(e) => setSubsidy(e.target.value)} className={inputClass} />
      </Field>
      <PaymentTermsEditor rows={terms} onChange={setTerms} />
    </section>
  );
}

/** A whole number from 0 to `max` (an empty or invalid entry counts as 0). */
function WholeNumberField({ id, label, max, value, onChange }: { id: string; label: string; max: number; value: number; onChange: (n: number) => void }) {
  return (
    <Field label={label} htmlFor={id}>
      <input id={id} type="number" min={0} max={max} value={value} onChange={(e) => onChange(Number(e.target.value) || 0)} className={inputClass} />
    </Field>
  );
}
