import { getTranslations } from 'next-intl/server';

/** Shown instead of the app when the database cannot be opened: what is wrong and what to run. */
export async function DatabaseProblem({ messageKey, params }: { messageKey: string; params: Record<string, string | number> }) {
  const t = await getTranslations();
  const key = `errors.${messageKey}` as 'errors.dbUnavailable';
  return (
    <main className="mx-auto max-w-xl px-6 py-24" role="alert" data-testid="db-problem">
      <h1 className="text-2xl font-semibold text-slate-900">{t('errors.dbUnavailable')}</h1>
      <p className="mt-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">{t.has(key) ? t(key, params) : t('errors.dbUnavailable')}</p>
    </main>
  );
}
