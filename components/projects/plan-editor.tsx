'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { controlTypes } from '@/server/domain/inventory/catalogue';
import { fenToDecimal, formatMoney, parseYuan } from '@/server/domain/money/money';
import { type CostCategory, costCategories, type ModuleCode, moduleCodes } from '@/server/domain/projects/codes';
import type { PaymentTerm } from '@/server/domain/projects/payment-terms';
import { lineLabel } from './labels';
import { PaymentTermsEditor, rowsToTerms, type TermRow, termRows } from './payment-terms-editor';
import { type SavingRow, SavingsEditor, savingsToInput } from './savings-editor';

export type PickableMachine = { id: string; assetTag: string; kindLabel: string; controlType: string; status: string; location: string; workshop: string };
type LineRow = { category: CostCategory; itemCode: string | null; description: string; quantity: string; unitPrice: string; manual: boolean };
export type PlanInitial = {
  title: string;
  machineIds: string[];
  modules: ModuleCode[];
  softwareYears: number;
  trainingDays: number;
  target: { d: 0 | 1 | 2; n: 0 | 1 | 2; i: 0 | 1 | 2 };
  savings: SavingRow[];
  expectedSubsidy: string;
  paymentTerms: readonly PaymentTerm[];
  lines: LineRow[] | null;
};

/** The plan: machines from the inventory, modules, cost lines from the price book (editable), savings, target. */
export function PlanEditor({
  smeClientId,
  projectId,
  machines,
  initial,
}: {
  smeClientId: string;
  projectId?: string;
  machines: PickableMachine[];
  initial: PlanInitial;
}) {
  const t = useTranslations('projects');
  const tAll = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.projects.create.mutationOptions());
  const update = useMutation(trpc.projects.updatePlan.mutationOptions());
  const [title, setTitle] = useState(initial.title);
  const [selected, setSelected] = useState<Set<string>>(new Set(initial.machineIds));
  const [filter, setFilter] = useState({ workshop: '', line: '', kind: '', control: '', q: '' });
  const [modules, setModules] = useState<Set<ModuleCode>>(new Set(initial.modules));
  const [softwareYears, setSoftwareYears] = useState(initial.softwareYears);
  const [trainingDays, setTrainingDays] = useState(initial.trainingDays);
  const [target, setTarget] = useState(initial.target);
  const [savings, setSavings] = useState<SavingRow[]>(initial.savings);
  const [subsidy, setSubsidy] = useState(initial.expectedSubsidy);
  const [lines, setLines] = useState<LineRow[] | null>(initial.lines);
  const [terms, setTerms] = useState<TermRow[]>(termRows(initial.paymentTerms));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const workshops = useMemo(() => [...new Set(machines.map((m) => m.workshop).filter(Boolean))].sort(), [machines]);
  const kinds = useMemo(() => [...new Set(machines.map((m) => m.kindLabel))].sort(), [machines]);
  const lineOptions = useMemo(
    () =>
      [
        ...new Set(
          machines
            .filter((m) => !filter.workshop || m.workshop === filter.workshop)
            .map((m) => m.location)
            .filter(Boolean),
        ),
      ].sort(),
    [machines, filter.workshop],
  );
  const shown = machines.filter(
    (m) =>
      (!filter.workshop || m.workshop === filter.workshop) &&
      (!filter.line || m.location === filter.line) &&
      (!filter.kind || m.kindLabel === filter.kind) &&
      (!filter.control || m.controlType === filter.control) &&
      (!filter.q || m.assetTag.toLowerCase().includes(filter.q.toLowerCase())),
  );
  const pickable = shown.filter((m) => m.status !== 'RETIRED');
  const preview = useQuery({
    ...trpc.projects.previewLines.queryOptions({ smeClientId, machineIds: [...selected], modules: [...modules], softwareYears, trainingDays }),
    enabled: lines === null && selected.size > 0,
  });
  const generated: LineRow[] = (preview.data ?? []).map((l) => ({
    category: l.category,
    itemCode: l.itemCode,
    description: '',
    quantity: String(l.quantity),
    unitPrice: fenToDecimal(l.unitPriceFen),
    manual: false,
  }));
  const rows = lines ?? (selected.size ? generated : []);
  const rowTotal = (r: LineRow) => (parseYuan(r.unitPrice) ?? 0n) * BigInt(Number.parseInt(r.quantity, 10) || 0);
  const total = rows.reduce((s, r) => s + rowTotal(r), 0n);
  const editLines = (fn: (rs: LineRow[]) => LineRow[]) => setLines(fn(rows.map((r) => ({ ...r }))));

  async function submit() {
    setError(null);
    setBusy(true);
    try {
      const expectedSubsidyFen = parseYuan(subsidy || '0');
      if (expectedSubsidyFen === null) throw new Error(tAll('validation.number'));
      const paymentTerms = rowsToTerms(terms);
      if (!paymentTerms || paymentTerms.reduce((s, x) => s + x.shareBp, 0) !== 10_000) throw new Error(tAll('errors.plan.terms.sharesNot100'));
      const input = {
        paymentTerms,
        title,
        machineIds: [...selected],
        modules: [...modules],
        softwareYears,
        trainingDays,
        target,
        savings: savingsToInput(savings, tAll('validation.number')),
        expectedSubsidyFen,
        lines:
          lines === null
            ? undefined
            : lines.map((l) => {
                const unitPriceFen = parseYuan(l.unitPrice);
                if (unitPriceFen === null || unitPriceFen < 0n) throw new Error(tAll('validation.number'));
                return {
                  category: l.category,
                  itemCode: l.itemCode,
                  description: l.description || null,
                  quantity: Number.parseInt(l.quantity, 10) || 0,
                  unitPriceFen,
                  manual: l.manual,
                };
              }),
      };
      // the same schema as the procedure (loaded at the first save, so the page stays light): a bad value is named here
      const { planInput } = await import('@/server/domain/projects/plan-input');
      const checked = planInput.safeParse(input);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const key = issue && tAll.has(`validation.${issue.message}`) ? issue.message : 'invalid';
        throw new Error(tAll('errors.invalidInputAt', { field: issue?.path.join('.') || '—', problem: tAll(`validation.${key}`) }));
      }
      const res = projectId ? await update.mutateAsync({ id: projectId, ...input }) : await create.mutateAsync({ smeClientId, ...input });
      router.push(`/projects/${res.id}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  const num = 'w-20 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums';
  return (
    <div className="grid grid-cols-1 gap-6" data-testid="plan-editor">
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <Field label={t('plan.titleLabel')} htmlFor="title">
          <input id="title" value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
        </Field>
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-800">{t('plan.pick')}</h2>
          <span className="text-sm font-medium text-teal-800" data-testid="selected-count">
            {t('plan.selected', { count: selected.size })}
          </span>
        </div>
        <p className="mt-1 text-sm text-slate-600">{t('plan.pickIntro')}</p>
        <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-5">
          <input
            placeholder={tAll('machines.assetTag')}
            aria-label={tAll('machines.assetTag')}
            value={filter.q}
            onChange={(e) => setFilter({ ...filter, q: e.target.value })}
            className={inputClass}
          />
          <select
            aria-label={tAll('machines.workshop')}
            value={filter.workshop}
            onChange={(e) => setFilter({ ...filter, workshop: e.target.value, line: '' })}
            className={inputClass}
            data-testid="filter-workshop"
          >
            <option value="">{tAll('machines.allWorkshops')}</option>
            {workshops.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
          <select
            aria-label={tAll('machines.line')}
            value={filter.line}
            onChange={(e) => setFilter({ ...filter, line: e.target.value })}
            className={inputClass}
            data-testid="filter-line"
          >
            <option value="">{tAll('machines.allLines')}</option>
            {lineOptions.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          <select
            aria-label={tAll('machines.kind')}
            value={filter.kind}
            onChange={(e) => setFilter({ ...filter, kind: e.target.value })}
            className={inputClass}
          >
            <option value="">{tAll('machines.allKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <select
            aria-label={tAll('machines.controlType')}
            value={filter.control}
            onChange={(e) => setFilter({ ...filter, control: e.target.value })}
            className={inputClass}
          >
            <option value="">{tAll('machines.allControlTypes')}</option>
            {controlTypes.map((c) => (
              <option key={c} value={c}>
                {tAll(`enums.controlType.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="mt-2 flex gap-2">
          <Button tone="secondary" onClick={() => setSelected(new Set([...selected, ...pickable.map((m) => m.id)]))} data-testid="select-all">
            {t('plan.selectAll')}
          </Button>
          <Button tone="secondary" onClick={() => setSelected(new Set())}>
            {t('plan.clear')}
          </Button>
        </div>
        <div className="mt-3 max-h-72 overflow-auto rounded-lg border border-slate-200">
          {shown.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {shown.slice(0, 500).map((m) => (
                <li key={m.id}>
                  <label className={`flex items-center gap-3 px-3 py-1.5 ${m.status === 'RETIRED' ? 'text-slate-400' : ''}`}>
                    <input
                      type="checkbox"
                      disabled={m.status === 'RETIRED'}
                      checked={selected.has(m.id)}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(m.id);
                        else next.delete(m.id);
                        setSelected(next);
                      }}
                      className="h-4 w-4 rounded border-slate-300"
                      data-testid={`pick-${m.assetTag}`}
                    />
                    <span className="w-24 font-mono">{m.assetTag}</span>
                    <span className="w-32 truncate">{m.kindLabel}</span>
                    <span className="w-16">{tAll(`enums.controlType.${m.controlType}` as 'enums.controlType.PLC')}</span>
                    <span className="truncate text-slate-500">{m.location}</span>
                    {m.status === 'RETIRED' ? <span className="ml-auto text-xs">{t('plan.retiredNote')}</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="p-4 text-center text-sm text-slate-500">{t('plan.noMachinesMatch')}</p>
          )}
        </div>
      </section>

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
        <Field label={t('plan.softwareYears')} htmlFor="softwareYears">
          <input
            id="softwareYears"
            type="number"
            min={0}
            max={10}
            value={softwareYears}
            onChange={(e) => setSoftwareYears(Number(e.target.value) || 0)}
            className={inputClass}
          />
        </Field>
        <Field label={t('plan.trainingDays')} htmlFor="trainingDays">
          <input
            id="trainingDays"
            type="number"
            min={0}
            max={365}
            value={trainingDays}
            onChange={(e) => setTrainingDays(Number(e.target.value) || 0)}
            className={inputClass}
          />
        </Field>
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

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-800">{t('plan.lines')}</h2>
          <div className="flex gap-2">
            <Button tone="secondary" onClick={() => setLines(null)} disabled={lines === null}>
              {t('plan.regenerate')}
            </Button>
            <Button
              tone="secondary"
              onClick={() =>
                editLines((rs) => [...rs, { category: 'HARDWARE', itemCode: null, description: '', quantity: '1', unitPrice: '0.00', manual: true }])
              }
              data-testid="add-line"
            >
              {t('plan.addLine')}
            </Button>
          </div>
        </div>
        <div className="-mx-5 mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="plan-lines">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-5 py-2 text-left">{t('plan.category')}</th>
                <th className="px-3 py-2 text-left">{t('plan.description')}</th>
                <th className="px-3 py-2 text-right">{t('plan.quantity')}</th>
                <th className="px-3 py-2 text-right">{t('plan.unitPrice')}</th>
                <th className="px-5 py-2 text-right">{t('plan.total')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r, i) => (
                <tr key={`${r.itemCode ?? 'manual'}-${i}`}>
                  <td className="px-5 py-1.5">
                    {r.manual ? (
                      <select
                        value={r.category}
                        aria-label={t('plan.category')}
                        onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, category: e.target.value as CostCategory } : x)))}
                        className="rounded-md border border-slate-300 px-1 py-1"
                      >
                        {costCategories.map((c) => (
                          <option key={c} value={c}>
                            {t(`categories.${c}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      t(`categories.${r.category}`)
                    )}
                  </td>
                  <td className="px-3 py-1.5">
                    {r.manual ? (
                      <input
                        aria-label={t('plan.description')}
                        value={r.description}
                        onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, description: e.target.value } : x)))}
                        className="w-full min-w-40 rounded-md border border-slate-300 px-2 py-1"
                      />
                    ) : (
                      lineLabel(tAll as never, { itemCode: r.itemCode, description: r.description || null })
                    )}
                  </td>
                  <td className="px-3 py-1.5 text-right">
                    <input
                      aria-label={t('plan.quantity')}
                      value={r.quantity}
                      onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, quantity: e.target.value } : x)))}
                      className={num}
                    />
                  </td>
                  <td className="px-3 py-1.5 text-right">
                    <input
                      aria-label={t('plan.unitPrice')}
                      value={r.unitPrice}
                      onChange={(e) => editLines((rs) => rs.map((x, k) => (k === i ? { ...x, unitPrice: e.target.value } : x)))}
                      className={`${num} w-28`}
                    />
                  </td>
                  <td className="px-5 py-1.5 text-right tabular-nums">{formatMoney(rowTotal(r), 'en')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <td className="px-5 py-2" colSpan={4}>
                  {t('detail.totals')}
                </td>
                <td className="px-5 py-2 text-right tabular-nums" data-testid="plan-total">
                  {formatMoney(total, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <SavingsEditor rows={savings} onChange={setSavings} />

      <div className="flex flex-wrap items-center gap-3">
        <FormError message={error} />
        <Button onClick={submit} disabled={busy || selected.size === 0 || !title.trim()} data-testid="save-plan">
          {busy ? t('plan.saving') : t('plan.save')}
        </Button>
        <Button tone="secondary" onClick={() => router.back()}>
          {tAll('actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
