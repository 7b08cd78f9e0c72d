'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';
import { fenToDecimal, parseYuan } from '@/server/domain/money/money';
import type { ModuleCode } from '@/server/domain/projects/codes';
import type { PaymentTerm } from '@/server/domain/projects/payment-terms';
import { rowsToTerms, termRows } from './payment-terms-editor';
import { type LineRow, PlanCostLines } from './plan-cost-lines';
import { PlanMachinePicker } from './plan-machine-picker';
import { type PlanScope, PlanScopeFields } from './plan-scope-fields';
import { type SavingRow, SavingsEditor, savingsToInput } from './savings-editor';

export type PickableMachine = { id: string; assetTag: string; kindLabel: string; controlType: string; status: string; location: string; workshop: string };
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

/**
 * The plan: machines from the inventory (plan-machine-picker), modules and terms (plan-scope-fields), cost lines from
 * the price book, editable (plan-cost-lines), savings, target; saved through the same schema as the procedure.
 */
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
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.projects.create.mutationOptions());
  const update = useMutation(trpc.projects.updatePlan.mutationOptions());
  const [title, setTitle] = useState(initial.title);
  const [selected, setSelected] = useState<Set<string>>(new Set(initial.machineIds));
  const [scope, setScope] = useState<PlanScope>({
    modules: new Set(initial.modules),
    softwareYears: initial.softwareYears,
    trainingDays: initial.trainingDays,
    target: initial.target,
    subsidy: initial.expectedSubsidy,
    terms: termRows(initial.paymentTerms),
  });
  const { modules, softwareYears, trainingDays, target, subsidy, terms } = scope;
  const [savings, setSavings] = useState<SavingRow[]>(initial.savings);
  const [lines, setLines] = useState<LineRow[] | null>(initial.lines);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = useQuery({
    ...trpc.projects.previewLines.queryOptions({ smeClientId, machineIds: [...selected], modules: [...modules], softwareYears, trainingDays }),
    enabled: lines === null && selected.size > 0,
    // the lines of the previous choice stay (dimmed) while the new ones are computed, instead of vanishing
    placeholderData: keepPreviousData,
  });
  const computing = lines === null && selected.size > 0 && preview.isFetching;
  const generated: LineRow[] = (preview.data ?? []).map((l) => ({
    category: l.category,
    itemCode: l.itemCode,
    description: '',
    quantity: String(l.quantity),
    unitPrice: fenToDecimal(l.unitPriceFen),
    manual: false,
  }));
  const rows = lines ?? (selected.size ? generated : []);
  const editLines = (fn: (rs: LineRow[]) => LineRow[]) => setLines(fn(rows.map((r) => ({ ...r }))));

  async function submit() {
    setError(null);
    setBusy(true);
    try {
      const expectedSubsidyFen = parseYuan(subsidy || '0');
      if (expectedSubsidyFen === null) throw new Error(tAll('validation.number'));
      const paymentTerms = rowsToTerms(terms);
      if (paymentTerms?.reduce((s, x) => s + x.shareBp, 0) !== 10_000) throw new Error(tAll('errors.plan.terms.sharesNot100'));
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

  return (
    <div className="grid grid-cols-1 gap-6" data-testid="plan-editor">
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <Field label={t('plan.titleLabel')} htmlFor="title">
          <input id="title" value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
        </Field>
      </section>

      <PlanMachinePicker machines={machines} selected={selected} setSelected={setSelected} />
      <PlanScopeFields value={scope} onChange={setScope} />
      <PlanCostLines rows={rows} edited={lines !== null} computing={computing} editLines={editLines} regenerate={() => setLines(null)} />

      <SavingsEditor rows={savings} onChange={setSavings} />

      <div className="flex flex-wrap items-center gap-3">
        <FormError message={error} />
        <PendingButton onClick={submit} pending={busy} pendingLabel={t('plan.saving')} disabled={selected.size === 0 || !title.trim()} data-testid="save-plan">
          {t('plan.save')}
        </PendingButton>
        <Button tone="secondary" onClick={() => router.back()}>
          {tAll('actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
