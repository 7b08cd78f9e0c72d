'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center" role="alert">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('body')}</p>
      {error.digest ? <p className="mt-4 font-mono text-xs text-slate-500">{t('reference', { id: error.digest })}</p> : null}
      <button type="button" onClick={reset} className="mt-8 rounded-lg bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
        {t('retry')}
      </button>
    </main>
  );
}
