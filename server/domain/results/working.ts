/**
 * The money of a measured result, worked from the project's own savings lines and shown as sentences (message keys
 * with parameters, worded in both languages by the catalogue under "results.steps"), e.g.
 * "utilization 61 % → 74 %, output per hour +21 %; 1.5 operators per shift freed × ¥6,400 × 2 shifts = ¥19,200 a month".
 * - LABOUR with the staffing recorded (operators per shift before): the operators the old way would need for the
 *   measured output, less those working now: S × (output per hour after ÷ before) − (S − freed), in tenths of an
 *   operator; × wage × shifts. Operator-minutes per part before and after are shown. Without staffing the line's own
 *   figure is taken as planned, and only while output per hour has not fallen.
 * - ENERGY with a tariff: (Wh per part before − after) × parts a month × tariff. Without one, the line's amount as
 *   planned while energy per part has not risen. No meter readings: nothing counted.
 * - SCRAP with good-part counts: the relative fall of the scrap rate × the line's monthly scrap cost. Without: nothing.
 * - OTHER: as stated.
 * "A month" is 30 days of the result window's average. Money in fen (bigint), ratios from integers.
 */
import type { Step } from '../funds/allowance';
import { divRound } from '../money/money';
import type { SavingsInput } from '../projects/savings';
import { savingsLine } from '../projects/savings';
import { type Measurement, ratioRound } from './measure';

export const DAYS_PER_MONTH = 30;

/** Basis points as a percentage with at most one decimal ("61", "61.5"), from integers. */
export function pct(bp: number): string {
  const neg = bp < 0;
  const tenths = Math.round(Math.abs(bp) / 10);
  const text = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return neg && tenths > 0 ? `−${text}` : text;
}

/** A signed change: "+21", "−10.2", "0". */
export function signedPct(bp: number): string {
  const t = pct(bp);
  return bp > 0 && t !== '0' ? `+${t}` : t;
}

/** Hundredths as a decimal with two places ("12.34"). */
export function centi(n: number): string {
  const neg = n < 0;
  const a = Math.abs(n);
  return `${neg ? '−' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Tenths as a decimal with one place, dropped when whole ("1.5", "2"). */
export function tenths(n: number): string {
  const neg = n < 0;
  const a = Math.abs(n);
  return `${neg ? '−' : ''}${a % 10 === 0 ? String(a / 10) : `${Math.floor(a / 10)}.${a % 10}`}`;
}

const money = (fen: bigint) => `fen:${fen}`;

export type LineResult = { kind: SavingsInput['kind']; plannedFen: bigint; measuredFen: bigint; step: Step };
export type Working = { refused: boolean; steps: Step[]; lines: LineResult[]; monthlyFen: bigint | null };

export function moneyWorking(m: Measurement, savings: readonly SavingsInput[], resultDays: number): Working {
  const t = m.total;
  if (t.refused) {
    return {
      refused: true,
      steps: [
        {
          key: 'refused',
          params: { before: pct(t.before.coverageBp ?? 0), after: pct(t.after.coverageBp ?? 0), min: pct(m.minCoverageBp) },
        },
      ],
      lines: [],
      monthlyFen: null,
    };
  }
  const steps: Step[] = [];
  const outputBp = t.outputPerHourChangeBp;
  steps.push({
    key: 'summary',
    params: {
      utilBefore: pct(t.before.utilizationBp ?? 0),
      utilAfter: pct(t.after.utilizationBp ?? 0),
      output: outputBp === null ? '—' : signedPct(outputBp),
      coverageBefore: pct(t.before.coverageBp ?? 0),
      coverageAfter: pct(t.after.coverageBp ?? 0),
    },
  });
  if (t.whPerPartChangeBp !== null && t.before.whPerPartCenti !== null && t.after.whPerPartCenti !== null)
    steps.push({
      key: 'energyPerPart',
      params: { before: centi(t.before.whPerPartCenti), after: centi(t.after.whPerPartCenti), change: signedPct(t.whPerPartChangeBp) },
    });

  const machines = m.machines.length;
  const opBefore = t.before.outputPerHourCenti ?? 0;
  const opAfter = t.after.outputPerHourCenti ?? 0;
  const partsAfter = BigInt(m.totals.after.parts);
  const lines: LineResult[] = savings.map((s) => {
    const plannedFen = savingsLine(s).monthlyFen;
    const line = (measuredFen: bigint, key: string, params: Step['params']): LineResult => ({
      kind: s.kind,
      plannedFen,
      measuredFen,
      step: { key, params: { ...params, amount: money(measuredFen), planned: money(plannedFen) } },
    });
    switch (s.kind) {
      case 'LABOUR': {
        const freed10 = Math.round(s.operatorsFreed * 10);
        const staff10 = s.operatorsPerShift ? Math.round(s.operatorsPerShift * 10) : 0;
        const base = { wage: money(s.monthlyWageFen), shifts: s.shifts, output: outputBp === null ? '—' : signedPct(outputBp) };
        if (staff10 > 0 && staff10 >= freed10 && opBefore > 0 && opAfter > 0 && machines > 0) {
          const needed10 = Number(ratioRound(BigInt(staff10) * BigInt(opAfter), BigInt(opBefore)));
          const now10 = staff10 - freed10;
          const measured10 = needed10 - now10;
          const minutes = (staff: number, op: number) => tenths(Number(ratioRound(BigInt(staff) * 6000n, BigInt(op) * BigInt(machines))));
          return line(divRound(BigInt(measured10) * BigInt(s.shifts) * s.monthlyWageFen, 10n), 'labourMeasured', {
            ...base,
            freed: tenths(measured10),
            staffing: tenths(staff10),
            now: tenths(now10),
            minutesBefore: minutes(staff10, opBefore),
            minutesAfter: now10 > 0 ? minutes(now10, opAfter) : '0',
          });
        }
        if (outputBp !== null && outputBp >= 0) return line(plannedFen, 'labourAsPlanned', { ...base, freed: tenths(freed10) });
        return line(0n, 'labourNotHeld', base);
      }
      case 'ENERGY': {
        const b = t.before.whPerPartCenti;
        const a = t.after.whPerPartCenti;
        if (b === null || a === null) return line(0n, 'energyNoData', {});
        if (s.tariffFenPerKwh && s.tariffFenPerKwh > 0 && resultDays > 0) {
          const partsMonth = ratioRound(partsAfter * BigInt(DAYS_PER_MONTH), BigInt(resultDays));
          const fen = ratioRound(BigInt(b - a) * partsMonth * BigInt(s.tariffFenPerKwh), 100_000n);
          return line(fen, 'energyMeasured', {
            before: centi(b),
            after: centi(a),
            partsMonth: Number(partsMonth),
            tariff: money(BigInt(s.tariffFenPerKwh)),
          });
        }
        return a <= b
          ? line(plannedFen, 'energyAsPlanned', { before: centi(b), after: centi(a) })
          : line(0n, 'energyNotHeld', { before: centi(b), after: centi(a) });
      }
      case 'SCRAP': {
        const b = t.before.scrapBp;
        const a = t.after.scrapBp;
        if (b === null || a === null || b === 0) return line(0n, 'scrapNoData', {});
        const fallBp = Number(ratioRound(BigInt(b - a) * 10_000n, BigInt(b)));
        return line(divRound(s.monthlyScrapCostFen * BigInt(fallBp), 10_000n), 'scrapMeasured', {
          before: pct(b),
          after: pct(a),
          change: signedPct(-fallBp),
          cost: money(s.monthlyScrapCostFen),
        });
      }
      default:
        return line(s.monthlyFen, 'otherAsStated', { label: s.label });
    }
  });
  for (const l of lines) steps.push(l.step);
  const monthlyFen = lines.reduce((sum, l) => sum + l.measuredFen, 0n);
  steps.push({ key: 'monthly', params: { amount: money(monthlyFen), days: resultDays } });
  return { refused: false, steps, lines, monthlyFen };
}
