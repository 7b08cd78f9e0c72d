/** The county's view of a fund from evidence (k ≥ 5 firms per figure); the provider scorecards are beside it. */
import { getLocale, getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { Card } from '@/components/ui/card';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Table, Td } from '@/components/ui/table';
import type { Published } from '@/server/domain/county/suppression';
import type { CountyView } from '@/server/services/funds/county-view';
import { ProviderScorecards } from './provider-scorecards';

type Dist = { quartiles: { p25: number; median: number; p75: number; min: number; max: number } | null; bands: number[] };

export async function CountyViewSection({ view, fundId }: { view: CountyView; fundId: string }) {
  const t = await getTranslations('countyView');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const hidden = (f: { firms: number }) => t('suppressed', { firms: f.firms, k: 5 });
  const shown = <T,>(f: Published<T>, render: (v: T) => string) => (f.published ? render(f.value) : '—');
  const hint = <T,>(f: Published<T>, text: (v: T) => string) => (f.published ? `${text(f.value)} · ${t('firms', { count: f.firms })}` : hidden(f));
  const distRows = (rows: { group: string; figure: Published<Dist> }[], label: (g: string) => string, fmt: (v: number) => string) =>
    rows.map(({ group, figure }) => (
      <tr key={group} data-testid="dist-row" data-published={figure.published ? 'yes' : 'no'}>
        <Td>{label(group)}</Td>
        <Td numeric>{figure.firms}</Td>
        {figure.published && figure.value.quartiles ? (
          <>
            <Td numeric>{fmt(figure.value.quartiles.p25)}</Td>
            <Td numeric>{fmt(figure.value.quartiles.median)}</Td>
            <Td numeric>{fmt(figure.value.quartiles.p75)}</Td>
            {figure.value.bands.map((n, i) => (
              <Td key={i} numeric>
                {n}
              </Td>
            ))}
          </>
        ) : (
          <td colSpan={3 + bandHeads.length} className="px-5 py-2.5 text-slate-500">
            {hidden(figure)}
          </td>
        )}
      </tr>
    ));
  // the bands as columns of their own, each headed by its range ("<65%", "65–85%", ">85%")
  const bandHeads = t('bands').split(' / ');
  const distTable = (rows: { group: string; figure: Published<Dist> }[], label: (g: string) => string) =>
    rows.length ? (
      <Table head={[t('group'), t('firmsHead'), 'P25', t('median'), 'P75', ...bandHeads]}>{distRows(rows, label, pct)}</Table>
    ) : (
      <p className="text-sm text-slate-500" data-testid="dist-empty">
        {t('noGroups')}
      </p>
    );
  const sector = (s: string) => (tAll.has(`enums.sector.${s}`) ? tAll(`enums.sector.${s}` as 'enums.sector.OTHER') : s);
  const pb = view.payback;
  return (
    <section className="mt-8" data-testid="county-view">
      <h2 className="mb-1 text-lg font-semibold text-slate-900">{t('title')}</h2>
      <p className="mb-4 text-sm text-slate-600">{t('intro', { k: 5 })}</p>
      <StatGrid>
        <Stat
          label={t('connected')}
          value={shown(view.machinesConnected, (v) => `${v.connected} / ${v.total}`)}
          hint={hint(view.machinesConnected, () => t('connectedHint'))}
        />
        <Stat
          label={t('used90')}
          value={shown(view.stillUsed90, (v) => pct(v.share))}
          hint={hint(view.stillUsed90, (v) => t('usedHint', { used: v.used, due: v.due, silent: v.silent }))}
        />
        <Stat
          label={t('used180')}
          value={shown(view.stillUsed180, (v) => pct(v.share))}
          hint={hint(view.stillUsed180, (v) => t('usedHint', { used: v.used, due: v.due, silent: v.silent }))}
        />
        <Stat
          label={t('payback')}
          value={pb.published && pb.value.quartiles ? t('months', { months: pb.value.quartiles.median }) : '—'}
          hint={
            pb.published && pb.value.quartiles
              ? `${t('paybackHint', { p25: pb.value.quartiles.p25, p75: pb.value.quartiles.p75 })} · ${t('firms', { count: pb.firms })}`
              : hidden(pb)
          }
        />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={t('bySector')}>
          {distTable(view.utilizationBySector, sector)}
          <p className="mt-2 text-xs text-slate-500">{t('bandsHint')}</p>
        </Card>
        <Card title={t('byKind')}>{distTable(view.utilizationByKind, (k) => kindLabel(tAll as never, k))}</Card>
      </div>
      {pb.published ? (
        <p className="mt-3 text-sm text-slate-600" data-testid="payback-bands">
          {t('paybackBands', { b12: pb.value.bands[0] ?? 0, b24: pb.value.bands[1] ?? 0, b36: pb.value.bands[2] ?? 0, over: pb.value.bands[3] ?? 0 })}
        </p>
      ) : null}
      <ProviderScorecards cards={view.scorecards} locale={locale} fundId={fundId} />
    </section>
  );
}
