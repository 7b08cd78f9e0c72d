'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type Resolver, useFieldArray, useForm } from 'react-hook-form';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { lazyResolver } from '@/components/ui/lazy-resolver';
import { PendingButton } from '@/components/ui/pending';
import type { ClientFormValues } from '@/server/domain/clients/inputs';
import { sectors } from '@/server/domain/inventory/catalogue';

const resolver = lazyResolver<ClientFormValues>(async () => {
  const [{ zodResolver }, inputs] = await Promise.all([import('@hookform/resolvers/zod'), import('@/server/domain/clients/inputs')]);
  return zodResolver(inputs.clientInput) as unknown as Resolver<ClientFormValues>;
});

type Cluster = { id: string; label: string };

/** Create or edit an SME client: identity, credit code (checked as typed), clusters, contacts. */
export function ClientForm({ id, initial, clusters }: { id?: string; initial?: ClientFormValues; clusters: Cluster[] }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useMutation(trpc.clients.create.mutationOptions());
  const update = useMutation(trpc.clients.update.mutationOptions());
  const form = useForm<ClientFormValues>({
    resolver,
    defaultValues: initial ?? {
      legalName: '',
      legalNameEn: '',
      creditCode: '',
      county: '',
      sector: 'BALL_BEARINGS',
      headcount: null,
      clusterIds: [],
      contacts: [],
    },
  });
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const err = (name: string) => {
    const parts = name.split('.');
    let e: unknown = form.formState.errors;
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p];
    const msg = (e as { message?: string } | undefined)?.message;
    return msg ? t(`validation.${msg}` as 'validation.required') : null;
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const parsed = (await import('@/server/domain/clients/inputs')).clientInput.parse(values);
      const res = id ? await update.mutateAsync({ id, ...parsed }) : await create.mutateAsync(parsed);
      router.push(`/clients/${res.id}`);
      router.refresh();
    } catch (e) {
      setServerError((e as Error).message);
    }
  });
  const busy = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid="client-form">
      <div className="sm:col-span-2">
        <FormError message={serverError} />
      </div>
      <Field label={t('clientForm.legalName')} htmlFor="legalName" error={err('legalName')}>
        <input id="legalName" {...form.register('legalName')} aria-invalid={Boolean(err('legalName'))} className={inputClass} />
      </Field>
      <Field label={t('clientForm.legalNameEn')} htmlFor="legalNameEn" error={err('legalNameEn')}>
        <input id="legalNameEn" {...form.register('legalNameEn')} className={inputClass} />
      </Field>
      <Field label={t('clientForm.creditCode')} htmlFor="creditCode" error={err('creditCode')}>
        <input
          id="creditCode"
          {...form.register('creditCode')}
          maxLength={18}
          aria-invalid={Boolean(err('creditCode'))}
          className={`${inputClass} font-mono uppercase`}
        />
      </Field>
      <Field label={t('clientForm.county')} htmlFor="county" error={err('county')}>
        <input id="county" {...form.register('county')} aria-invalid={Boolean(err('county'))} className={inputClass} />
      </Field>
      <Field label={t('clientForm.sector')} htmlFor="sector" error={err('sector')}>
        <select id="sector" {...form.register('sector')} className={inputClass}>
          {sectors.map((s) => (
            <option key={s} value={s}>
              {t(`enums.sector.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('clientForm.headcount')} htmlFor="headcount" error={err('headcount')}>
        <input id="headcount" type="number" min={0} {...form.register('headcount', { valueAsNumber: true })} className={inputClass} />
      </Field>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t('clientForm.clusters')}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {clusters.map((c) => (
            <label key={c.id} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-1.5 text-sm">
              <input type="checkbox" value={c.id} {...form.register('clusterIds')} className="h-4 w-4 rounded border-slate-300" />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t('clientForm.contacts')}</legend>
        {contacts.fields.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t('clientForm.noContacts')}</p> : null}
        <div className="mt-2 space-y-2">
          {contacts.fields.map((f, i) => (
            <div key={f.id} className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
              <input
                aria-label={t('clientForm.contactName')}
                placeholder={t('clientForm.contactName')}
                {...form.register(`contacts.${i}.name`)}
                aria-invalid={Boolean(err(`contacts.${i}.name`))}
                className={inputClass}
              />
              <input
                aria-label={t('clientForm.contactPhone')}
                placeholder={t('clientForm.contactPhone')}
                {...form.register(`contacts.${i}.phone`)}
                className={inputClass}
              />
              <input
                aria-label={t('clientForm.contactRole')}
                placeholder={t('clientForm.contactRole')}
                {...form.register(`contacts.${i}.role`)}
                className={inputClass}
              />
              <Button tone="secondary" onClick={() => contacts.remove(i)}>
                {t('actions.remove')}
              </Button>
            </div>
          ))}
        </div>
        <Button tone="secondary" className="mt-2" onClick={() => contacts.append({ name: '', phone: '', role: '' })}>
          {t('actions.addContact')}
        </Button>
      </fieldset>
      <div className="flex gap-2 sm:col-span-2">
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
