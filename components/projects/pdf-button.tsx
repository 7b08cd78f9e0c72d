'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Spinner } from '@/components/ui/pending';

/**
 * Downloads the quote's PDF, showing that it is being made (the first render of a quote takes a second or two, and a
 * busy server may ask to try again later: its message is shown as it came, in the user's language).
 */
export function PdfButton({ quoteId, fileName }: { quoteId: string; fileName: string }) {
  const t = useTranslations('projects.quote');
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const res = await fetch(`/api/v1/quotes/${quoteId}/pdf`);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ busy: false, error: body?.error?.message ?? t('pdfFailed') });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch {
      setState({ busy: false, error: t('pdfFailed') });
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={download}
        disabled={state.busy}
        aria-busy={state.busy}
        className="inline-flex items-center gap-1.5 rounded-lg bg-teal-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:cursor-wait disabled:opacity-70"
        data-testid="quote-pdf"
      >
        {state.busy ? <Spinner /> : null}
        {state.busy ? t('pdfRendering') : t('pdf')}
      </button>
      {state.error ? (
        <span role="alert" className="text-xs text-red-700" data-testid="quote-pdf-error">
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
