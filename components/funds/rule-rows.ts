/** A fund's rules as the rows of the fund form (text inputs), and back. */
import type { FundRule, UsageStage } from '@/server/domain/funds/rules';
import { parseYuan } from '@/server/domain/money/money';
import type { CostCategory } from '@/server/domain/projects/codes';

export const ruleKinds = ['FREE_SHARE', 'SPEND_SHARE', 'LEVEL_CAP', 'LEVEL_BONUS', 'DEADLINE', 'USAGE_REQUIRED', 'ELIGIBLE_COSTS'] as const;
export type RuleRow = {
  kind: (typeof ruleKinds)[number];
  a: string;
  b: string;
  c: string;
  levels: [string, string, string];
  early?: boolean;
  /** USAGE_REQUIRED: judged before approval or before payout */
  stage?: UsageStage;
  /** ELIGIBLE_COSTS: the kinds of cost the fund pays for */
  categories?: CostCategory[];
};

const yuanText = (fen: string | null) => (fen === null ? '' : (Number(BigInt(fen)) / 100).toFixed(2));

export function toRows(rules: FundRule[]): RuleRow[] {
  return rules.map((r) => {
    switch (r.kind) {
      case 'FREE_SHARE':
        return {
          kind: r.kind,
          a: String(r.freeSharePercent),
          b: String(r.minFreeMachines),
          c: yuanText(r.perMachineCapFen),
          levels: ['', '', ''],
          early: r.claimableFrom === 'ACCEPTED',
        };
      case 'SPEND_SHARE':
        return { kind: r.kind, a: String(r.rateBp / 100), b: yuanText(r.capPerFirmFen), c: '', levels: ['', '', ''] };
      case 'LEVEL_CAP':
      case 'LEVEL_BONUS': {
        const list = r.kind === 'LEVEL_CAP' ? r.caps.map((x) => [x.level, x.capFen] as const) : r.bonuses.map((x) => [x.level, x.bonusFen] as const);
        const at = (l: number) => yuanText(list.find(([lv]) => lv === l)?.[1] ?? null);
        return { kind: r.kind, a: '', b: '', c: '', levels: [at(2), at(3), at(4)] };
      }
      case 'USAGE_REQUIRED':
        return {
          kind: r.kind,
          a: String(r.minMachinesPercent),
          b: String(r.minHoursPercent),
          c: String(r.days),
          levels: ['', '', ''],
          stage: r.stage ?? 'APPROVAL',
        };
      case 'ELIGIBLE_COSTS':
        return { kind: r.kind, a: '', b: '', c: '', levels: ['', '', ''], categories: [...r.categories] };
      default:
        return { kind: r.kind, a: String(r.monthsAfterContract), b: '', c: '', levels: ['', '', ''] };
    }
  });
}

/** A typed number: blank takes the default; anything else is read as typed (0 stays 0, text is NaN and refused). */
function numberOf(v: string, blank: number): number {
  return v.trim() ? Number(v.trim()) : blank;
}

/** The input of a row (a, b, c) that holds each field of a rule, for marking the field a problem names. */
export const ruleFieldSlots: Record<string, 'a' | 'b' | 'c'> = {
  freeSharePercent: 'a',
  minFreeMachines: 'b',
  perMachineCapFen: 'c',
  rateBp: 'a',
  capPerFirmFen: 'b',
  monthsAfterContract: 'a',
  minMachinesPercent: 'a',
  minHoursPercent: 'b',
  days: 'c',
};

/** How a field's range reads in the form: its unit, and basis points shown as percent. */
export function ruleFieldRange(
  field: string,
  min: number,
  max: number,
): { min: number; max: number; unit: 'percent' | 'days' | 'months' | 'machines' | 'none' } {
  if (field === 'rateBp') return { min: min / 100, max: max / 100, unit: 'percent' };
  if (field.endsWith('Percent')) return { min, max, unit: 'percent' };
  if (field === 'days') return { min, max, unit: 'days' };
  if (field === 'monthsAfterContract') return { min, max, unit: 'months' };
  if (field === 'minFreeMachines') return { min, max, unit: 'machines' };
  return { min, max, unit: 'none' };
}

function fenOf(v: string): string | null {
  if (!v.trim()) return null;
  const f = parseYuan(v);
  if (f === null || f < 0n) throw new Error('number');
  return f.toString();
}

export function toRules(rows: RuleRow[]): FundRule[] {
  return rows.map((r) => {
    switch (r.kind) {
      case 'FREE_SHARE':
        return {
          kind: r.kind,
          freeSharePercent: numberOf(r.a, 0),
          minFreeMachines: numberOf(r.b, 0),
          perMachineCapFen: fenOf(r.c),
          ...(r.early ? { claimableFrom: 'ACCEPTED' as const } : {}),
        };
      case 'SPEND_SHARE':
        return { kind: r.kind, rateBp: Math.round(numberOf(r.a, 0) * 100), capPerFirmFen: fenOf(r.b) };
      case 'LEVEL_CAP':
        return { kind: r.kind, caps: r.levels.flatMap((v, i) => (fenOf(v) ? [{ level: i + 2, capFen: fenOf(v) as string }] : [])) };
      case 'LEVEL_BONUS':
        return { kind: r.kind, bonuses: r.levels.flatMap((v, i) => (fenOf(v) ? [{ level: i + 2, bonusFen: fenOf(v) as string }] : [])) };
      case 'USAGE_REQUIRED':
        return {
          kind: r.kind,
          minMachinesPercent: numberOf(r.a, 0),
          minHoursPercent: numberOf(r.b, 0),
          days: numberOf(r.c, 30),
          stage: r.stage ?? 'APPROVAL',
        };
      case 'ELIGIBLE_COSTS':
        return { kind: r.kind, categories: r.categories ?? [] };
      default:
        return { kind: 'DEADLINE', monthsAfterContract: numberOf(r.a, 6) };
    }
  });
}
