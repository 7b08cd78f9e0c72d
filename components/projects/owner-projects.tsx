import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { statusTone } from '@/components/projects/status-tone';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatIn, type MoneyUnit, screenMoneyUnit } from '@/server/domain/money/money';

type Item = { id: string; number: string; title: string; status: string; target: string; machines: number; priceFen: bigint | null };

/** The SME owner's projects at a glance, as cards that keep stage and price in view on a phone (prices in one unit). */
export async function OwnerProjects({ items, total, moneyUnit }: { items: Item[]; total: number; moneyUnit?: MoneyUnit }) {
  const t = await getTranslations('projects');
  const th = await getTranslations('home');
  const locale = await getLocale();
  const unit =
    moneyUnit ??
    screenMoneyUnit(
      locale,
      items.map((p) => p.priceFen),
    );
  return (
    <Card title={th('myProjects')}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{th('noProjects')}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="owner-projects">
          {items.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.id}`} className="block rounded-lg border border-slate-200 p-3 hover:border-teal-600 hover:bg-slate-50">
                <div className="flex items-start justify-between gap-2">
                  <span className="font-medium text-teal-800">
                    {p.number} {p.title}
                  </span>
                  <Badge tone={statusTone[p.status as keyof typeof statusTone] ?? 'slate'}>{t(`statuses.${p.status}` as 'statuses.DRAFT')}</Badge>
                </div>
                <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-700">
                  <span>{th('projectTarget', { code: p.target })}</span>
                  <span>{th('projectMachines', { count: p.machines })}</span>
                  {p.priceFen !== null ? <span className="font-medium text-slate-900">{formatIn(unit, p.priceFen)}</span> : null}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? (
        <Link href="/projects" className="mt-3 inline-block text-sm text-teal-800 underline-offset-2 hover:underline">
          {th('allProjects', { count: total })}
        </Link>
      ) : null}
    </Card>
  );
}
