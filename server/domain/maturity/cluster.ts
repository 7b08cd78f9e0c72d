/**
 * The maturity of a cluster at two moments: where its SMEs stand on the D×N grid (each SME's latest signed-off
 * assessment on or before the date), how many moved between the two and where, the share at national level ≥ 2,
 * and the SMEs not assessed for more than twelve months.
 */
import { formatCode, type MaturityCode } from './code';

export type SmeAssessments = { smeClientId: string; name: string; assessments: { date: Date; code: MaturityCode; nationalLevel: number | null }[] };

export type Grid = number[][]; // [n][d] counts

export function latestOnOrBefore<T extends { date: Date }>(items: readonly T[], at: Date): T | null {
  let best: T | null = null;
  for (const a of items) if (a.date.getTime() <= at.getTime() && (!best || a.date.getTime() >= best.date.getTime())) best = a;
  return best;
}

export function yearBefore(d: Date): Date {
  const x = new Date(d);
  x.setUTCFullYear(x.getUTCFullYear() - 1);
  return x;
}

function bump(grid: Grid, code: MaturityCode) {
  const row = grid[code.n] as number[];
  row[code.d] = (row[code.d] ?? 0) + 1;
}

export function clusterMaturity(smes: readonly SmeAssessments[], now: Date) {
  const before = yearBefore(now);
  const empty = (): Grid => [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const gridNow = empty();
  const gridBefore = empty();
  const moves = new Map<string, number>();
  let assessedNow = 0;
  let assessedBefore = 0;
  let levelKnownNow = 0;
  let level2Now = 0;
  let levelKnownBefore = 0;
  let level2Before = 0;
  let moved = 0;
  const stale: { smeClientId: string; name: string; lastAssessedOn: Date | null }[] = [];
  for (const sme of smes) {
    const a = latestOnOrBefore(sme.assessments, now);
    const b = latestOnOrBefore(sme.assessments, before);
    if (a) {
      assessedNow++;
      bump(gridNow, a.code);
      if (a.nationalLevel !== null) {
        levelKnownNow++;
        if (a.nationalLevel >= 2) level2Now++;
      }
    }
    if (b) {
      assessedBefore++;
      bump(gridBefore, b.code);
      if (b.nationalLevel !== null) {
        levelKnownBefore++;
        if (b.nationalLevel >= 2) level2Before++;
      }
    }
    if (a && b && formatCode(a.code) !== formatCode(b.code)) {
      moved++;
      const key = `${formatCode(b.code)}→${formatCode(a.code)}`;
      moves.set(key, (moves.get(key) ?? 0) + 1);
    }
    if (!a || a.date.getTime() < before.getTime()) stale.push({ smeClientId: sme.smeClientId, name: sme.name, lastAssessedOn: a?.date ?? null });
  }
  const share = (k: number, n: number) => (n ? Math.round((k / n) * 1000) / 10 : null);
  return {
    now,
    before,
    smes: smes.length,
    gridNow,
    gridBefore,
    assessedNow,
    assessedBefore,
    moved,
    moves: [...moves.entries()]
      .map(([step, count]) => ({ from: step.split('→')[0] as string, to: step.split('→')[1] as string, count }))
      .sort((x, y) => y.count - x.count),
    nationalLevel2: {
      now: share(level2Now, levelKnownNow),
      before: share(level2Before, levelKnownBefore),
      knownNow: levelKnownNow,
      knownBefore: levelKnownBefore,
    },
    stale,
  };
}
