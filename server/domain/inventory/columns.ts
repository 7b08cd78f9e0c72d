import { headerSynonyms, knownUnmappedHeaders } from './synonyms';

/**
 * The columns of a machine inventory spreadsheet: their keys, the headers the template writes in
 * each language, and the many ways real spreadsheets name them (Chinese or English, any order).
 */
export const columnKeys = [
  'site',
  'workshop',
  'line',
  'assetTag',
  'kind',
  'maker',
  'model',
  'year',
  'controlType',
  'networked',
  'operatorsPerShift',
  'shiftsPerDay',
  'status',
  'notes',
  'sme',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

export const requiredColumns: readonly ColumnKey[] = ['assetTag', 'kind', 'controlType'];

/** The columns an export writes and a template offers, in this order (sme only in cluster exports). */
export const exportColumns: readonly ColumnKey[] = columnKeys.filter((k) => k !== 'sme');

export const templateHeaders: Record<'zh-CN' | 'en', Record<ColumnKey, string>> = {
  'zh-CN': {
    site: '厂区',
    workshop: '车间',
    line: '产线',
    assetTag: '资产编号',
    kind: '设备类型',
    maker: '制造商',
    model: '型号',
    year: '出厂年份',
    controlType: '控制方式',
    networked: '是否联网',
    operatorsPerShift: '每班操作工人数',
    shiftsPerDay: '每天班次',
    status: '状态',
    notes: '备注',
    sme: '企业',
  },
  en: {
    site: 'Factory',
    workshop: 'Workshop',
    line: 'Line',
    assetTag: 'Asset tag',
    kind: 'Kind',
    maker: 'Maker',
    model: 'Model',
    year: 'Year',
    controlType: 'Control type',
    networked: 'Networked',
    operatorsPerShift: 'Operators per shift',
    shiftsPerDay: 'Shifts per day',
    status: 'Status',
    notes: 'Notes',
    sme: 'SME',
  },
};

/** Lower case, no spaces, no required-marker, no parenthesised hints ("Year (出厂年份)" → "year"). */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*_\-:：./]/g, '')
    .toLowerCase();
}

const headerIndex = new Map<string, ColumnKey>();
for (const key of columnKeys) for (const a of headerSynonyms[key]) headerIndex.set(normaliseHeader(a), key);
for (const lang of ['zh-CN', 'en'] as const) for (const key of columnKeys) headerIndex.set(normaliseHeader(templateHeaders[lang][key]), key);
const unmapped = new Set(knownUnmappedHeaders.map(normaliseHeader));

/** The column a header names exactly (after folding), or null. */
export function recogniseHeader(raw: string): ColumnKey | null {
  return headerIndex.get(normaliseHeader(raw)) ?? null;
}

/**
 * The column a header most likely means when no synonym matches exactly: a synonym of three or more characters
 * inside it ("设备名称及用途" → kind), or one edit away from a synonym of four or more ("manufacturor" → maker).
 * Null when nothing is close, when two columns are equally close, or for a header ledgers use for something else.
 */
export function closeMatch(raw: string): ColumnKey | null {
  const h = normaliseHeader(raw);
  if (!h || unmapped.has(h)) return null;
  let best: { key: ColumnKey; score: number } | null = null;
  let tie = false;
  for (const [alias, key] of headerIndex) {
    let score = 0;
    if (alias.length >= 3 && h.includes(alias)) score = alias.length;
    else if (alias.length >= 4 && Math.abs(alias.length - h.length) <= 1 && editDistanceAtMostOne(alias, h)) score = alias.length - 0.5;
    if (!score) continue;
    if (!best || score > best.score) {
      best = { key, score };
      tie = false;
    } else if (score === best.score && key !== best.key) tie = true;
  }
  return best && !tie ? best.key : null;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x === y;
  if (a.length === b.length) return rest(a.slice(i + 1), b.slice(i + 1));
  return a.length > b.length ? rest(a.slice(i + 1), b.slice(i)) : rest(a.slice(i), b.slice(i + 1));
}

export type HeaderProblem =
  | { code: 'missingColumns'; columns: ColumnKey[] }
  | { code: 'noKnownColumns'; columns: ColumnKey[] }
  | { code: 'duplicateColumn'; column: string };

/** Non-blocking remarks on the header: columns ignored, hierarchy columns that cannot be used alone. */
export type HeaderNotice = { code: 'ignoredColumns'; columns: string[] } | { code: 'partialHierarchy'; columns: string[] };

/** How a column got its field: a synonym, a close match, the user's choice now or remembered from last time, or none. */
export type MappingSource = 'synonym' | 'close' | 'manual' | 'remembered' | 'none';
export type ColumnMapping = { index: number; header: string; key: ColumnKey | null; source: MappingSource };

/** The user's choices by header as written (trimmed): a column key, or null to ignore the column. */
export type ManualMapping = Record<string, ColumnKey | null>;

export type HeaderMap = { byIndex: (ColumnKey | null)[]; present: Set<ColumnKey>; headers: string[] };

const hierarchy: readonly ColumnKey[] = ['site', 'workshop', 'line'];

/** How many cells of a row name a column (exactly or by the user's choice): the header row is the first that names two. */
export function headerScore(cells: string[], manual: ManualMapping = {}): number {
  let n = 0;
  for (const c of cells) {
    const text = c.trim();
    if (text && (manual[text] ?? recogniseHeader(text))) n++;
  }
  return n;
}

/**
 * Maps a header row to column keys: the user's choice first, then a synonym, then a close match. Unknown columns are
 * ignored with a notice; missing required columns and a column given twice are problems (the rows are still checked).
 */
export function mapHeaders(
  headerRow: string[],
  manual: ManualMapping = {},
): { map: HeaderMap; columns: ColumnMapping[]; problems: HeaderProblem[]; notices: HeaderNotice[] } {
  const headers = headerRow.map((h) => h.trim());
  const columns: ColumnMapping[] = [];
  headers.forEach((text, index) => {
    if (!text) return;
    if (Object.hasOwn(manual, text)) {
      const key = manual[text] ?? null;
      columns.push({ index, header: text, key: key && (columnKeys as readonly string[]).includes(key) ? key : null, source: 'manual' });
      return;
    }
    const exact = recogniseHeader(text);
    const close = exact ? null : closeMatch(text);
    columns.push({ index, header: text, key: exact ?? close, source: exact ? 'synonym' : close ? 'close' : 'none' });
  });
  const problems: HeaderProblem[] = [];
  const notices: HeaderNotice[] = [];
  // a column a guess gives that an exact header already has is not taken twice: the guess is dropped
  const exactKeys = new Set(columns.filter((c) => c.source !== 'close' && c.key).map((c) => c.key));
  for (const c of columns) if (c.source === 'close' && c.key && exactKeys.has(c.key)) Object.assign(c, { key: null, source: 'none' });
  const keys = new Set(columns.map((c) => c.key));
  const partial = hierarchy.some((k) => keys.has(k)) && !hierarchy.every((k) => keys.has(k));
  if (partial) {
    const demoted = columns.filter((c) => c.key && hierarchy.includes(c.key));
    for (const c of demoted) c.key = null;
    notices.push({ code: 'partialHierarchy', columns: demoted.map((c) => c.header) });
  }
  const byIndex: (ColumnKey | null)[] = headers.map(() => null);
  const present = new Set<ColumnKey>();
  for (const c of columns) {
    if (!c.key) continue;
    if (present.has(c.key)) problems.push({ code: 'duplicateColumn', column: c.header });
    present.add(c.key);
    byIndex[c.index] = c.key;
  }
  const demotedHeaders = new Set(notices.flatMap((n) => n.columns));
  const ignored = columns.filter((c) => !c.key && !demotedHeaders.has(c.header)).map((c) => c.header);
  if (ignored.length) notices.push({ code: 'ignoredColumns', columns: ignored });
  const missing = requiredColumns.filter((k) => !present.has(k));
  if (present.size === 0) problems.push({ code: 'noKnownColumns', columns: [...requiredColumns] });
  else if (missing.length) problems.push({ code: 'missingColumns', columns: missing });
  return { map: { byIndex, present, headers }, columns, problems, notices };
}
