'use client';

import { useTranslations } from 'next-intl';
import { Button, inputClass } from '@/components/ui/form';

export const encodingChoices = ['utf-8', 'gb18030', 'windows-1252'] as const;
export type EncodingChoice = (typeof encodingChoices)[number];

/**
 * Shown when a CSV's encoding was guessed (or the user chose one): the first lines as decoded, and a choice of
 * encoding with a button to check the file again with it.
 */
export function EncodingCheck({
  guessed,
  sample,
  chosen,
  onChoose,
  onRecheck,
  busy,
}: {
  guessed: string;
  sample: string[];
  chosen: EncodingChoice | '';
  onChoose: (e: EncodingChoice) => void;
  onRecheck: () => void;
  busy: boolean;
}) {
  const t = useTranslations('inventoryImport.encodingCheck');
  const current = chosen || (guessed === 'utf-8-bom' ? 'utf-8' : (guessed as EncodingChoice));
  return (
    <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="encoding-check">
      <p className="font-medium text-amber-900">{chosen ? t('chosen') : t('uncertain')}</p>
      {sample.length ? (
        <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-white p-2 font-mono text-xs text-slate-800" data-testid="encoding-sample">
          {sample.join('\n')}
        </pre>
      ) : null}
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <label className="text-xs font-medium text-slate-700">
          {t('label')}
          <select value={current} onChange={(e) => onChoose(e.target.value as EncodingChoice)} className={`${inputClass} mt-1`} data-testid="import-encoding">
            {encodingChoices.map((e) => (
              <option key={e} value={e}>
                {t(`names.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <Button onClick={onRecheck} disabled={busy} data-testid="import-recheck">
          {t('recheck')}
        </Button>
      </div>
    </div>
  );
}
