/**
 * Money is integer fen (1 yuan = 100 fen) held in a bigint, end to end. This is the one place
 * that turns it into text. Rounding happens here, once, half away from zero.
 */
export type Fen = bigint;

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n; // 1 万元 = 10,000 yuan

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Divides and rounds half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return neg ? -q : q;
}

/** fen → "¥230,000.00" (negative: "-¥1.50"). */
export function formatYuan(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const yuan = abs / FEN_PER_YUAN;
  const cents = (abs % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${groupThousands(yuan.toString())}.${cents}`;
}

/** fen → "23.00 万元", rounded to two decimals of 万元 (i.e. to ¥100). */
export function formatWan(fen: Fen): string {
  const hundredths = divRound(fen, FEN_PER_WAN / 100n); // units of 0.01 万元
  const neg = hundredths < 0n;
  const abs = neg ? -hundredths : hundredths;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${groupThousands(whole.toString())}.${frac} 万元`;
}

/** The form that reads best: 万元 in Chinese for amounts of at least 1 万元, yuan otherwise. */
export function formatMoney(fen: Fen, locale: string): string {
  const abs = fen < 0n ? -fen : fen;
  if (locale.startsWith('zh') && abs >= FEN_PER_WAN) return formatWan(fen);
  return formatYuan(fen);
}

/** Parses "230000", "230,000.5", "¥1,234.56" into fen; null when not an amount with ≤ 2 decimals. */
export function parseYuan(text: string): Fen | null {
  const t = text.trim().replace(/^¥/, '').replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const fen = BigInt(m[2] as string) * FEN_PER_YUAN + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -fen : fen;
}

export function yuan(amount: number | string): Fen {
  const f = parseYuan(String(amount));
  if (f === null) throw new RangeError(`not an amount: ${amount}`);
  return f;
}

/** fen → the plain decimal yuan text, no grouping or symbol: 8_414_000n → "84140.00". */
export function fenToDecimal(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${abs / FEN_PER_YUAN}.${(abs % FEN_PER_YUAN).toString().padStart(2, '0')}`;
}

/**
 * One unit for every amount of one sentence ("4.50 万元 − 0.75 万元", never "4.50 万元 − ¥7,500.00"): 万元 in Chinese
 * when the largest amount reaches 1 万元, yuan otherwise.
 */
export function sentenceMoney(locale: string, amounts: readonly Fen[]): (fen: Fen) => string {
  const wan = locale.startsWith('zh') && amounts.some((a) => (a < 0n ? -a : a) >= FEN_PER_WAN);
  return wan ? formatWan : formatYuan;
}

/** The unit a card or a screen shows all its amounts in. */
export type MoneyUnit = 'yuan' | 'wan';

/** 10 万元: below it an amount reads best to an owner in yuan (¥9,000.00, ¥14,000.00), from it in 万元. */
const SCREEN_WAN_FROM: Fen = 10n * FEN_PER_WAN;

/**
 * One unit for every amount of a card or a screen (never ¥9,000.00 beside 1.40 万元): 万元 in Chinese when the largest
 * amount reaches 10 万元, yuan otherwise (and always in English).
 */
export function screenMoneyUnit(locale: string, amounts: readonly (Fen | null)[]): MoneyUnit {
  return locale.startsWith('zh') && amounts.some((a) => a !== null && (a < 0n ? -a : a) >= SCREEN_WAN_FROM) ? 'wan' : 'yuan';
}

/** fen → text in the unit chosen for its card or screen. */
export function formatIn(unit: MoneyUnit, fen: Fen): string {
  return unit === 'wan' ? formatWan(fen) : formatYuan(fen);
}
