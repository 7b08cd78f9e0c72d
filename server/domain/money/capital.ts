import nzhCn from 'nzh/cn';
import { type Fen, fenToDecimal } from './money';

/**
 * The amount in capital Chinese numerals as contracts and invoices write it (大写): 84,140.00 → "人民币捌万肆仟壹佰肆拾元整".
 * The numerals come from nzh (a well-kept converter, given the exact decimal text); "整" closes an amount without
 * fen, as the banking rule asks. Kept apart from money.ts so that pages in the browser do not load it.
 */
export function fenToCapital(fen: Fen): string {
  if (fen < 0n) return `负${fenToCapital(-fen)}`;
  if (fen === 0n) return '人民币零元整';
  return `人民币${nzhCn.toMoney(fenToDecimal(fen), { outSymbol: false })}${fen % 10n === 0n ? '整' : ''}`;
}
