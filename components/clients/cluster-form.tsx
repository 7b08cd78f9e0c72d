'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { lazyResolver } from '@/components/ui/lazy-resolver';
import { PendingButton } from '@/components/ui/pending';
import type { clusterInput } from '@/server/domain/clients/inputs';
import { sectors } from '@/server/domain/inventory/catalogue';

const resolver = lazyResolver<z.input<typeof clusterInput>>(async () => {
  const [{ zodResolver }, inputs] = await Promise.all([import('@hookform/resolvers/zod'), import('@/server/domain/clients/inputs')]);
  return zodResolver(inputs.clusterInput) as unknown as Resolver<z.input<typeof clusterInput>>;
});

type Values = z.input<typeof clusterInput>;

export function ClusterForm({ id, initial }: { id?: string; initial?: Values }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useMutation(trpc.clusters.create.mutationOptions());
  const update = useMutation(trpc.clusters.update.mutationOptions());
  const form = useForm<Values>({
    resolver,
    defaultValues: initial ?? { name: '', nameEn: '', county: '', sector: 'BALL_BEARINGS' },
  });
  const err = (name: keyof Values) => {
    const msg = form.formState.errors[name]?.message;
    return msg ? t(`validation.${msg}` as 'validation.required') : null;
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const parsed = (await import('@/server/domain/clients/inputs')).clusterInput.parse(values);
      const res = id ? await update.mutateAsync({ id, ...parsed }) : await create.mutateAsync(parsed);
      router.push(`/clusters/${res.id}`);
      router.refresh();
    } catch (e) {
      setServerError((e as Error).message);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid="cluster-form">
      <div className="sm:col-span-2">
        <FormError message={serverError} />
      </div>
      <Field label={t('clusterForm.name')} htmlFor="name" error={err('name')}>
        <input id="name" {...form.register('name')} aria-invalid={Boolean(err('name'))} className={inputClass} />
      </Field>
      <Field label={t('clusterForm.nameEn')} htmlFor="nameEn" error={err('nameEn')}>
        <input id="nameEn" {...form.register('nameEn')} className={inputClass} />
      </Field>
      <Field label={t('clusterForm.county')} htmlFor="county" error={err('county')}>
        <input id="county" {...form.register('county')} aria-invalid={Boolean(err('county'))} className={inputClass} />
      </Field>
      <Field label={t('clusterForm.sector')} htmlFor="sector" error={err('sector')}>
        <select id="sector" {...form.register('sector')} className={inputClass}>
          {sectors.map((s) => (
            <option key={s} value={s}>
              {t(`enums.sector.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <PendingButton type="submit" pending={form.formState.isSubmitting} pendingLabel={t('actions.saving')}>
          {t('actions.save')}
        </PendingButton>
        <Button tone="secondary" onClick={() => router.back()}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}
