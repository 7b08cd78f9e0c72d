'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';
import { type MachineKind, machineKinds } from '@/server/domain/inventory/catalogue';

/**
 * The machine types of one client that the catalogue does not know (the ledger's own words), each with its count and
 * a catalogue type to map it to; applying maps every machine with that word in one audited step.
 */
export function UnknownKinds({ smeClientId, kinds, canEdit }: { smeClientId: string; kinds: { kind: string; count: number }[]; canEdit: boolean }) {
  const t = useTranslations();
  const tu = useTranslations('machines.unknownKinds');
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState<Record<string, MachineKind | ''>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const map = useMutation(trpc.inventory.mapKinds.mutationOptions());
  if (!kinds.length) return null;

  const apply = async () => {
    setError(null);
    setMessage(null);
    const mappings = Object.entries(chosen)
      .filter((e): e is [string, MachineKind] => Boolean(e[1]))
      .map(([from, to]) => ({ from, to }));
    if (!mappings.length) return setError(tu('nothing'));
    try {
      const r = await map.mutateAsync({ smeClientId, mappings });
      setChosen({});
      setMessage(tu('done', { count: r.changed }));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="mb-4 rounded-xl border border-amber-200 bg-amber-50/60 p-4" aria-labelledby="unknown-kinds-title" data-testid="unknown-kinds">
      <h2 id="unknown-kinds-title" className="text-base font-semibold text-slate-800">
        {tu('title')}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{tu('intro')}</p>
      <div className="mt-3 hidden grid-cols-[minmax(0,1fr)_6rem_16rem] gap-3 px-1 text-xs font-medium text-slate-500 sm:grid">
        <span>{tu('word')}</span>
        <span className="text-right">{tu('machines')}</span>
        {canEdit ? <span>{tu('mapTo')}</span> : <span />}
      </div>
      <ul className="mt-2 divide-y divide-amber-100 rounded-lg border border-amber-100 bg-white">
        {kinds.map((k) => (
          <li key={k.kind} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 px-3 py-2 sm:grid-cols-[minmax(0,1fr)_6rem_16rem]">
            <span className="break-words font-medium text-slate-800">{k.kind}</span>
            <span className="text-right text-sm tabular-nums text-slate-600">
              <span className="sm:hidden">{tu('count', { count: k.count })}</span>
              <span className="hidden sm:inline">{k.count}</span>
            </span>
            {canEdit ? (
              <select
                aria-label={`${tu('mapTo')}: ${k.kind}`}
                value={chosen[k.kind] ?? ''}
                onChange={(e) => setChosen((c) => ({ ...c, [k.kind]: e.target.value as MachineKind | '' }))}
                className={`${inputClass} col-span-2 sm:col-span-1`}
              >
                <option value="">{tu('keep')}</option>
                {machineKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`enums.machineKind.${kind}`)}
                  </option>
                ))}
              </select>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <PendingButton onClick={apply} data-testid="apply-kind-mapping" pending={map.isPending} pendingLabel={tu('applying')}>
            {tu('apply')}
          </PendingButton>
          {message ? (
            <p role="status" className="text-sm text-teal-800">
              {message}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="mt-2">
        <FormError message={error} />
      </div>
    </section>
  );
}
