'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';
import { ColumnMapping, type MappableKey, type MappedColumn, type Mapping, type Notice } from './column-mapping';
import { EncodingCheck, type EncodingChoice } from './encoding-check';
import { ImportIssues, type Issue } from './import-issues';

type Preview = {
  mode: 'preview' | 'commit';
  format: 'csv' | 'xlsx';
  encoding: string | null;
  encodingCertain?: boolean;
  sample?: string[];
  sheets: string[];
  sheet: string | null;
  /** The mapping step (machine imports): the row taken as the header, each column's field, non-blocking notices. */
  headerRow?: number | null;
  columns?: MappedColumn[];
  notices?: Notice[];
  dataRows: number;
  badRows: number;
  issueCount: number;
  issues: Issue[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  newSites: number;
  newWorkshops: number;
  newLines: number;
  canCommit?: boolean;
  created?: number;
  updated?: number;
  durationMs?: number;
  /** A file the commit hands over once (the terminal import's new credentials): never readable again. */
  credentials?: { fileName: string; csv: string } | null;
};

/** A file handed over once by the server: downloaded from memory, with the warning that it cannot be fetched again. */
function OnceDownload({ file }: { file: { fileName: string; csv: string } }) {
  const t = useTranslations('inventoryImport');
  const [done, setDone] = useState(false);
  return (
    <div className="w-full rounded-lg border border-amber-300 bg-amber-50 p-3" role="alert" data-testid="credentials-once">
      <p className="text-sm font-semibold text-amber-900">{t('credentialsTitle')}</p>
      <p className="mt-1 text-sm text-amber-900">{t('credentialsWarning')}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button
          onClick={() => {
            const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
            const a = document.createElement('a');
            a.href = url;
            a.download = file.fileName;
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 1_000);
            setDone(true);
          }}
          data-testid="credentials-download"
        >
          {t('credentialsDownload')}
        </Button>
        {done ? <span className="text-sm text-amber-900">{t('credentialsDownloaded')}</span> : null}
      </div>
    </div>
  );
}

/** Upload with a real progress bar (XHR reports the bytes sent), then the server's verdict. */
function upload(endpoint: string, form: FormData, onProgress: (p: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', endpoint);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

export type ImportWizardProps = {
  /** The upload route (multipart: file, mode, sheet and the extra fields). */
  endpoint: string;
  fields: Record<string, string>;
  /** The template download route, given lang and format. */
  templateBase: string;
  doneHref: string;
  doneLabel: string;
  maxMb: number;
  maxRows: number;
  /** What the rows are, for the success message (machines are counted with 台, assessments with 次). */
  counter?: 'machines' | 'assessments' | 'terminals';
};

export function ImportWizard({ endpoint, fields, templateBase, doneHref, doneLabel, maxMb, maxRows, counter = 'machines' }: ImportWizardProps) {
  const t = useTranslations('inventoryImport');
  const tAll = useTranslations();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [encoding, setEncoding] = useState<EncodingChoice | ''>('');
  const [phase, setPhase] = useState<'idle' | 'uploading' | 'checking' | 'committing'>('idle');
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [mappingDirty, setMappingDirty] = useState(false);

  async function send(mode: 'preview' | 'commit') {
    setError(null);
    if (!file) {
      setError(tAll('errors.import.noFile'));
      return;
    }
    const form = new FormData();
    form.set('file', file);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('mode', mode);
    if (sheet) form.set('sheet', sheet);
    // the commit decodes the file as the preview did: the user's choice, else what the preview guessed
    const guessed = result?.encoding === 'utf-8-bom' ? 'utf-8' : result?.encoding;
    const enc = encoding || (mode === 'commit' ? guessed : '');
    if (enc) form.set('encoding', enc);
    if (Object.keys(mapping).length) form.set('mapping', JSON.stringify(mapping));
    setPhase('uploading');
    setProgress(0);
    try {
      const res = await upload(endpoint, form, (p) => {
        setProgress(p);
        if (p >= 100) setPhase(mode === 'commit' ? 'committing' : 'checking');
      });
      const body = res.body as (Preview & { error?: { message: string } }) | null;
      if (res.status >= 400 || !body || body.error) {
        setError(body?.error?.message ?? tAll('errors.internal'));
        if (mode === 'preview') setResult(null);
      } else {
        setResult(body);
        setMappingDirty(false);
        if (mode === 'commit') router.refresh();
      }
    } catch {
      setError(tAll('errors.internal'));
    } finally {
      setPhase('idle');
    }
  }

  const busy = phase !== 'idle';
  const done = result?.mode === 'commit';

  return (
    <div className="grid grid-cols-1 gap-6" data-testid="import-wizard">
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium text-slate-700">{t('templates')}:</span>
          {(['zh-CN', 'en'] as const).map((lang) =>
            (['xlsx', 'csv'] as const).map((format) => (
              <a
                key={`${lang}-${format}`}
                href={`${templateBase}?lang=${lang}&format=${format}`}
                className="rounded-lg border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-50"
                data-testid={`template-${lang}-${format}`}
              >
                {lang === 'zh-CN' ? t('templateZh') : t('templateEn')} · {format.toUpperCase()}
              </a>
            )),
          )}
        </div>
        <p className="mt-2 text-xs text-slate-500">{t('limits', { maxMb, maxRows: maxRows.toLocaleString() })}</p>
        <div className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end">
          <label className="text-sm font-medium text-slate-700">
            {t('file')}
            <input
              ref={fileRef}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              className={`${inputClass} mt-1 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
                setSheet('');
                setEncoding('');
                setMapping({});
                setMappingDirty(false);
                setError(null);
              }}
            />
          </label>
          <label className="text-sm font-medium text-slate-700">
            {t('sheet')}
            <select
              value={sheet}
              onChange={(e) => setSheet(e.target.value)}
              disabled={!result?.sheets.length}
              className={`${inputClass} mt-1`}
              data-testid="import-sheet"
            >
              <option value="">{t('firstSheet')}</option>
              {result?.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <PendingButton
            onClick={() => send('preview')}
            pending={phase === 'checking' || phase === 'uploading'}
            pendingLabel={t('previewing')}
            disabled={busy || !file}
            data-testid="import-preview"
          >
            {t('preview')}
          </PendingButton>
        </div>
        {busy ? (
          <div className="mt-4" aria-live="polite">
            <div
              className="h-2 overflow-hidden rounded-full bg-slate-100"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={phase === 'uploading' ? progress : undefined}
            >
              <div
                className={`h-2 rounded-full bg-teal-600 transition-all ${phase === 'uploading' ? '' : 'w-full animate-pulse'}`}
                style={phase === 'uploading' ? { width: `${progress}%` } : undefined}
              />
            </div>
            <p className="mt-1 text-xs text-slate-600">
              {phase === 'uploading' ? t('uploading', { percent: progress }) : phase === 'committing' ? t('committing') : t('previewing')}
            </p>
          </div>
        ) : null}
        {result && result.format === 'csv' && (result.encodingCertain === false || encoding) ? (
          <EncodingCheck
            guessed={result.encoding ?? 'utf-8'}
            sample={result.sample ?? []}
            chosen={encoding}
            onChoose={setEncoding}
            onRecheck={() => send('preview')}
            busy={busy}
          />
        ) : null}
        <div className="mt-4">
          <FormError message={error} />
        </div>
      </div>

      {result ? (
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="import-result">
          <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
            <span className="font-medium text-slate-900">{t('summary', { rows: result.dataRows })}</span>
            {result.encoding ? <span className="text-xs text-slate-500">{t('encoding', { encoding: result.encoding.toUpperCase() })}</span> : null}
            {result.sheet ? <span className="text-xs text-slate-500">{`${t('sheet')}: ${result.sheet}`}</span> : null}
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-center sm:max-w-md">
            {(
              [
                ['toCreate', done ? result.created : result.toCreate],
                ['toUpdate', done ? result.updated : result.toUpdate],
                ['unchanged', result.unchanged],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-500">{t(k)}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid={`count-${k}`}>
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          {result.columns && !done ? (
            <ColumnMapping
              headerRow={result.headerRow ?? null}
              columns={result.columns}
              notices={result.notices ?? []}
              mapping={mapping}
              dirty={mappingDirty}
              busy={busy}
              onChange={(header: string, key: MappableKey | null) => {
                setMapping((m) => ({ ...m, [header]: key }));
                setMappingDirty(true);
              }}
              onApply={() => send('preview')}
            />
          ) : null}
          {result.newSites + result.newWorkshops + result.newLines > 0 ? (
            <p className="mt-2 text-sm text-slate-600">
              {t('newHierarchy', { sites: result.newSites, workshops: result.newWorkshops, lines: result.newLines })}
            </p>
          ) : null}

          {result.issueCount > 0 ? (
            <ImportIssues issues={result.issues} issueCount={result.issueCount} badRows={result.badRows} />
          ) : done ? (
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <p className="rounded-lg bg-teal-50 px-3 py-2 text-sm font-medium text-teal-800" role="status" data-testid="import-done">
                {t(counter === 'assessments' ? 'doneAssessments' : counter === 'terminals' ? 'doneTerminals' : 'done', {
                  created: result.created ?? 0,
                  updated: result.updated ?? 0,
                  unchanged: result.unchanged,
                  seconds: ((result.durationMs ?? 0) / 1000).toFixed(1),
                })}
              </p>
              <Link href={doneHref} className="text-sm font-medium text-teal-800 underline">
                {doneLabel}
              </Link>
              {result.credentials ? <OnceDownload file={result.credentials} /> : null}
            </div>
          ) : (
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <p className="rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800" role="status">
                {t('ready')}
              </p>
              <PendingButton
                onClick={() => send('commit')}
                pending={phase === 'committing'}
                pendingLabel={t('committing')}
                disabled={busy || !result.canCommit || mappingDirty}
                data-testid="import-commit"
              >
                {t('commit')}
              </PendingButton>
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}
