'use client';

import { useLocale, useTranslations } from 'next-intl';
import { listJoin } from '@/components/ui/names';

export type Issue = { row: number | null; column: string | null; code: string; params: Record<string, string | number> };

const SHOWN = 500;

/** Every problem of a file: its row, its column as written, the reason in the user's language. */
export function ImportIssues({ issues, issueCount, badRows }: { issues: Issue[]; issueCount: number; badRows: number }) {
  const t = useTranslations('inventoryImport');
  const locale = useLocale();
  const tAll = useTranslations();
  const issueText = (i: Issue) => {
    const params = { ...i.params };
    // column keys (missing columns, or the columns the app expects) are named in the user's language
    if (i.code === 'missingColumns' || i.code === 'noKnownColumns')
      params.columns = listJoin(
        locale,
        String(params.columns)
          .split(', ')
          .map((k) =>
            k.startsWith('terminal:') && tAll.has(`terminals.columns.${k.slice(9)}`)
              ? tAll(`terminals.columns.${k.slice(9)}` as 'terminals.columns.serial')
              : tAll.has(`machines.${k}`)
                ? tAll(`machines.${k}` as 'machines.kind')
                : k,
          ),
      );
    const key = `issues.${i.code}`;
    return t.has(key) ? t(key as 'issues.required', params) : i.code;
  };
  return (
    <div className="mt-4">
      <p className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-700" role="alert" data-testid="import-errors-title">
        {t('errorsTitle', { count: issueCount, rows: badRows })}
      </p>
      <div className="mt-3 max-h-[28rem] overflow-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th className="px-3 py-2 text-left text-xs font-semibold text-slate-500">{t('row')}</th>
              <th className="px-3 py-2 text-left text-xs font-semibold text-slate-500">{t('column')}</th>
              <th className="px-3 py-2 text-left text-xs font-semibold text-slate-500">{t('reason')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {issues.slice(0, SHOWN).map((i, n) => (
              <tr key={n} data-testid="import-issue">
                <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{i.row ?? t('fileLevel')}</td>
                <td className="whitespace-nowrap px-3 py-1.5">{i.column ?? '—'}</td>
                <td className="px-3 py-1.5 text-red-700">{issueText(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issueCount > SHOWN ? <p className="mt-2 text-xs text-slate-500">{t('moreErrors', { count: issueCount - SHOWN })}</p> : null}
    </div>
  );
}
