/**
 * A provider's score out of 100, as pilot-city programmes score their service providers (firms served, product
 * capability, results, overall capacity; docs/decisions/0024). Pure: it takes the scorecard's figures as published.
 *
 * | part                | points | from                                                                        |
 * | ------------------- | -----: | --------------------------------------------------------------------------- |
 * | firms served        |     25 | firms with a claim not rejected, against FIRMS_FOR_FULL_MARKS (linear, capped) |
 * | product capability  |     15 | share of the claimed machines whose terminal has reported                   |
 * |                     |     10 | share of the machines due at 90 days that are still used                    |
 * | results             |     20 | measured savings against the contract's promise (capped at 100 %)           |
 * |                     |     10 | the owners' mean satisfaction, 1 → 0 points, 5 → 10                           |
 * | overall capacity    |     20 | share of the claims neither returned nor rejected                           |
 *
 * A part that rests on a figure withheld under the 5-firm rule (or on nothing: no machine due yet, no claim) is *not
 * scored*: it gives no points and says so, and the score shows how many points were not scored. It is never estimated,
 * so the total can never be used to work a withheld figure back out. Points are kept in tenths, rounded half up.
 */

export const FIRMS_FOR_FULL_MARKS = 20;

export type ScorePartKey = 'firmsServed' | 'machinesConnected' | 'stillUsed90' | 'savings' | 'satisfaction' | 'cleanClaims';
export type ScoreGroup = 'firmsServed' | 'capability' | 'results' | 'capacity';

export const SCORE_WEIGHTS: Record<ScorePartKey, { group: ScoreGroup; max: number }> = {
  firmsServed: { group: 'firmsServed', max: 25 },
  machinesConnected: { group: 'capability', max: 15 },
  stillUsed90: { group: 'capability', max: 10 },
  savings: { group: 'results', max: 20 },
  satisfaction: { group: 'results', max: 10 },
  cleanClaims: { group: 'capacity', max: 20 },
};

/** One part: its points in tenths (null: not scored), its maximum, and the fraction it was scored from. */
export type ScorePart = {
  key: ScorePartKey;
  group: ScoreGroup;
  max: number;
  /** tenths of a point; null when not scored */
  points10: number | null;
  /** why not scored: the figure is withheld (fewer than 5 firms) or there is nothing to score yet */
  notScored: 'withheld' | 'nothingYet' | null;
  /** the share the points come from, 0–1 (null when not scored) */
  share: number | null;
};

export type ScoreInput = {
  firmsServed: number;
  /** 'withheld': rests on fewer than 5 firms; null: no machine yet */
  machinesConnected: { count: number; of: number } | 'withheld' | null;
  /** share of due machines still used at 90 days; 'withheld' under the 5-firm rule; null: none due yet */
  stillUsed90: number | 'withheld' | null;
  /** measured ÷ promised; 'withheld'; null: nothing measured against a promise */
  savingsRatio: number | 'withheld' | null;
  /** mean of the owners' overall scores (1–5); 'withheld'; null: no answer */
  satisfactionMean: number | 'withheld' | null;
  claims: { total: number; returned: number; rejected: number };
};

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const tenths = (share: number, max: number) => Math.round(clamp01(share) * max * 10);

function part(key: ScorePartKey, value: number | 'withheld' | null): ScorePart {
  const { group, max } = SCORE_WEIGHTS[key];
  if (value === 'withheld') return { key, group, max, points10: null, notScored: 'withheld', share: null };
  if (value === null) return { key, group, max, points10: null, notScored: 'nothingYet', share: null };
  const share = clamp01(value);
  return { key, group, max, points10: tenths(share, max), notScored: null, share };
}

export function providerScore(s: ScoreInput) {
  const handled = s.claims.total - s.claims.returned - s.claims.rejected;
  const parts: ScorePart[] = [
    part('firmsServed', s.firmsServed / FIRMS_FOR_FULL_MARKS),
    part(
      'machinesConnected',
      s.machinesConnected === 'withheld' || s.machinesConnected === null
        ? s.machinesConnected
        : s.machinesConnected.of > 0
          ? s.machinesConnected.count / s.machinesConnected.of
          : null,
    ),
    part('stillUsed90', s.stillUsed90),
    part('savings', s.savingsRatio),
    part('satisfaction', typeof s.satisfactionMean === 'number' ? (s.satisfactionMean - 1) / 4 : s.satisfactionMean),
    part('cleanClaims', s.claims.total > 0 ? Math.max(0, handled) / s.claims.total : null),
  ];
  const score10 = parts.reduce((sum, p) => sum + (p.points10 ?? 0), 0);
  const notScored = parts.filter((p) => p.points10 === null).reduce((sum, p) => sum + p.max, 0);
  return { score10, outOf: 100, notScored, parts };
}
export type ProviderScore = ReturnType<typeof providerScore>;
