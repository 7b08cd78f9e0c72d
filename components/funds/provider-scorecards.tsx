/**
 * A scorecard per integrator of the fund: each figure links to the list of claims, firms and machines behind it, and a
 * score out of 100 with its working (server/domain/county/provider-score.ts, docs/decisions/0024).
 */
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { FIRMS_FOR_FULL_MARKS, type ScorePart } from '@/server/domain/county/provider-score';
import { formatMoney } from '@/server/domain/money/money';
import type { CountyView, ScorecardFigure } from '@/server/services/funds/county-view';

type Scorecard = CountyView['scorecards'][number];

async function SourcesLink({ fundId, card, figure, named = false }: { fundId: string; card: Scorecard; figure: ScorecardFigure; named?: boolean }) {
  const t = await getTranslations('countyView');
  const count = card[figure].sources.length;
  // two figures in one row (returned / rejected) each name theirs
  return (
    <Link
      href={`/funds/${fundId}/providers/${card.integrator.id}?figure=${figure}`}
      className="ml-2 whitespace-nowrap text-xs text-teal-800 underline"
      data-testid={`sources-${figure}`}
    >
      {named ? t('sourcesLinkNamed', { figure: t(`figures.${figure}`), count }) : t('sourcesLink', { count })}
    </Link>
  );
}

/** One line of the score's working: the part, what it was scored from, its points. */
async function ScoreLine({ part, card }: { part: ScorePart; card: Scorecard }) {
  const t = await getTranslations('countyView');
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  const basis = (): string => {
    if (part.notScored) return t(`scoreNotScored.${part.notScored}`);
    const share = pct(part.share ?? 0);
    switch (part.key) {
      case 'firmsServed':
        return t('scoreBasis.firmsServed', { firms: card.firmsServed.count, target: FIRMS_FOR_FULL_MARKS });
      case 'machinesConnected':
        return card.machinesConnected.figure.published
          ? t('scoreBasis.machinesConnected', { count: card.machinesConnected.figure.value.count, of: card.machinesConnected.figure.value.of })
          : t('scoreNotScored.withheld');
      case 'satisfaction':
        return t('scoreBasis.satisfaction', {
          mean: card.satisfaction.figure.published ? (card.satisfaction.figure.value.mean ?? '—') : '—',
        });
      case 'cleanClaims':
        return t('scoreBasis.cleanClaims', { clean: card.claims - card.returned.count - card.rejected.count, claims: card.claims });
      default:
        return t(`scoreBasis.${part.key}`, { share });
    }
  };
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 py-1" data-testid="score-part">
      <span className="min-w-0">
        <span className="font-medium text-slate-800">{t(`scoreParts.${part.key}`)}</span>
        <span className="ml-2 text-xs text-slate-600">{basis()}</span>
      </span>
      <span className="shrink-0 tabular-nums text-slate-800">
        {t('scorePoints', { points: part.points10 === null ? '—' : (part.points10 / 10).toFixed(1), max: part.max })}
      </span>
    </li>
  );
}

export async function ProviderScorecards({ cards, locale, fundId }: { cards: CountyView['scorecards']; locale: string; fundId: string }) {
  const t = await getTranslations('countyView');
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const hidden = (firms: number) => t('suppressed', { firms, k: 5 });
  const groups = ['firmsServed', 'capability', 'results', 'capacity'] as const;
  return (
    <div className="mt-6">
      <h3 className="mb-1 text-base font-semibold text-slate-900">{t('scorecards')}</h3>
      <p className="mb-3 text-sm text-slate-600">{t('scorecardsIntro')}</p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {cards.map((s) => (
          <Card key={s.integrator.id} title={localName(locale, s.integrator.name, s.integrator.nameEn)}>
            <div className="mb-4 rounded-lg bg-slate-50 p-3" data-testid="provider-score">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="text-sm text-slate-600">{t('score')}</span>
                <span className="text-2xl font-semibold tabular-nums text-slate-900">{t('scoreValue', { score: (s.score.score10 / 10).toFixed(1) })}</span>
                {s.score.notScored ? <span className="text-xs text-slate-600">{t('scoreNotScoredTotal', { points: s.score.notScored })}</span> : null}
              </p>
              <ul className="mt-2 text-sm">
                {groups.map((g) => (
                  <li key={g} className="border-t border-slate-200 pt-1.5 first:border-t-0">
                    <span className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t(`scoreGroups.${g}`)}</span>
                    <ul className="divide-y divide-slate-100">
                      {s.score.parts
                        .filter((p) => p.group === g)
                        .map((p) => (
                          <ScoreLine key={p.key} part={p} card={s} />
                        ))}
                    </ul>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-slate-600">{t('scoreRule')}</p>
            </div>
            {/* a figure's name wraps rather than squeezing its value out of the card; on a phone it stands above the value */}
            <dl
              className="grid grid-cols-1 gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[auto_minmax(0,1fr)] [&>dd]:min-w-0 [&>dd]:break-words max-sm:[&>dd]:mb-1"
              data-testid="scorecard"
            >
              <dt className="text-slate-600">{t('firmsServed')}</dt>
              <dd>
                {s.firmsServed.count}
                <SourcesLink fundId={fundId} card={s} figure="firmsServed" />
              </dd>
              <dt className="text-slate-600">{t('connected')}</dt>
              <dd>
                {s.machinesConnected.figure.published
                  ? `${s.machinesConnected.figure.value.count} / ${s.machinesConnected.figure.value.of}`
                  : hidden(s.machinesConnected.figure.firms)}
                <SourcesLink fundId={fundId} card={s} figure="machinesConnected" />
              </dd>
              <dt className="text-slate-600">{t('used90')}</dt>
              <dd>
                {s.stillUsed90.figure.published ? pct(s.stillUsed90.figure.value.share) : hidden(s.stillUsed90.figure.firms)}
                <SourcesLink fundId={fundId} card={s} figure="stillUsed90" />
              </dd>
              <dt className="text-slate-600">{t('savingsVsPromised')}</dt>
              <dd>
                {s.savings.figure.published
                  ? t('savingsValue', {
                      measured: formatMoney(s.savings.figure.value.measuredFen, locale),
                      promised: formatMoney(s.savings.figure.value.promisedFen, locale),
                      ratio: s.savings.figure.value.ratio === null ? '—' : pct(s.savings.figure.value.ratio),
                    })
                  : hidden(s.savings.figure.firms)}
                <SourcesLink fundId={fundId} card={s} figure="savings" />
              </dd>
              <dt className="text-slate-600">{t('returnedRejected')}</dt>
              <dd>
                {s.returned.count} / {s.rejected.count}
                <SourcesLink fundId={fundId} card={s} figure="returned" named />
                <SourcesLink fundId={fundId} card={s} figure="rejected" named />
              </dd>
              <dt className="text-slate-600">{t('satisfaction')}</dt>
              <dd>
                {s.satisfaction.figure.published
                  ? t('satisfactionValue', { mean: s.satisfaction.figure.value.mean ?? '—', used: pct(s.satisfaction.figure.value.usedShare) })
                  : hidden(s.satisfaction.figure.firms)}
                <SourcesLink fundId={fundId} card={s} figure="satisfaction" />
              </dd>
            </dl>
          </Card>
        ))}
      </div>
    </div>
  );
}
