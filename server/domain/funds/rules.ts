import { z } from 'zod';

/**
 * A fund's rules are data. The foundation knows the TOMAN rule (free share of equipment); the
 * subsidy issue adds the others (share of spend, caps by level, deadlines) to this union.
 */
export const freeShareRule = z.object({
  kind: z.literal('FREE_SHARE'),
  freeSharePercent: z.number().int().min(0).max(100),
  minFreeMachines: z.number().int().min(0),
  /** Cap per machine in fen, as a decimal string (JSON has no bigint); null = no cap. */
  perMachineCapFen: z.string().regex(/^\d+$/).nullable(),
});
export const fundRule = z.discriminatedUnion('kind', [freeShareRule]);
export const fundRules = z.array(fundRule);
export type FundRule = z.infer<typeof fundRule>;

export const tomanDefaultRule: FundRule = { kind: 'FREE_SHARE', freeSharePercent: 5, minFreeMachines: 1, perMachineCapFen: null };

/** allowance = max(minFreeMachines, floor(inServiceMachines × freeSharePercent / 100)) */
export function freeMachineAllowance(inServiceMachines: number, rule: z.infer<typeof freeShareRule>): number {
  if (inServiceMachines <= 0) return 0;
  return Math.max(rule.minFreeMachines, Math.floor((inServiceMachines * rule.freeSharePercent) / 100));
}
