'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { evidenceKinds } from '@/server/domain/funds/evidence-kinds';
import type { FundRule } from '@/server/domain/funds/rules';
import { sectors } from '@/server/domain/inventory/catalogue';
import { parseYuan } from '@/server/domain/money/money';
import { costCategories } from '@/server/domain/projects/codes';
import { type RuleRow, ruleFieldRange, ruleFieldSlots, ruleKinds, toRows, toRules } from './rule-rows';

const fieldLabels: Record<string, 'name' | 'nameEn' | 'budget' | 'periodStart' | 'periodEnd' | 'sectors' | 'rules' | 'evidence' | 'batches'> = {
  name: 'name',
  nameEn: 'nameEn',
  budgetFen: 'budget',
  periodStart: 'periodStart',
  periodEnd: 'periodEnd',
  sectors: 'sectors',
  rules: 'rules',
  evidenceRequired: 'evidence',
  batches: 'batches',
};
/** The label (under "fundAdmin") of each field of a rule, for naming it in a message. */
const ruleFieldLabels: Record<string, string> = {
  freeSharePercent: 'freeSharePercent',
  minFreeMachines: 'minFreeMachines',
  perMachineCapFen: 'perMachineCap',
  rateBp: 'rate',
  capPerFirmFen: 'capPerFirm',
  monthsAfterContract: 'months',
  minMachinesPercent: 'usageMachinesPercent',
  minHoursPercent: 'usageHoursPercent',
  days: 'usageDays',
  caps: 'levelCaps',
  bonuses: 'levelBonuses',
};
type BatchRow = { name: string; opensOn: string; closesOn: string; rate: string };
export type FundFormInitial = {
  name: string;
  nameEn: string;
  budget: string;
  periodStart: string;
  periodEnd: string;
  sectors: string[];
  evidence: string[];
  rules: FundRule[];
  batches: BatchRow[];
};

/** A fund: budget, period, sectors, evidence, and its rules as data (five kinds), with application batches. */
export function FundForm({ id, initial }: { id?: string; initial: FundFormInitial }) {
  const t = useTranslations('fundAdmin');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.fundAdmin.create.mutationOptions());
  const update = useMutation(trpc.fundAdmin.update.mutationOptions());
  const [v, setV] = useState(initial);
  const [rules, setRules] = useState<RuleRow[]>(toRows(initial.rules));
  const [error, setError] = useState<string | null>(null);
  /** Problems of the rules' fields: "<row>.<a|b|c>" (or "<row>.row" for the whole rule) → the message beside it. */
  const [ruleErrors, setRuleErrors] = useState<Record<string, string>>({});
  const toggle = (list: string[], x: string) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  async function submit() {
    setError(null);
    setRuleErrors({});
    try {
      const budgetFen = parseYuan(v.budget);
      if (budgetFen === null) throw new Error('number');
      const input = {
        name: v.name,
        nameEn: v.nameEn || null,
        budgetFen,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        sectors: v.sectors,
        rules: toRules(rules),
        evidenceRequired: v.evidence,
        batches: v.batches.map((b) => ({ name: b.name, opensOn: b.opensOn, closesOn: b.closesOn, rateBp: b.rate ? Math.round(Number(b.rate) * 100) : null })),
      };
      // the same schema as the procedure: a bad value is named here, before it is sent (loaded when first needed,
      // so that the form's first load carries no schema library)
      const { fundInput, ruleIssues } = await import('@/server/domain/funds/fund-input');
      const checked = fundInput.safeParse(input);
      if (!checked.success) {
        // a rule's field is marked where it is typed, with the range allowed; the message names the rule and the field
        const marks: Record<string, string> = {};
        const byRule = new Map<number, { kind: string; parts: string[] }>();
        for (const i of ruleIssues(input.rules, checked.error.issues)) {
          const range = i.min !== null && i.max !== null ? ruleFieldRange(i.field, i.min, i.max) : null;
          const slot = ruleFieldSlots[i.field] ?? 'row';
          if (marks[`${i.rule}.${slot}`]) continue;
          marks[`${i.rule}.${slot}`] = range ? t('ruleRange', range) : t('ruleFieldInvalid');
          const field = ruleFieldLabels[i.field] ? t(ruleFieldLabels[i.field] as 'rate') : t('rules');
          const entry = byRule.get(i.rule) ?? { kind: i.kind ? t(`ruleKinds.${i.kind}`) : '—', parts: [] };
          entry.parts.push(range ? t('ruleProblemRange', { field, ...range }) : t('ruleProblem', { field }));
          byRule.set(i.rule, entry);
        }
        // one sentence per rule, naming its fields
        const sentences = [...byRule].map(([rule, e]) => t('ruleProblems', { n: rule + 1, kind: e.kind, list: e.parts.join(t('ruleListJoin')) }));
        if (sentences.length) {
          setRuleErrors(marks);
          throw new Error(`${sentences.join(' ')} ${t('fixMarked')}`);
        }
        const field = String(checked.error.issues[0]?.path[0] ?? '');
        const label = fieldLabels[field] ? t(fieldLabels[field]) : field;
        throw new Error(t('fieldInvalid', { field: label }));
      }
      const res = id ? await update.mutateAsync({ id, ...checked.data }) : await create.mutateAsync(checked.data);
      router.push(`/funds/${res.id}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message === 'number' ? tAll('validation.number') : (e as Error).message);
    }
  }
  const small = 'w-24 rounded-md border border-slate-300 px-2 py-1 text-right text-sm aria-[invalid=true]:border-red-400 aria-[invalid=true]:bg-red-50';
  return (
    <div className="grid grid-cols-1 gap-6" data-testid="fund-form">
      <section className="grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
        <Field label={t('name')} htmlFor="fname">
          <input id="fname" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} className={inputClass} />
        </Field>
        <Field label={t('nameEn')} htmlFor="fnameEn">
          <input id="fnameEn" value={v.nameEn} onChange={(e) => setV({ ...v, nameEn: e.target.value })} className={inputClass} />
        </Field>
        <Field label={t('budget')} htmlFor="budget">
          <input id="budget" inputMode="decimal" value={v.budget} onChange={(e) => setV({ ...v, budget: e.target.value })} className={inputClass} />
        </Field>
        <div className="grid grid-cols-2 gap-2">
          <Field label={t('periodStart')} htmlFor="ps">
            <input id="ps" type="date" value={v.periodStart} onChange={(e) => setV({ ...v, periodStart: e.target.value })} className={inputClass} />
          </Field>
          <Field label={t('periodEnd')} htmlFor="pe">
            <input id="pe" type="date" value={v.periodEnd} onChange={(e) => setV({ ...v, periodEnd: e.target.value })} className={inputClass} />
          </Field>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('sectors')}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {sectors.map((s) => (
              <label key={s} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={v.sectors.includes(s)} onChange={() => setV({ ...v, sectors: toggle(v.sectors, s) })} />
                {tAll(`enums.sector.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('evidence')}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {evidenceKinds.map((k) => (
              <label key={k} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={v.evidence.includes(k)}
                  onChange={() => setV({ ...v, evidence: toggle(v.evidence, k) })}
                  data-testid={`evidence-${k}`}
                />
                {tAll(`claims.evidenceKinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-800">{t('rules')}</h2>
          <div className="flex flex-wrap gap-1">
            {ruleKinds.map((k) => (
              <Button
                key={k}
                tone="secondary"
                onClick={() =>
                  setRules([
                    ...rules,
                    {
                      kind: k,
                      a: k === 'FREE_SHARE' ? '5' : k === 'SPEND_SHARE' ? '50' : k === 'DEADLINE' ? '6' : k === 'USAGE_REQUIRED' ? '90' : '',
                      b: k === 'FREE_SHARE' ? '1' : k === 'USAGE_REQUIRED' ? '80' : '',
                      c: k === 'USAGE_REQUIRED' ? '30' : '',
                      levels: ['', '', ''],
                      ...(k === 'USAGE_REQUIRED' ? { stage: 'APPROVAL' as const } : {}),
                      // the pilot-city default: kit, software and installation; training left out
                      ...(k === 'ELIGIBLE_COSTS' ? { categories: ['HARDWARE' as const, 'SOFTWARE' as const, 'INSTALLATION' as const] } : {}),
                    },
                  ])
                }
                data-testid={`add-rule-${k}`}
              >
                + {t(`ruleKinds.${k}`)}
              </Button>
            ))}
          </div>
        </div>
        <p className="mt-1 text-xs text-slate-500">{t('rulesVersionNote')}</p>
        <ul className="mt-3 space-y-2">
          {rules.map((r, i) => {
            const set = (patch: Partial<RuleRow>) => setRules(rules.map((x, k) => (k === i ? { ...x, ...patch } : x)));
            const num = (label: string, key: 'a' | 'b' | 'c') => {
              const err = ruleErrors[`${i}.${key}`];
              return (
                <div className="flex flex-col gap-0.5">
                  <label className="flex items-center gap-1.5 text-xs text-slate-600">
                    {label}
                    <input
                      aria-label={label}
                      value={r[key]}
                      onChange={(e) => {
                        set({ [key]: e.target.value });
                        if (err) setRuleErrors(Object.fromEntries(Object.entries(ruleErrors).filter(([k]) => k !== `${i}.${key}`)));
                      }}
                      className={small}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={err ? `rule-${i}-${key}-error` : undefined}
                      data-testid={`rule-${i}-${key}`}
                    />
                  </label>
                  {err ? (
                    <p className="text-right text-xs text-red-700" id={`rule-${i}-${key}-error`} role="alert" data-testid={`rule-${i}-${key}-error`}>
                      {err}
                    </p>
                  ) : null}
                </div>
              );
            };
            return (
              <li
                key={i}
                className={`flex flex-wrap gap-3 rounded-lg border p-2.5 ${Object.keys(ruleErrors).some((k) => k.startsWith(`${i}.`)) ? 'items-start border-red-300' : 'items-center border-slate-200'}`}
                data-testid="rule-row"
              >
                <span className="w-36 text-sm font-medium">{t(`ruleKinds.${r.kind}`)}</span>
                {r.kind === 'FREE_SHARE' ? (
                  <>
                    {num(t('freeSharePercent'), 'a')}
                    {num(t('minFreeMachines'), 'b')}
                    {num(t('perMachineCap'), 'c')}
                    <label className="flex items-center gap-1.5 text-xs text-slate-600">
                      <input type="checkbox" checked={Boolean(r.early)} onChange={(e) => set({ early: e.target.checked })} data-testid={`rule-${i}-early`} />
                      {t('claimableFromQuote')}
                    </label>
                  </>
                ) : r.kind === 'SPEND_SHARE' ? (
                  <>
                    {num(t('rate'), 'a')}
                    {num(t('capPerFirm'), 'b')}
                  </>
                ) : r.kind === 'DEADLINE' ? (
                  num(t('months'), 'a')
                ) : r.kind === 'USAGE_REQUIRED' ? (
                  <>
                    {num(t('usageMachinesPercent'), 'a')}
                    {num(t('usageHoursPercent'), 'b')}
                    {num(t('usageDays'), 'c')}
                    <label className="flex items-center gap-1.5 text-xs text-slate-600">
                      {t('usageStage')}
                      <select
                        value={r.stage ?? 'APPROVAL'}
                        onChange={(e) => set({ stage: e.target.value === 'PAYOUT' ? 'PAYOUT' : 'APPROVAL' })}
                        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                        data-testid={`rule-${i}-stage`}
                      >
                        <option value="APPROVAL">{t('usageStages.APPROVAL')}</option>
                        <option value="PAYOUT">{t('usageStages.PAYOUT')}</option>
                      </select>
                    </label>
                  </>
                ) : r.kind === 'ELIGIBLE_COSTS' ? (
                  <fieldset className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
                    <legend className="sr-only">{t('ruleKinds.ELIGIBLE_COSTS')}</legend>
                    {costCategories.map((cat) => (
                      <label key={cat} className="flex items-center gap-1.5">
                        <input
                          type="checkbox"
                          checked={(r.categories ?? []).includes(cat)}
                          onChange={() => {
                            const now = r.categories ?? [];
                            set({ categories: now.includes(cat) ? now.filter((x) => x !== cat) : [...now, cat] });
                          }}
                          data-testid={`rule-${i}-category-${cat}`}
                        />
                        {tAll(`projects.categories.${cat}`)}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    {r.kind === 'LEVEL_CAP' ? t('levelCaps') : t('levelBonuses')}
                    {[2, 3, 4].map((lv, k) => (
                      <label key={lv} className="flex items-center gap-1">
                        L{lv}
                        <input
                          aria-label={`L${lv}`}
                          value={r.levels[k]}
                          onChange={(e) => set({ levels: r.levels.map((x, j) => (j === k ? e.target.value : x)) as [string, string, string] })}
                          className={small}
                          data-testid={`rule-${i}-level-${lv}`}
                        />
                      </label>
                    ))}
                  </span>
                )}
                <Button
                  tone="secondary"
                  className="ml-auto"
                  onClick={() => {
                    setRules(rules.filter((_, k) => k !== i));
                    setRuleErrors({});
                  }}
                >
                  {t('remove')}
                </Button>
                {ruleErrors[`${i}.row`] ? (
                  <p className="w-full text-xs text-red-700" role="alert">
                    {ruleErrors[`${i}.row`]}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold text-slate-800">{t('batches')}</h2>
          <Button
            tone="secondary"
            onClick={() => setV({ ...v, batches: [...v.batches, { name: '', opensOn: v.periodStart, closesOn: v.periodEnd, rate: '' }] })}
          >
            + {t('addBatch')}
          </Button>
        </div>
        <ul className="mt-3 space-y-2">
          {v.batches.map((b, i) => {
            const set = (patch: Partial<BatchRow>) => setV({ ...v, batches: v.batches.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
            return (
              <li key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-5">
                <input
                  aria-label={t('batchName')}
                  placeholder={t('batchName')}
                  value={b.name}
                  onChange={(e) => set({ name: e.target.value })}
                  className={inputClass}
                />
                <input aria-label={t('opensOn')} type="date" value={b.opensOn} onChange={(e) => set({ opensOn: e.target.value })} className={inputClass} />
                <input aria-label={t('closesOn')} type="date" value={b.closesOn} onChange={(e) => set({ closesOn: e.target.value })} className={inputClass} />
                <input
                  aria-label={t('batchRate')}
                  placeholder={t('batchRate')}
                  value={b.rate}
                  onChange={(e) => set({ rate: e.target.value })}
                  className={inputClass}
                />
                <Button tone="secondary" onClick={() => setV({ ...v, batches: v.batches.filter((_, k) => k !== i) })}>
                  {t('remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      </section>
      <div className="flex items-center gap-3">
        <Button onClick={submit} disabled={create.isPending || update.isPending} data-testid="save-fund">
          {t('save')}
        </Button>
        <FormError message={error} />
      </div>
    </div>
  );
}
