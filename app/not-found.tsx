import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center" data-testid="not-found">
      <p className="text-5xl font-semibold text-teal-700">404</p>
      <h1 className="mt-4 text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('body')}</p>
      <Link href="/" className="mt-8 rounded-lg bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
        {t('home')}
      </Link>
    </main>
  );
}
