/**
 * The SME's payment schedule as Chinese retrofit contracts write it: a down payment on signing (首付款), a progress
 * payment when the work starts (进度款), an acceptance payment on commissioning (验收款) and a retention (质保金)
 * held until the warranty ends. Shares are basis points of the contract price; the stage that comes last takes the
 * rounding, so the amounts always add up to the price exactly. No zod here: the plan editor imports it.
 */
export const paymentStages = ['DOWN_PAYMENT', 'PROGRESS', 'ACCEPTANCE', 'RETENTION'] as const;
export type PaymentStage = (typeof paymentStages)[number];

export const dueEvents = ['SIGNING', 'START', 'COMMISSIONING', 'VERIFICATION', 'WARRANTY_END'] as const;
export type DueEvent = (typeof dueEvents)[number];

export type PaymentTerm = { stage: PaymentStage; dueOn: DueEvent; shareBp: number };

export const defaultPaymentTerms: readonly PaymentTerm[] = [
  { stage: 'DOWN_PAYMENT', dueOn: 'SIGNING', shareBp: 3000 },
  { stage: 'PROGRESS', dueOn: 'START', shareBp: 3000 },
  { stage: 'ACCEPTANCE', dueOn: 'COMMISSIONING', shareBp: 3500 },
  { stage: 'RETENTION', dueOn: 'WARRANTY_END', shareBp: 500 },
];

export type TermsProblem = 'noStages' | 'duplicateStage' | 'shareOutOfRange' | 'sharesNot100';

/** Why a schedule cannot be a contract's, or null when it can. */
export function checkPaymentTerms(terms: readonly PaymentTerm[]): TermsProblem | null {
  if (terms.length === 0) return 'noStages';
  if (new Set(terms.map((t) => t.stage)).size !== terms.length) return 'duplicateStage';
  if (terms.some((t) => !Number.isInteger(t.shareBp) || t.shareBp <= 0 || t.shareBp > 10_000)) return 'shareOutOfRange';
  if (terms.reduce((s, t) => s + t.shareBp, 0) !== 10_000) return 'sharesNot100';
  return null;
}

/** The schedule in stage order (down payment first, retention last). */
export function orderedTerms(terms: readonly PaymentTerm[]): PaymentTerm[] {
  return [...terms].sort((a, b) => paymentStages.indexOf(a.stage) - paymentStages.indexOf(b.stage));
}

/** The amount of each stage for a contract price: floor of the share, the last stage takes the remainder. */
export function splitContract(priceFen: bigint, terms: readonly PaymentTerm[]): (PaymentTerm & { amountFen: bigint })[] {
  const problem = checkPaymentTerms(terms);
  if (problem) throw new RangeError(`payment terms: ${problem}`);
  const ordered = orderedTerms(terms);
  let left = priceFen;
  return ordered.map((t, i) => {
    const amountFen = i === ordered.length - 1 ? left : (priceFen * BigInt(t.shareBp)) / 10_000n;
    left -= amountFen;
    return { ...t, amountFen };
  });
}

/** Which due events have happened for a project in a status (what the SME owes by now). */
export function eventsReached(status: string): Set<DueEvent> {
  const order = ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'];
  const i = order.indexOf(status);
  const reached: DueEvent[] = ['SIGNING', 'START', 'COMMISSIONING', 'VERIFICATION'];
  return new Set(i < 0 ? [] : reached.slice(0, i + 1));
}
