import { getFormatter, getTranslations } from 'next-intl/server';

type Breach = { index: number; reason: string; components: string[]; from: string; to: string; fromDate: Date; toDate: Date };

/** In series or not, and why: the first step that broke the sequence, in words. */
export async function PathwayVerdict({ kind, breach }: { kind: 'single' | 'in-series' | 'non-linear'; breach: Breach | null }) {
  const t = await getTranslations('assessments');
  const format = await getFormatter();
  const tone = kind === 'non-linear' ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-teal-200 bg-teal-50 text-teal-900';
  return (
    <div className={`rounded-lg border px-4 py-3 text-sm ${tone}`} data-testid="pathway-verdict" data-kind={kind}>
      <p className="font-medium">{t(`verdict.${kind}`)}</p>
      {breach ? (
        <p className="mt-1">
          {t('firstBreach')}{' '}
          {t(`breach.${breach.reason}` as 'breach.lowered', {
            index: breach.index + 1,
            from: breach.from,
            to: breach.to,
            fromDate: format.dateTime(breach.fromDate, { dateStyle: 'long' }),
            toDate: format.dateTime(breach.toDate, { dateStyle: 'long' }),
            components: breach.components.join(' + '),
          })}
        </p>
      ) : null}
    </div>
  );
}
