'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Button, inputClass } from '@/components/ui/form';
import { controlTypes } from '@/server/domain/inventory/catalogue';
import type { PickableMachine } from './plan-editor';

/** The plan's machines: filters over the SME's inventory, select all shown / clear, one checkbox per machine. */
export function PlanMachinePicker({
  machines,
  selected,
  setSelected,
}: {
  machines: PickableMachine[];
  selected: Set<string>;
  setSelected: (next: Set<string>) => void;
}) {
  const t = useTranslations('projects');
  const tAll = useTranslations();
  const [filter, setFilter] = useState({ workshop: '', line: '', kind: '', control: '', q: '' });
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
  return (
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
        <select aria-label={tAll('machines.kind')} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })} className={inputClass}>
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
                  <span className="w-32 truncate" title={m.kindLabel}>
                    {m.kindLabel}
                  </span>
                  <span className="w-16">{tAll(`enums.controlType.${m.controlType}` as 'enums.controlType.PLC')}</span>
                  <span className="truncate text-slate-500" title={m.location}>
                    {m.location}
                  </span>
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
  );
}
