'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button, inputClass } from '@/components/ui/form';
import { listJoin } from '@/components/ui/names';

export const mappableKeys = [
  'assetTag',
  'kind',
  'controlType',
  'site',
  'workshop',
  'line',
  'maker',
  'model',
  'year',
  'networked',
  'operatorsPerShift',
  'shiftsPerDay',
  'status',
  'notes',
  'sme',
] as const;
export type MappableKey = (typeof mappableKeys)[number];
export type MappedColumn = { index: number; header: string; key: MappableKey | null; source: 'synonym' | 'close' | 'manual' | 'remembered' | 'none' };
export type Notice = { code: string; columns: string[] };
/** The user's choices by header as written: a field, or null for "not imported". */
export type Mapping = Record<string, MappableKey | null>;

const sourceTone: Record<MappedColumn['source'], string> = {
  synonym: 'bg-teal-50 text-teal-800',
  close: 'bg-amber-50 text-amber-800',
  manual: 'bg-sky-50 text-sky-800',
  remembered: 'bg-sky-50 text-sky-800',
  none: 'bg-slate-100 text-slate-600',
};

/**
 * The mapping step of the preview: every column of the file with the field it imports as, and how that was decided;
 * the user maps or unmaps any column, then checks the file again with that mapping.
 */
export function ColumnMapping(props: {
  headerRow: number | null;
  columns: MappedColumn[];
  notices: Notice[];
  mapping: Mapping;
  dirty: boolean;
  busy: boolean;
  onChange: (header: string, key: MappableKey | null) => void;
  onApply: () => void;
}) {
  const t = useTranslations('inventoryImport.mapping');
  const locale = useLocale();
  const tm = useTranslations('machines');
  const tn = useTranslations('inventoryImport.notices');
  const current = (c: MappedColumn) => (Object.hasOwn(props.mapping, c.header) ? props.mapping[c.header] : c.key);
  return (
    <section className="mt-4" data-testid="import-mapping" aria-labelledby="import-mapping-title">
      <h3 id="import-mapping-title" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      {props.headerRow !== null ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="import-header-row">
          {t('headerRow', { row: props.headerRow })}
        </p>
      ) : null}
      {/* every column of the file in view: a box of fixed height hid the last ones without a visible cue */}
      <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full table-fixed divide-y divide-slate-200 text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th className="w-[42%] px-3 sm:w-[55%] py-2 text-left text-xs font-semibold text-slate-500">{t('column')}</th>
              <th className="px-3 py-2 text-left text-xs font-semibold text-slate-500">{t('field')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.columns.map((c) => {
              const changed = Object.hasOwn(props.mapping, c.header);
              const source = changed ? 'manual' : c.source;
              return (
                <tr key={`${c.index}-${c.header}`} data-testid="mapping-row">
                  <td className="px-3 py-1.5 align-top">
                    <span className="break-all font-medium text-slate-800">{c.header}</span>
                    <span className={`ml-2 inline-block max-w-full break-words rounded px-1.5 py-0.5 text-[11px] ${sourceTone[source]}`}>
                      {t(`source.${source}`)}
                    </span>
                  </td>
                  <td className="px-3 py-1.5 align-top">
                    <select
                      aria-label={t('selectFor', { column: c.header })}
                      className={`${inputClass} w-full min-w-0 py-1`}
                      value={current(c) ?? ''}
                      onChange={(e) => props.onChange(c.header, (e.target.value || null) as MappableKey | null)}
                      data-testid="mapping-select"
                      data-column={c.header}
                    >
                      <option value="">{t('ignore')}</option>
                      {mappableKeys.map((k) => (
                        <option key={k} value={k}>
                          {tm(k)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.notices.map((n) => (
        <p key={n.code} className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={`import-notice-${n.code}`}>
          {tn.has(n.code) ? tn(n.code as 'ignoredColumns', { columns: listJoin(locale, n.columns) }) : listJoin(locale, n.columns)}
        </p>
      ))}
      {props.dirty ? (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700" role="status">
            {t('pending')}
          </p>
          <Button onClick={props.onApply} disabled={props.busy} data-testid="mapping-apply">
            {t('apply')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
