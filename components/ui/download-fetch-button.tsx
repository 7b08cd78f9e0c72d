'use client';

import { useState } from 'react';
import { Spinner } from '@/components/ui/pending';

/** The file name a response names (RFC 6266: the UTF-8 form first), else the fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // a malformed name: the plain one below
    }
  }
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

const tones = {
  primary: 'bg-teal-700 text-white hover:bg-teal-800',
  secondary: 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
} as const;

/**
 * Downloads a file that the server makes on request (a PDF, a pack), showing that it is being made: a busy server or
 * a render that failed answers with its message in the user's language, shown here beside the button with the page
 * kept, instead of a page of raw JSON (a plain link would navigate to the error).
 */
export function DownloadFetchButton({
  href,
  fileName,
  label,
  busyLabel,
  failedText,
  tone = 'primary',
  testId,
}: {
  href: string;
  /** used when the response names no file */
  fileName: string;
  label: string;
  busyLabel: string;
  /** shown when the server's answer has no message (the network failed) */
  failedText: string;
  tone?: keyof typeof tones;
  testId?: string;
}) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const res = await fetch(href);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ busy: false, error: body?.error?.message ?? failedText });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res, fileName);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch {
      setState({ busy: false, error: failedText });
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={download}
        disabled={state.busy}
        aria-busy={state.busy}
        className={`inline-flex items-center gap-1.5 rounded-lg px-3.5 py-2 text-sm font-medium shadow-sm disabled:cursor-wait disabled:opacity-70 ${tones[tone]}`}
        data-testid={testId}
      >
        {state.busy ? <Spinner /> : null}
        {state.busy ? busyLabel : label}
      </button>
      {state.error ? (
        <span role="alert" className="max-w-xs text-xs text-red-700" data-testid={testId ? `${testId}-error` : undefined}>
          {state.error}
        </span>
      ) : null}
    </span>
  );
}
