/**
 * Expected monthly savings, each line explained: labour (operators freed × monthly wage × shifts), scrap (rate
 * reduction × monthly scrap cost), energy, other. Money in fen; rates in basis points (1 % = 100 bp).
 */
import { divRound } from '../money/money';

export type SavingsInput =
  /** operatorsPerShift: the staffing before the retrofit, when the SME records it (lets results measure operator-hours per part) */
  | { kind: 'LABOUR'; operatorsFreed: number; monthlyWageFen: bigint; shifts: number; operatorsPerShift?: number | null }
  | { kind: 'SCRAP'; rateReductionBp: number; monthlyScrapCostFen: bigint }
  /** tariffFenPerKwh: the electricity tariff, when recorded (lets results turn energy per part into money) */
  | { kind: 'ENERGY'; monthlyFen: bigint; tariffFenPerKwh?: number | null }
  | { kind: 'OTHER'; monthlyFen: bigint; label: string };

export type SavingsLine = SavingsInput & { monthlyFen: bigint };

export function savingsLine(s: SavingsInput): SavingsLine {
  switch (s.kind) {
    case 'LABOUR':
      if (s.operatorsFreed < 0 || s.shifts < 0 || s.monthlyWageFen < 0n) throw new RangeError('negative labour input');
      // operators freed per shift × shifts × wage; operators may be fractional (0.5 = half a post), counted in tenths
      return { ...s, monthlyFen: divRound(BigInt(Math.round(s.operatorsFreed * 10)) * BigInt(s.shifts) * s.monthlyWageFen, 10n) };
    case 'SCRAP':
      if (s.rateReductionBp < 0 || s.rateReductionBp > 10_000) throw new RangeError('scrap rate reduction out of range');
      return { ...s, monthlyFen: divRound(s.monthlyScrapCostFen * BigInt(s.rateReductionBp), 10_000n) };
    case 'ENERGY':
    case 'OTHER':
      return { ...s, monthlyFen: s.monthlyFen };
  }
}

export function monthlySavings(lines: readonly SavingsInput[]): { lines: SavingsLine[]; totalFen: bigint } {
  const out = lines.map(savingsLine);
  return { lines: out, totalFen: out.reduce((s, l) => s + l.monthlyFen, 0n) };
}
