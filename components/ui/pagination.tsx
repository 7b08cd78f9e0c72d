import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Server-rendered page links that keep the other query parameters. */
export async function Pagination({
  basePath,
  params,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = await getTranslations('actions');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const link = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50';
  const off = 'rounded-lg border border-slate-200 bg-slate-50 px-3 py-1.5 text-sm text-slate-500';
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2" aria-label="pagination">
      <span className="text-xs text-slate-500 tabular-nums" data-testid="page-info">
        {t('pageOf', { page, pages, total })}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            {t('previous')}
          </Link>
        ) : (
          <span className={off}>{t('previous')}</span>
        )}
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            {t('next')}
          </Link>
        ) : (
          <span className={off}>{t('next')}</span>
        )}
      </span>
    </nav>
  );
}

export function pageFrom(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
