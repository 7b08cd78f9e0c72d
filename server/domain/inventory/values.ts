/**
 * Cell values as spreadsheets really hold them: numbers stored as text, Excel serial dates, date
 * cells, Chinese or English labels, stray spaces and the apostrophe our exports put before
 * formula-like text.
 */

import { maxYear, minYear } from '../inputs/calendar-date';
import { cleanImportedText } from '../inputs/safe-text';
import { machineKinds, type machineStatuses } from './catalogue';

export type RawCell = string | number | boolean | Date | null | undefined;

export type ControlTypeCode = 'MANUAL' | 'RELAY' | 'PLC' | 'CNC' | 'OTHER';
export type StatusCode = (typeof machineStatuses)[number];

/**
 * The texts of cells already seen: a ledger repeats its words (kinds, makers, statuses) thousands of times and every
 * rule reads a cell more than once. Bounded: emptied when full.
 */
class TextCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max: number) {}
  get(key: string, make: (key: string) => string): string {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      v = make(key);
      this.map.set(key, v);
    }
    return v;
  }
}
const cellTexts = new TextCache(50_000);
const normalTexts = new TextCache(50_000);

const asCellText = (raw: string) => {
  const s = cleanImportedText(raw).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
};
const asNormalText = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Text of a cell, trimmed; an export's protective apostrophe before = + - @ is removed. */
export function cellText(v: RawCell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  return cellTexts.get(String(v), asCellText);
}

/**
 * The text a rule reads: NFKC (full-width digits and letters, ideographic spaces), blanks folded, trimmed. Problems
 * still quote `cellText`, the text as written.
 */
export function normalText(v: RawCell): string {
  return normalTexts.get(cellText(v), asNormalText);
}

export function isBlank(v: RawCell): boolean {
  return cellText(v) === '';
}

/** Integers as Excel writes them: 3, 3.0, "3", " 3 ", "3.0". */
export function parseInteger(v: RawCell): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  // thousands separators (1,200 / 1 200), a unit after the number (3人, 2班)
  const s = normalText(v).replace(/(\d)[, ](?=\d{3}\b)/g, '$1');
  const m = /^(-?\d+)(?:\.0+)?\s*(?:人|名|班|个|個)?$/.exec(s);
  return m ? Number.parseInt(m[1] as string, 10) : null;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial day number (1900 date system) as a UTC date. */
export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}

/**
 * A year of manufacture from: 2015, "2015", 2015.0, a date cell, an Excel serial date (e.g. 42005
 * = 2015-01-01), or text like "2015-06-01", "2015/6", "2015年6月".
 */
export function parseYear(v: RawCell): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getUTCFullYear();
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1000 && v <= 9999) return v;
    if (v >= 10_000 && v < 80_000) return excelSerialToDate(v).getUTCFullYear();
    return null;
  }
  // 2016年5月, 2016.05, 2016/5/1, 2016-05-01 00:00:00, 2016年, or an Excel serial written as text
  const s = normalText(v).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  if (!s) return null;
  // 2016.05 is a year and a month; 42491.5 an Excel serial
  const int = /^\d+$|^\d{5}\.\d+$/.test(s) ? Number(s) : null;
  if (int !== null) return parseYear(int);
  const m = /^(\d{4})\s*(?:[-/.年]\s*(?:\d{1,2}\s*(?:[-/.月]\s*\d{1,2}\s*日?)?\s*月?)?)?$/.exec(s);
  return m ? Number(m[1]) : null;
}

const controlAliases: Record<string, ControlTypeCode> = {
  manual: 'MANUAL',
  手动: 'MANUAL',
  人工: 'MANUAL',
  普通: 'MANUAL',
  relay: 'RELAY',
  继电器: 'RELAY',
  继电器控制: 'RELAY',
  电气: 'RELAY',
  plc: 'PLC',
  plc控制: 'PLC',
  cnc: 'CNC',
  数控: 'CNC',
  nc: 'CNC',
  other: 'OTHER',
  其他: 'OTHER',
  其它: 'OTHER',
};

/** What a 数控系统 / 控制系统 column holds: the controller's maker or model stands for its type. */
const controlPatterns: [RegExp, ControlTypeCode][] = [
  [/数控|數控|cnc|fanuc|发那科|發那科|gsk|广数|廣數|广州数控|华中|華中|knd|凯恩帝|heidenhain|海德汉|syntec|新代|8[0-4]\dd|0i/, 'CNC'],
  [/plc|可编程|可編程|s7-?\d|三菱fx|欧姆龙|omron/, 'PLC'],
  [/继电器|繼電器|电气控制|電氣控制|接触器/, 'RELAY'],
  [/^(手动|手動|人工|普通|无|無|none|n\/a|机械|機械)$/, 'MANUAL'],
];

export function parseControlType(v: RawCell): ControlTypeCode | null {
  const s = normalText(v).toLowerCase().replace(/\s+/g, '');
  const exact = controlAliases[s];
  if (exact) return exact;
  for (const [re, code] of controlPatterns) if (re.test(s)) return code;
  return null;
}

const statusAliases: Record<string, StatusCode> = {
  in_service: 'IN_SERVICE',
  inservice: 'IN_SERVICE',
  'in service': 'IN_SERVICE',
  active: 'IN_SERVICE',
  在用: 'IN_SERVICE',
  在役: 'IN_SERVICE',
  正常: 'IN_SERVICE',
  使用中: 'IN_SERVICE',
  idle: 'IDLE',
  闲置: 'IDLE',
  停用: 'IDLE',
  备用: 'IDLE',
  封存: 'IDLE',
  待修: 'IDLE',
  维修: 'IDLE',
  待报废: 'IDLE',
  正常使用: 'IN_SERVICE',
  运行: 'IN_SERVICE',
  运行中: 'IN_SERVICE',
  完好: 'IN_SERVICE',
  在線: 'IN_SERVICE',
  在用中: 'IN_SERVICE',
  使用: 'IN_SERVICE',
  閒置: 'IDLE',
  報廢: 'RETIRED',
  已報廢: 'RETIRED',
  retired: 'RETIRED',
  报废: 'RETIRED',
  已报废: 'RETIRED',
  退役: 'RETIRED',
};

export function parseStatus(v: RawCell): StatusCode | null {
  const s = normalText(v).toLowerCase();
  return statusAliases[s] ?? statusAliases[s.replace(/\s+/g, '')] ?? null;
}

const yes = new Set(['是', '有', '已', '已联网', '联网', '已联', '聯網', '已聯網', 'y', 'yes', 'true', '1', '√', '✓', '✔', 'on']);
const no = new Set(['否', '无', '無', '没有', '沒有', '未', '未联网', '不联网', '未聯網', 'n', 'no', 'false', '0', '×', 'x', '✗', '✘', 'off', '-', '/']);

export function parseBoolean(v: RawCell): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = normalText(v).toLowerCase();
  if (yes.has(s)) return true;
  if (no.has(s)) return false;
  return null;
}

/**
 * The machine kind: a known kind (code, Chinese or English label) is stored as its code; anything
 * else is kept as written, because real inventories name machines their own way.
 */
export function normaliseKind(v: RawCell, labels: Record<string, Record<string, string>>): string {
  const s = normalText(v);
  const upper = s.toUpperCase().replace(/[\s-]+/g, '_');
  if ((machineKinds as readonly string[]).includes(upper)) return upper;
  return kindsByLabel(labels).get(s.toLowerCase()) ?? s;
}

/** Each label (lower case) to its kind's code, the first language given winning; built once per set of labels. */
const labelIndexes = new WeakMap<Record<string, Record<string, string>>, Map<string, string>>();
function kindsByLabel(labels: Record<string, Record<string, string>>): Map<string, string> {
  let index = labelIndexes.get(labels);
  if (!index) {
    index = new Map();
    for (const byCode of Object.values(labels)) {
      for (const [code, label] of Object.entries(byCode)) if (!index.has(label.toLowerCase())) index.set(label.toLowerCase(), code);
    }
    labelIndexes.set(labels, index);
  }
  return index;
}

/** Neutralises text that a spreadsheet would run as a formula (CSV/formula injection). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A calendar date from a date cell, an Excel serial number, or text such as 2021-06-30, 2021/6/30,
 * 2021.6.30 or 2021年6月30日; returned as YYYY-MM-DD, or null.
 */
export function parseDate(v: RawCell): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v >= 1 && v < 80_000 ? excelSerialToDate(v).toISOString().slice(0, 10) : null;
  const s = normalText(v).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return /^\d+(\.\d+)?$/.test(s) ? parseDate(Number(s)) : null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear || y > maxYear) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}
