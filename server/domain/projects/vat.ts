/**
 * VAT on what the integrator sells to the SME (prices are quoted tax included, 含税): 13 % on equipment, 6 % on
 * services and software (technical services, software as a service, training), as DOMAIN.md records.
 */
import { divRound, type Fen } from '../money/money';
import type { CostCategory } from './codes';

export const vatRatesBp = [1300, 900, 600, 300, 100, 0] as const;

export const vatRateBpByCategory: Record<CostCategory, number> = { HARDWARE: 1300, INSTALLATION: 600, SOFTWARE: 600, TRAINING: 600 };

/** The VAT contained in a tax-included amount: amount × rate ÷ (1 + rate), rounded half away from zero. */
export function vatIncluded(amountFen: Fen, rateBp: number): Fen {
  return divRound(amountFen * BigInt(rateBp), 10_000n + BigInt(rateBp));
}

/** "13%" from basis points. */
export const vatRateText = (rateBp: number) => `${rateBp / 100}%`;
