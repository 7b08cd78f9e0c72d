/**
 * The maturity code of Table 1 of the case-study paper: one level per core component of
 * intelligent manufacturing — D (digitalization), N (networkization), I (intelligentization).
 * Written like the paper: `D1N1`, `D2N2I1`, `D0N0` — D and N always, I only when above I0.
 */
export const levels = [0, 1, 2] as const;
export type Level = (typeof levels)[number];

export const components = ['D', 'N', 'I'] as const;
export type Component = (typeof components)[number];

export type MaturityCode = { d: Level; n: Level; i: Level };

const componentKeys = { D: 'd', N: 'n', I: 'i' } as const satisfies Record<Component, keyof MaturityCode>;

export function levelOf(code: MaturityCode, component: Component): Level {
  return code[componentKeys[component]];
}

export function withLevel(code: MaturityCode, component: Component, level: Level): MaturityCode {
  return { ...code, [componentKeys[component]]: level };
}

/** `D1N1`, `D2N2I1`, `D0N0` (I0 is left out). */
export function formatCode(code: MaturityCode): string {
  return `D${code.d}N${code.n}${code.i > 0 ? `I${code.i}` : ''}`;
}

export type CodeProblem = 'empty' | 'format' | 'level';
export type ParseCodeResult = { ok: true; code: MaturityCode } | { ok: false; problem: CodeProblem };

/** One digit per component, in the order D, N, optional I; letters in any case; surrounding blanks ignored. */
const CODE_PATTERN = /^D(\d)N(\d)(?:I(\d))?$/i;

/**
 * Reads a written code. Accepts `D1N1`, `d2n2i1`, ` D0N1 `, `D2N2I0` (an explicit I0 is allowed).
 * Problems: `empty` (nothing but blanks), `format` (not D<digit>N<digit>[I<digit>] — wrong order, missing
 * or repeated component, inner blanks, other letters), `level` (well formed but a level above 2).
 */
export function parseCode(text: string): ParseCodeResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const match = CODE_PATTERN.exec(trimmed);
  if (!match) return { ok: false, problem: 'format' };
  const d = toLevel(match[1]);
  const n = toLevel(match[2]);
  const i = match[3] === undefined ? 0 : toLevel(match[3]);
  if (d === null || n === null || i === null) return { ok: false, problem: 'level' };
  return { ok: true, code: { d, n, i } };
}

function toLevel(digit: string | undefined): Level | null {
  const value = Number(digit);
  return value === 0 || value === 1 || value === 2 ? value : null;
}

/** Total order for sorting lists: by D, then N, then I (negative when `a` comes first). */
export function compareCodes(a: MaturityCode, b: MaturityCode): number {
  return a.d - b.d || a.n - b.n || a.i - b.i;
}

export function codeEquals(a: MaturityCode, b: MaturityCode): boolean {
  return a.d === b.d && a.n === b.n && a.i === b.i;
}

/** True when `code` is at or above `target` in every component (e.g. a retrofit's target D1N1 is reached). */
export function meetsTarget(code: MaturityCode, target: MaturityCode): boolean {
  return code.d >= target.d && code.n >= target.n && code.i >= target.i;
}
