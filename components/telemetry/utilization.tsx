import { getTranslations } from 'next-intl/server';
import { MIN_COVERAGE } from '@/server/domain/telemetry/figures';
import { bandClasses, bandOf, percentText } from './labels';

/**
 * A utilization figure with its band in words and colour, and what it rests on: low coverage (with the share needed) and
 * the default calendar are said beside it, never hidden.
 */
export async function UtilizationValue({
  value,
  coverage,
  lowCoverage,
  defaultCalendar,
  size = 'sm',
  testId,
}: {
  value: number | null;
  coverage: number | null;
  lowCoverage: boolean;
  defaultCalendar?: boolean;
  size?: 'sm' | 'lg';
  testId?: string;
}) {
  const t = await getTranslations('telemetry');
  const band = bandOf(value);
  const pct = percentText(value);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-1.5" data-testid={testId} data-band={band}>
      <span className={`inline-flex items-baseline gap-1 rounded-md px-1.5 py-0.5 ring-1 ring-inset ${bandClasses[band]}`}>
        <span className={`${size === 'lg' ? 'text-2xl' : 'text-sm'} font-semibold tabular-nums`}>{pct === null ? '—' : t('percent', { value: pct })}</span>
        <span className="text-xs">{t(`band.${band}`)}</span>
      </span>
      {value !== null && lowCoverage && coverage !== null ? (
        <span className="text-xs text-amber-800" data-testid="low-coverage">
          {t('lowCoverage', { value: `${percentText(coverage)} %`, min: `${percentText(MIN_COVERAGE)} %` })}
        </span>
      ) : null}
      {defaultCalendar ? (
        <span className="text-xs text-slate-500" title={t('defaultCalendar')}>
          *
        </span>
      ) : null}
    </span>
  );
}
