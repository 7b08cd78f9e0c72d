'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { lazyResolver } from '@/components/ui/lazy-resolver';
import { PendingButton } from '@/components/ui/pending';
import type { MachineFormValues } from '@/server/domain/clients/inputs';
import { controlTypes, machineKinds, machineStatuses } from '@/server/domain/inventory/catalogue';

const resolver = lazyResolver<MachineFormValues>(async () => {
  const [{ zodResolver }, inputs] = await Promise.all([import('@hookform/resolvers/zod'), import('@/server/domain/clients/inputs')]);
  return zodResolver(inputs.machineInput) as unknown as Resolver<MachineFormValues>;
});

type Hierarchy = { name: string; workshops: { name: string; lines: { name: string }[] }[] }[];

/** Add or edit a machine; factory, workshop and line may be picked or typed (new ones are created). */
export function MachineForm({ smeClientId, id, initial, hierarchy }: { smeClientId: string; id?: string; initial?: MachineFormValues; hierarchy: Hierarchy }) {
  const t = useTranslations();
  const tm = useTranslations('machines');
  const trpc = useTRPC();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useMutation(trpc.inventory.machines.create.mutationOptions());
  const update = useMutation(trpc.inventory.machines.update.mutationOptions());
  const form = useForm<MachineFormValues>({
    resolver,
    defaultValues: initial ?? {
      assetTag: '',
      kind: '',
      maker: '',
      model: '',
      year: null,
      controlType: 'MANUAL',
      networked: false,
      operatorsPerShift: 1,
      shiftsPerDay: 1,
      idealCycleS: null,
      status: 'IN_SERVICE',
      notes: '',
      site: '',
      workshop: '',
      line: '',
    },
  });
  const site = form.watch('site');
  const workshop = form.watch('workshop');
  const workshops = hierarchy.find((s) => s.name === site)?.workshops ?? [];
  const lines = workshops.find((w) => w.name === workshop)?.lines ?? [];
  const err = (name: keyof MachineFormValues) => {
    const msg = form.formState.errors[name]?.message;
    return msg ? t(`validation.${msg}` as 'validation.required') : null;
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const parsed = (await import('@/server/domain/clients/inputs')).machineInput.parse(values);
      const res = id ? await update.mutateAsync({ ...parsed, id }) : await create.mutateAsync({ ...parsed, smeClientId });
      router.push(`/machines/${res.id}`);
      router.refresh();
    } catch (e) {
      setServerError((e as Error).message);
    }
  });
  const text = (name: keyof MachineFormValues, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} htmlFor={name} error={err(name)}>
      <input id={name} {...form.register(name)} aria-invalid={Boolean(err(name))} className={inputClass} {...extra} />
    </Field>
  );
  const busy = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="machine-form">
      <div className="sm:col-span-3">
        <FormError message={serverError} />
      </div>
      {text('assetTag', tm('assetTag'))}
      <Field label={tm('kind')} htmlFor="kind" error={err('kind')} hint={tm('kindHint')}>
        <input id="kind" list="kinds" {...form.register('kind')} aria-invalid={Boolean(err('kind'))} className={inputClass} />
        <datalist id="kinds">
          {machineKinds.map((k) => (
            <option key={k} value={k}>
              {t(`enums.machineKind.${k}`)}
            </option>
          ))}
        </datalist>
      </Field>
      <Field label={tm('controlType')} htmlFor="controlType" error={err('controlType')}>
        <select id="controlType" {...form.register('controlType')} className={inputClass}>
          {controlTypes.map((c) => (
            <option key={c} value={c}>
              {t(`enums.controlType.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      {text('maker', tm('maker'))}
      {text('model', tm('model'))}
      {text('year', tm('year'), { type: 'number', ...form.register('year', { valueAsNumber: true }) })}
      {text('operatorsPerShift', tm('operatorsPerShift'), { type: 'number', min: 0, ...form.register('operatorsPerShift', { valueAsNumber: true }) })}
      {text('shiftsPerDay', tm('shiftsPerDay'), { type: 'number', min: 0, max: 4, ...form.register('shiftsPerDay', { valueAsNumber: true }) })}
      <Field label={t('machineIdealCycle.label')} htmlFor="idealCycleS" error={err('idealCycleS')} hint={t('machineIdealCycle.hint')}>
        <input
          id="idealCycleS"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          {...form.register('idealCycleS', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
          aria-invalid={Boolean(err('idealCycleS'))}
          className={inputClass}
          data-testid="machine-ideal-cycle"
        />
      </Field>
      <Field label={tm('status')} htmlFor="status" error={err('status')}>
        <select id="status" {...form.register('status')} className={inputClass}>
          {machineStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`enums.machineStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-3">
        <input type="checkbox" {...form.register('networked')} className="h-4 w-4 rounded border-slate-300" />
        {tm('networked')}
      </label>
      {text('site', tm('site'), { list: 'sites' })}
      {text('workshop', tm('workshop'), { list: 'workshops' })}
      {text('line', tm('line'), { list: 'lines' })}
      <datalist id="sites">
        {hierarchy.map((s) => (
          <option key={s.name} value={s.name} />
        ))}
      </datalist>
      <datalist id="workshops">
        {workshops.map((w) => (
          <option key={w.name} value={w.name} />
        ))}
      </datalist>
      <datalist id="lines">
        {lines.map((l) => (
          <option key={l.name} value={l.name} />
        ))}
      </datalist>
      <Field label={tm('notes')} htmlFor="notes" error={err('notes')} className="sm:col-span-3">
        <textarea id="notes" rows={3} {...form.register('notes')} className={inputClass} />
      </Field>
      <div className="flex gap-2 sm:col-span-3">
        <PendingButton type="submit" pending={busy} pendingLabel={t('actions.saving')}>
          {t('actions.save')}
        </PendingButton>
        <Button tone="secondary" onClick={() => router.back()}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
