import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { AuditEntry } from '@/components/audit/audit-entry';
import { Card } from '@/components/ui/card';
import { DownloadButton, inputClass, LinkButton } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { calendarDateProblem } from '@/server/domain/inputs/calendar-date';
import { auditObjectKinds } from '@/server/services/audit/objects';
import { getServerCaller } from '@/server/trpc/server';

type Search = { page?: string; entity?: string; actor?: string; from?: string; to?: string };
const day = (s?: string) => (s && !calendarDateProblem(s) ? s : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user || !can(user.scope.role, 'audit.read')) notFound();
  const sp = await searchParams;
  const page = pageFrom(sp.page);
  const filter = {
    entity: auditObjectKinds.includes(sp.entity ?? '') ? sp.entity : undefined,
    actorId: sp.actor && /^[A-Za-z0-9_-]{1,64}$/.test(sp.actor) ? sp.actor : undefined,
    from: day(sp.from),
    to: day(sp.to),
  };
  const api = await getServerCaller();
  const [list, actors] = await Promise.all([api.audit.list({ page, pageSize: 50, ...filter }), api.audit.actors()]);
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const locale = await getLocale();
  const params = Object.fromEntries(
    Object.entries({ entity: filter.entity, actor: filter.actorId, from: filter.from, to: filter.to }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <div className="flex gap-2">
          <DownloadButton href="/api/v1/audit/export?format=xlsx">XLSX</DownloadButton>
          <DownloadButton href="/api/v1/audit/export?format=csv">CSV</DownloadButton>
        </div>
      </PageHeader>
      <Card>
        <details className="mb-4 sm:open:mb-4" open={Object.keys(params).length > 0}>
          <summary className="cursor-pointer text-sm font-medium text-teal-800">{t('filters')}</summary>
          <form method="get" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
            <select name="entity" defaultValue={filter.entity ?? ''} aria-label={t('objectKind')} className={inputClass}>
              <option value="">{t('allObjects')}</option>
              {auditObjectKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}` as 'kinds.Claim')}
                </option>
              ))}
            </select>
            <select name="actor" defaultValue={filter.actorId ?? ''} aria-label={t('actor')} className={inputClass}>
              <option value="">{t('allPeople')}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <span className="shrink-0">{t('from')}</span>
              <input type="date" name="from" defaultValue={filter.from} className={inputClass} />
            </label>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <span className="shrink-0">{t('to')}</span>
              <input type="date" name="to" defaultValue={filter.to} className={inputClass} />
            </label>
            <div className="flex gap-2">
              <button type="submit" className="rounded-lg bg-teal-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-teal-800">
                {t('apply')}
              </button>
              <Link href="/audit" className="rounded-lg border border-slate-300 px-3.5 py-2 text-sm text-slate-700 hover:bg-slate-50">
                {t('reset')}
              </Link>
            </div>
          </form>
        </details>
        {list.items.length ? (
          <ol className="divide-y divide-slate-100">
            {list.items.map((e) => (
              <AuditEntry
                key={e.id}
                entry={e}
                at={format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })}
                locale={locale}
              />
            ))}
          </ol>
        ) : (
          <p className="px-5 py-8 text-center text-sm text-slate-600">{t('empty')}</p>
        )}
        <Pagination basePath="/audit" params={params} page={page} pageSize={50} total={list.total} />
      </Card>
    </>
  );
}
