import { type Component, components, levelOf, type MaturityCode } from './code';

/**
 * An SME's upgrading pathway is the sequence of its assessments in date order; each pair of consecutive
 * assessments is a step (an arrow on the paper's D×N grid). The first assessment is the given starting
 * point and is never judged. A pathway is *in series* when every step passes this rule, *non-linear*
 * otherwise, and the verdict names the first step that broke the sequence.
 *
 * A step from `from` to `to` is judged in this order (the first matching reason wins):
 * 1. `lowered` — some component is lower than before (a regression), whatever else changed;
 *    `components` lists the lowered ones.
 * 2. no component changed — fine: a reassessment with the same code is not a breach.
 * 3. `multipleRaised` — two or three components rose in the same step (D and N together, or all three);
 *    `components` lists the raised ones.
 * 4. `networkBeforeDigitalBase` — only N rose, while D was below D2 (networkization advances only on a
 *    completed digital base); `components` is ['N'].
 * 5. `intelligenceBeforeD2N2` — only I rose, while the code was below D2N2; `components` is ['I'].
 * 6. otherwise fine: one component rose. D may always rise; N on D2; I on D2N2. A rise of two levels of
 *    one component in one step (D0→D2, N0→N2 on D2, I0→I2 on D2N2) is still one component and fine.
 * Fewer than two assessments make a `single` pathway (nothing to judge, no breach). A pathway whose
 * steps are all fine — including one whose codes never change — is `in-series`.
 * Assessments are sorted by date; equal dates keep their input order. An invalid date throws RangeError.
 */
export type Assessment = { code: MaturityCode; date: Date };

export type BreachReason = 'lowered' | 'multipleRaised' | 'networkBeforeDigitalBase' | 'intelligenceBeforeD2N2';
export type StepBreach = { reason: BreachReason; components: Component[] };

export type PathwayStep<T extends Assessment = Assessment> = {
  /** 0-based position of the step: it goes from the sorted assessment `index` to `index + 1`. */
  index: number;
  from: MaturityCode;
  to: MaturityCode;
  fromDate: Date;
  toDate: Date;
  fromAssessment: T;
  toAssessment: T;
  raised: Component[];
  lowered: Component[];
  /** False when D and N are unchanged (only I changed, or nothing): the arrow has no length on the D×N grid. */
  movesOnGrid: boolean;
  breach: StepBreach | null;
};

export type PathwayKind = 'single' | 'in-series' | 'non-linear';
export type PathwayBreach = StepBreach & { index: number; from: MaturityCode; to: MaturityCode; fromDate: Date; toDate: Date };
export type PathwayAnalysis = { kind: PathwayKind; breach: PathwayBreach | null };

/** Judges one step on its own (also usable to preview whether a retrofit's target code keeps a pathway in series). */
export function judgeStep(from: MaturityCode, to: MaturityCode): StepBreach | null {
  const lowered = components.filter((c) => levelOf(to, c) < levelOf(from, c));
  if (lowered.length > 0) return { reason: 'lowered', components: lowered };
  const raised = components.filter((c) => levelOf(to, c) > levelOf(from, c));
  if (raised.length === 0) return null;
  if (raised.length > 1) return { reason: 'multipleRaised', components: raised };
  if (raised[0] === 'N' && from.d < 2) return { reason: 'networkBeforeDigitalBase', components: ['N'] };
  if (raised[0] === 'I' && (from.d < 2 || from.n < 2)) return { reason: 'intelligenceBeforeD2N2', components: ['I'] };
  return null;
}

/** The assessments in date order (a new array; stable for equal dates). Throws RangeError on an invalid date. */
export function sortAssessments<T extends Assessment>(assessments: readonly T[]): T[] {
  assessments.forEach((a, index) => {
    if (Number.isNaN(a.date.getTime())) throw new RangeError(`assessment ${index} has an invalid date`);
  });
  return [...assessments].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** Every step of the pathway in date order, with its verdict, for drawing the arrows on the D×N grid. */
export function pathwaySteps<T extends Assessment>(assessments: readonly T[]): PathwayStep<T>[] {
  const sorted = sortAssessments(assessments);
  const steps: PathwayStep<T>[] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const fromAssessment = sorted[index] as T;
    const toAssessment = sorted[index + 1] as T;
    const from = fromAssessment.code;
    const to = toAssessment.code;
    steps.push({
      index,
      from,
      to,
      fromDate: fromAssessment.date,
      toDate: toAssessment.date,
      fromAssessment,
      toAssessment,
      raised: components.filter((c) => levelOf(to, c) > levelOf(from, c)),
      lowered: components.filter((c) => levelOf(to, c) < levelOf(from, c)),
      movesOnGrid: from.d !== to.d || from.n !== to.n,
      breach: judgeStep(from, to),
    });
  }
  return steps;
}

/** The verdict on a whole pathway: single, in series, or non-linear with the first breaching step. */
export function analysePathway(assessments: readonly Assessment[]): PathwayAnalysis {
  if (assessments.length < 2) {
    sortAssessments(assessments);
    return { kind: 'single', breach: null };
  }
  for (const step of pathwaySteps(assessments)) {
    if (step.breach) {
      const { index, from, to, fromDate, toDate } = step;
      return { kind: 'non-linear', breach: { ...step.breach, index, from, to, fromDate, toDate } };
    }
  }
  return { kind: 'in-series', breach: null };
}
