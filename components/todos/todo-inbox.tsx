import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { formatIn, type MoneyUnit, screenMoneyUnit } from '@/server/domain/money/money';
import type { TodoGroup } from '@/server/services/todos/todos';

/**
 * The home page's to-do inbox: each kind of waiting work with its count and the oldest items, each a link. Its amounts
 * share one unit: the screen's when the page gives one, else the card's own.
 */
export async function TodoInbox({ groups, moneyUnit }: { groups: TodoGroup[]; moneyUnit?: MoneyUnit }) {
  const t = await getTranslations('todos');
  const format = await getFormatter();
  const locale = await getLocale();
  const unit =
    moneyUnit ??
    screenMoneyUnit(
      locale,
      groups.flatMap((g) => g.items.map((i) => i.amountFen)),
    );
  return (
    <Card title={t('title')}>
      <div id="todo" data-testid="todo-inbox">
        {groups.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="todo-empty">
            {t('empty')}
          </p>
        ) : (
          <ul className="space-y-4">
            {groups.map((g) => (
              <li key={g.kind} data-testid={`todo-${g.kind}`}>
                <h3 className="flex items-baseline justify-between gap-3 text-sm font-semibold text-slate-900">
                  <span>{t(`kinds.${g.kind}`)}</span>
                  <span className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{t('count', { count: g.count })}</span>
                </h3>
                <ul className="mt-1.5 divide-y divide-slate-100 rounded-lg border border-slate-200">
                  {g.items.map((i) => (
                    <li key={i.id}>
                      <Link
                        href={i.href}
                        className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 px-3 py-2 text-sm hover:bg-slate-50"
                        data-testid="todo-item"
                      >
                        <span className="min-w-0 font-medium text-teal-800">
                          {i.title}
                          {i.subtitle ? <span className="ml-2 font-normal text-slate-600">{i.subtitle}</span> : null}
                          {i.machines ? <span className="ml-2 font-normal text-amber-800">{t('machinesDetail', i.machines)}</span> : null}
                        </span>
                        <span className="flex shrink-0 gap-3 text-xs text-slate-600">
                          {i.amountFen !== null ? <span className="font-medium text-slate-800">{formatIn(unit, i.amountFen)}</span> : null}
                          {i.since ? <span>{t('since', { date: format.dateTime(i.since, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) })}</span> : null}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                {g.count > g.items.length ? <p className="mt-1 text-xs text-slate-600">{t('more', { count: g.count - g.items.length })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
