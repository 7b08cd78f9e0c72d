/** A scorecard per integrator of the fund; each figure names the claims it is drawn from (links). */
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { formatMoney } from '@/server/domain/money/money';
import type { CountyView } from '@/server/services/funds/county-view';

type Source = { id: string; number: string; status: string };

function Sources({ list }: { list: Source[] }) {
  if (!list.length) return null;
  return (
    <span className="ml-1 text-xs">
      (
      {list.map((c, i) => (
        <span key={c.id}>
          {i ? ', ' : ''}
          <Link href={`/claims/${c.id}`} className="font-mono text-teal-800 hover:underline">
            {c.number}
          </Link>
        </span>
      ))}
      )
    </span>
  );
}

export async function ProviderScorecards({ cards, locale }: { cards: CountyView['scorecards']; locale: string }) {
  const t = await getTranslations('countyView');
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const hidden = (firms: number) => t('suppressed', { firms, k: 5 });
  return (
    <div className="mt-6">
      <h3 className="mb-1 text-base font-semibold text-slate-900">{t('scorecards')}</h3>
      <p className="mb-3 text-sm text-slate-600">{t('scorecardsIntro')}</p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {cards.map((s) => (
          <Card key={s.integrator.id} title={localName(locale, s.integrator.name, s.integrator.nameEn)}>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="scorecard">
              <dt className="text-slate-500">{t('firmsServed')}</dt>
              <dd>
                {s.firmsServed.count}
                <Sources list={s.firmsServed.sources} />
              </dd>
              <dt className="text-slate-500">{t('connected')}</dt>
              <dd>
                {s.machinesConnected.count} / {s.machinesConnected.of}
              </dd>
              <dt className="text-slate-500">{t('used90')}</dt>
              <dd>
                {s.stillUsed90.figure.published ? pct(s.stillUsed90.figure.value.share) : hidden(s.stillUsed90.figure.firms)}
                <Sources list={s.stillUsed90.sources} />
              </dd>
              <dt className="text-slate-500">{t('savingsVsPromised')}</dt>
              <dd>
                {s.savings.figure.published
                  ? t('savingsValue', {
                      measured: formatMoney(s.savings.figure.value.measuredFen, locale),
                      promised: formatMoney(s.savings.figure.value.promisedFen, locale),
                      ratio: s.savings.figure.value.ratio === null ? '—' : pct(s.savings.figure.value.ratio),
                    })
                  : hidden(s.savings.figure.firms)}
                <Sources list={s.savings.sources} />
              </dd>
              <dt className="text-slate-500">{t('returnedRejected')}</dt>
              <dd>
                {s.returned.count} / {s.rejected.count}
                <Sources list={[...s.returned.sources, ...s.rejected.sources]} />
              </dd>
              <dt className="text-slate-500">{t('satisfaction')}</dt>
              <dd>
                {s.satisfaction.figure.published
                  ? t('satisfactionValue', { mean: s.satisfaction.figure.value.mean ?? '—', used: pct(s.satisfaction.figure.value.usedShare) })
                  : hidden(s.satisfaction.figure.firms)}
                <Sources list={s.satisfaction.sources} />
              </dd>
            </dl>
          </Card>
        ))}
      </div>
    </div>
  );
}
