import { getTranslations } from 'next-intl/server';
import { stateFill } from './labels';

type Span = { from: Date; to: Date; state: string; alarm: string | null };
export type Strip = {
  shift: string | null;
  from: Date;
  to: Date;
  breaks: { from: Date; to: Date }[];
  spans: Span[];
  figures: { utilization: number | null; output: number };
};

/** HH:MM in Asia/Shanghai. */
export function shanghaiClock(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

const stateOrder = ['running', 'idle', 'setup', 'alarm', 'stopped', 'unknown'] as const;

/** One strip per shift: coloured spans (with their state and time as a tooltip), breaks marked, what is still to come left blank. */
export async function TimelineStrips({ strips }: { strips: Strip[] }) {
  const t = await getTranslations('telemetry');
  return (
    <div className="space-y-4" data-testid="timeline">
      {strips.map((s) => {
        const total = s.to.getTime() - s.from.getTime();
        const pos = (d: Date) => `${(((d.getTime() - s.from.getTime()) / total) * 100).toFixed(3)}%`;
        const width = (a: Date, b: Date) => `${(((b.getTime() - a.getTime()) / total) * 100).toFixed(3)}%`;
        const seconds = new Map<string, number>();
        for (const x of s.spans) seconds.set(x.state, (seconds.get(x.state) ?? 0) + (x.to.getTime() - x.from.getTime()) / 1000);
        const shown = s.spans.reduce((n, x) => n + (x.to.getTime() - x.from.getTime()) / 1000, 0);
        const summary = stateOrder
          .filter((k) => (seconds.get(k) ?? 0) > 0)
          .map((k) => `${t(`states.${k}`)} ${Math.round(((seconds.get(k) ?? 0) / Math.max(shown, 1)) * 100)} %`)
          .join('，');
        const name = s.shift ? t('live.shift', { name: s.shift }) : t('live.noShift');
        const util = s.figures.utilization;
        return (
          <div key={s.from.toISOString()} data-testid="timeline-strip">
            <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium text-slate-800">
                {name} <span className="font-normal tabular-nums text-slate-500">{`${shanghaiClock(s.from)}–${shanghaiClock(s.to)}`}</span>
              </span>
              {s.shift ? (
                <span className="text-xs text-slate-600 tabular-nums">
                  {t('live.shiftFigures', { utilization: util === null ? '—' : `${Math.round(util * 100)} %`, output: s.figures.output })}
                </span>
              ) : null}
            </div>
            <div
              role="img"
              aria-label={t('live.stripLabel', { shift: name, summary: summary || t('states.unknown') })}
              className="relative h-7 w-full overflow-hidden rounded-md border border-slate-200 bg-white"
            >
              {s.spans.map((x) => (
                <div
                  key={x.from.toISOString()}
                  title={`${t(`states.${x.state}` as 'states.running')}${x.alarm ? ` ${x.alarm}` : ''} ${shanghaiClock(x.from)}–${shanghaiClock(x.to)}`}
                  className="absolute inset-y-0"
                  style={{
                    left: pos(x.from),
                    width: width(x.from, x.to),
                    background: x.state === 'unknown' ? 'repeating-linear-gradient(135deg,#e2e8f0 0 4px,#f8fafc 4px 8px)' : (stateFill[x.state] ?? '#cbd5e1'),
                  }}
                />
              ))}
              {s.breaks.map((b) => (
                <div
                  key={`b${b.from.toISOString()}`}
                  aria-hidden
                  className="absolute bottom-0 h-1.5 bg-slate-900/40"
                  style={{ left: pos(b.from), width: width(b.from, b.to) }}
                />
              ))}
            </div>
          </div>
        );
      })}
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={t('floor.legend')}>
        {stateOrder.map((k) => (
          <li key={k} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden
              className="inline-block h-3 w-3 rounded-sm border border-slate-300"
              style={{ background: k === 'unknown' ? 'repeating-linear-gradient(135deg,#e2e8f0 0 3px,#f8fafc 3px 6px)' : stateFill[k] }}
            />
            {t(`states.${k}`)}
          </li>
        ))}
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="relative inline-block h-3 w-3 rounded-sm border border-slate-300 bg-white">
            <span className="absolute inset-x-0 bottom-0 h-1 bg-slate-900/40" />
          </span>
          {t('floor.legendBreak')}
        </li>
      </ul>
    </div>
  );
}
