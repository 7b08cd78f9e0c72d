import { type Component, type Level, levelOf, type MaturityCode, withLevel } from './code';
import { findTechnology, type TechnologyCode, unknownTechnologyCodes } from './technologies';

/**
 * Suggested levels from the ticked evidence. The rule, the same for D, N and I, each component on its
 * own evidence only:
 * - level 2 when at least two distinct level-2 items of that component are ticked (e.g. D2: digital
 *   strategy + digital twin; I2: self-learning production system + autonomous production);
 * - otherwise level 1 when at least one item of that component is ticked, of either level — a lone
 *   level-2 item counts as level-1 evidence, since the level-2 descriptions build on level 1;
 * - otherwise level 0.
 * Level 2 does not require any level-1 item to be ticked (N2 requires nothing of N1, D2 nothing of D1,
 * I2 nothing of I1), and no component's suggestion depends on another component: a D1N2 firm is a
 * legitimate state (the order of upgrading is judged on the pathway, see pathway.ts, not here).
 * A code ticked twice counts once.
 */
export const level2MinItems = 2;

export type SuggestionRule = 'noItems' | 'atLeastOneItem' | 'atLeastTwoLevel2Items';

export type ComponentReason = {
  component: Component;
  level: Level;
  rule: SuggestionRule;
  /** Ticked items of this component, by catalogue level, in the order ticked. */
  level1Items: TechnologyCode[];
  level2Items: TechnologyCode[];
};

export type Suggestion = MaturityCode & { reasons: [ComponentReason, ComponentReason, ComponentReason] };

/** Thrown by suggestLevels for codes outside the catalogue (validate input with `technologyCodeSchema` first). */
export class UnknownTechnologyError extends Error {
  constructor(readonly codes: string[]) {
    super(`unknown technology codes: ${codes.join(', ')}`);
    this.name = 'UnknownTechnologyError';
  }
}

/**
 * Suggests D, N and I levels from the ticked technology codes. Throws UnknownTechnologyError (listing
 * every unknown code) when a code is not in the catalogue: callers validate user input at the boundary
 * with `technologyCodeSchema`, so an unknown code here is a programming error, not a user error.
 */
export function suggestLevels(ticked: readonly string[]): Suggestion {
  const unknown = unknownTechnologyCodes(ticked);
  if (unknown.length > 0) throw new UnknownTechnologyError(unknown);
  const d = reasonFor('D', ticked);
  const n = reasonFor('N', ticked);
  const i = reasonFor('I', ticked);
  return { d: d.level, n: n.level, i: i.level, reasons: [d, n, i] };
}

function reasonFor(component: Component, ticked: readonly string[]): ComponentReason {
  const level1Items: TechnologyCode[] = [];
  const level2Items: TechnologyCode[] = [];
  for (const code of new Set(ticked)) {
    const technology = findTechnology(code);
    if (technology?.component !== component) continue;
    (technology.level === 2 ? level2Items : level1Items).push(technology.code);
  }
  if (level2Items.length >= level2MinItems) return { component, level: 2, rule: 'atLeastTwoLevel2Items', level1Items, level2Items };
  if (level1Items.length + level2Items.length > 0) return { component, level: 1, rule: 'atLeastOneItem', level1Items, level2Items };
  return { component, level: 0, rule: 'noItems', level1Items, level2Items };
}

/**
 * An assessor may set a component to another level than the suggested one, always with a written reason.
 * An override to the level already suggested changes nothing: it is dropped and needs no reason.
 */
export const overrideReasonMaxLength = 500;

/** An override as validated by `overrideSchema` (./schemas): the reason is trimmed and may be blank here. */
export type Override = { component: Component; level: Level; reason: string };

export type AppliedOverride = { component: Component; from: Level; to: Level; reason: string };
export type OverrideProblem = 'missingReason' | 'reasonTooLong' | 'duplicateComponent';
export type OverrideError = { index: number; component: Component; problem: OverrideProblem };

export type ApplyOverridesResult = { ok: true; code: MaturityCode; applied: AppliedOverride[] } | { ok: false; errors: OverrideError[] };

/**
 * Applies the assessor's overrides to the suggested code. Errors (all of them, by index into
 * `overrides`): `missingReason` (reason empty or blank, for an override that changes a level),
 * `reasonTooLong` (over overrideReasonMaxLength characters after trimming), `duplicateComponent` (a
 * second override of the same component). Reasons are stored trimmed.
 */
export function applyOverrides(suggested: MaturityCode, overrides: readonly Override[]): ApplyOverridesResult {
  const errors: OverrideError[] = [];
  const applied: AppliedOverride[] = [];
  const seen = new Set<Component>();
  let code: MaturityCode = { d: suggested.d, n: suggested.n, i: suggested.i };
  overrides.forEach((override, index) => {
    const { component, level } = override;
    if (seen.has(component)) {
      errors.push({ index, component, problem: 'duplicateComponent' });
      return;
    }
    seen.add(component);
    const from = levelOf(suggested, component);
    if (level === from) return;
    const reason = override.reason.trim();
    if (reason === '') errors.push({ index, component, problem: 'missingReason' });
    else if (reason.length > overrideReasonMaxLength) errors.push({ index, component, problem: 'reasonTooLong' });
    else {
      applied.push({ component, from, to: level, reason });
      code = withLevel(code, component, level);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, code, applied };
}
