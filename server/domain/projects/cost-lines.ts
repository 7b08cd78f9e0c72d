/**
 * Cost lines generated from the price book: quantity × unit price, grouped by category. Hardware follows each
 * machine's control type (the kit rules); installation is per machine; software per machine per year for each
 * chosen module; training per day. Exact integer fen throughout.
 */
import { type CostCategory, costCategories, type ModuleCode, type PriceBook, type PriceBookItem } from './price-book';

export type PlannedMachine = { controlType: 'MANUAL' | 'RELAY' | 'PLC' | 'CNC' | 'OTHER'; status?: 'IN_SERVICE' | 'IDLE' | 'RETIRED' };
export type CostLine = { category: CostCategory; itemCode: string; quantity: number; unitPriceFen: bigint; totalFen: bigint };

export class PlanError extends Error {
  constructor(
    readonly code: 'noMachines' | 'retiredMachine' | 'unknownItem' | 'badYears' | 'badTrainingDays',
    readonly detail = '',
  ) {
    super(`${code} ${detail}`);
  }
}

export type PlanInput = { machines: PlannedMachine[]; modules: ModuleCode[]; softwareYears: number; trainingDays: number };

export function generateCostLines(book: PriceBook, input: PlanInput): CostLine[] {
  if (input.machines.length === 0) throw new PlanError('noMachines');
  if (input.machines.some((m) => m.status === 'RETIRED')) throw new PlanError('retiredMachine');
  if (!Number.isInteger(input.softwareYears) || input.softwareYears < 0 || input.softwareYears > 10) throw new PlanError('badYears');
  if (!Number.isInteger(input.trainingDays) || input.trainingDays < 0 || input.trainingDays > 365) throw new PlanError('badTrainingDays');
  const byCode = new Map<string, PriceBookItem>(book.items.map((i) => [i.code, i]));
  const qty = new Map<string, number>();
  const add = (code: string, n: number) => {
    if (!byCode.has(code)) throw new PlanError('unknownItem', code);
    if (n > 0) qty.set(code, (qty.get(code) ?? 0) + n);
  };
  for (const m of input.machines) for (const k of book.kits[m.controlType] ?? []) add(k.item, k.quantity);
  for (const item of book.items) if (item.category === 'INSTALLATION' && item.unit === 'PER_MACHINE') add(item.code, input.machines.length);
  for (const mod of input.modules) {
    for (const item of book.items) if (item.module === mod && item.unit === 'PER_MACHINE_YEAR') add(item.code, input.machines.length * input.softwareYears);
  }
  for (const item of book.items) if (item.category === 'TRAINING' && item.unit === 'PER_DAY') add(item.code, input.trainingDays);
  const order = new Map<string, number>(book.items.map((i, k) => [i.code, k]));
  return [...qty.entries()]
    .map(([code, quantity]) => {
      const item = byCode.get(code) as PriceBookItem;
      return { category: item.category, itemCode: code, quantity, unitPriceFen: item.unitPriceFen, totalFen: item.unitPriceFen * BigInt(quantity) };
    })
    .sort((a, b) => costCategories.indexOf(a.category) - costCategories.indexOf(b.category) || (order.get(a.itemCode) ?? 0) - (order.get(b.itemCode) ?? 0));
}

export function totalsByCategory(lines: readonly { category: CostCategory; totalFen: bigint }[]) {
  const totals = Object.fromEntries(costCategories.map((c) => [c, 0n])) as Record<CostCategory, bigint>;
  for (const l of lines) totals[l.category] += l.totalFen;
  return { ...totals, total: Object.values(totals).reduce((s, v) => s + v, 0n) };
}
