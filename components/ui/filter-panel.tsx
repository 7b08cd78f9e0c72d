'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useId, useState } from 'react';

/**
 * A list's filters: shown in place from 640 px up; on a phone folded behind one button (which says how many filters
 * are on), so that the first rows of the list are on the first screen.
 */
export function FilterPanel({ active, children }: { active: number; children: ReactNode }) {
  const t = useTranslations('actions');
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mb-4">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid="filter-toggle"
        className="flex w-full items-center justify-between gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 sm:hidden"
      >
        <span>{active > 0 ? t('filtersOn', { count: active }) : t('filters')}</span>
        <span aria-hidden>{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className={`${open ? 'mt-3' : 'max-sm:hidden'}`}>
        {children}
      </div>
    </div>
  );
}
