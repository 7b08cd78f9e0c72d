'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { ScrollArea } from '@/components/ui/scroll-area';
import { controlTypes } from '@/server/domain/inventory/catalogue';
import { parseYuan } from '@/server/domain/money/money';
import type { PriceBook } from '@/server/domain/projects/price-book';
import { lineLabel } from './labels';

type Item = PriceBook['items'][number];

/** The price book: unit prices, and which hardware each control type needs (quantity per machine; 0 = none). */
export function PriceBookEditor({
  book,
  canEdit,
}: {
  book: { items: (Omit<Item, 'unitPriceFen'> & { unitPrice: string })[]; kits: PriceBook['kits'] };
  canEdit: boolean;
}) {
  const t = useTranslations('projects');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.projects.savePriceBook.mutationOptions());
  const [items, setItems] = useState(book.items);
  const hardware = items.filter((i) => i.category === 'HARDWARE');
  const [kits, setKits] = useState<Record<string, Record<string, number>>>(() =>
    Object.fromEntries(controlTypes.map((c) => [c, Object.fromEntries((book.kits[c] ?? []).map((k) => [k.item, k.quantity]))])),
  );
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    setError(null);
    setMessage(null);
    try {
      const parsed = items.map(({ unitPrice, ...i }) => {
        const unitPriceFen = parseYuan(unitPrice);
        if (unitPriceFen === null || unitPriceFen < 0n) throw new Error(tAll('validation.number'));
        return { ...i, unitPriceFen };
      });
      const kitRules = Object.fromEntries(
        controlTypes.map((c) => [
          c,
          Object.entries(kits[c] ?? {})
            .filter(([, q]) => q > 0)
            .map(([item, quantity]) => ({ item, quantity })),
        ]),
      ) as PriceBook['kits'];
      const v = await save.mutateAsync({ book: { items: parsed, kits: kitRules }, note: note || null });
      setMessage(t('priceBook.saved', { version: v.version }));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div className="grid grid-cols-1 gap-6" data-testid="price-book">
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <ScrollArea label={t('priceBook.title')} className="-mx-5">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-5 py-2 text-left">{t('priceBook.item')}</th>
                <th className="px-3 py-2 text-left">{t('plan.category')}</th>
                <th className="px-3 py-2 text-left">{t('priceBook.unit')}</th>
                <th className="px-5 py-2 text-right">{t('plan.unitPrice')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((i, k) => (
                <tr key={i.code}>
                  <td className="px-5 py-1.5">{lineLabel(tAll as never, { itemCode: i.code, description: null })}</td>
                  <td className="px-3 py-1.5">{t(`categories.${i.category}`)}</td>
                  <td className="px-3 py-1.5">{t(`priceBook.units.${i.unit}`)}</td>
                  <td className="px-5 py-1.5 text-right">
                    <input
                      aria-label={`${t('plan.unitPrice')} ${i.code}`}
                      disabled={!canEdit}
                      value={i.unitPrice}
                      onChange={(e) => setItems(items.map((x, j) => (j === k ? { ...x, unitPrice: e.target.value } : x)))}
                      className="w-28 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums disabled:bg-slate-50"
                      data-testid={`price-${i.code}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold text-slate-800">{t('priceBook.kits')}</h2>
        <ScrollArea label={t('priceBook.kits')} className="-mx-5 mt-3">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-5 py-2 text-left">{tAll('machines.controlType')}</th>
                {hardware.map((h) => (
                  <th key={h.code} className="px-3 py-2 text-right">
                    {lineLabel(tAll as never, { itemCode: h.code, description: null })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {controlTypes.map((c) => (
                <tr key={c}>
                  <td className="px-5 py-1.5">{tAll(`enums.controlType.${c}`)}</td>
                  {hardware.map((h) => (
                    <td key={h.code} className="px-3 py-1.5 text-right">
                      <input
                        type="number"
                        min={0}
                        max={20}
                        aria-label={`${c} ${h.code}`}
                        disabled={!canEdit}
                        value={kits[c]?.[h.code] ?? 0}
                        onChange={(e) => setKits({ ...kits, [c]: { ...(kits[c] ?? {}), [h.code]: Math.max(0, Math.min(20, Number(e.target.value) || 0)) } })}
                        className="w-16 rounded-md border border-slate-300 px-2 py-1 text-right disabled:bg-slate-50"
                        data-testid={`kit-${c}-${h.code}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-3">
          <input
            aria-label={t('priceBook.note')}
            placeholder={t('priceBook.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className={`${inputClass} max-w-sm`}
          />
          <Button onClick={submit} disabled={save.isPending} data-testid="save-price-book">
            {t('priceBook.save')}
          </Button>
          {message ? (
            <span className="text-sm text-teal-800" role="status">
              {message}
            </span>
          ) : null}
          <FormError message={error} />
        </div>
      ) : null}
    </div>
  );
}
