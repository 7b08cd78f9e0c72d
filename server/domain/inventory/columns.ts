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

const aliases: Record<ColumnKey, string[]> = {
  site: ['厂区', '工厂', '厂址', '分厂', 'factory', 'site', 'plant'],
  workshop: ['车间', '工段', 'workshop', 'shop'],
  line: ['产线', '生产线', '线别', 'line', 'productionline'],
  assetTag: ['资产编号', '设备编号', '资产编码', '设备编码', '编号', 'assettag', 'assetno', 'assetnumber', 'assetid', 'tag', 'machineid', 'machineno'],
  kind: ['设备类型', '设备种类', '设备名称', '类型', 'kind', 'type', 'machinekind', 'machinetype'],
  maker: ['制造商', '生产厂家', '厂家', '厂商', '品牌', 'maker', 'manufacturer', 'brand', 'make'],
  model: ['型号', '规格型号', '设备型号', 'model'],
  year: ['出厂年份', '制造年份', '年份', '出厂日期', '购置年份', 'year', 'yearbuilt', 'yearofmanufacture', 'built'],
  controlType: ['控制方式', '控制类型', '控制系统', 'controltype', 'control'],
  networked: ['是否联网', '联网', '已联网', '联网状态', 'networked', 'connected', 'online'],
  operatorsPerShift: ['每班操作工人数', '每班操作工', '每班人数', '操作工人数', '操作工', 'operatorspershift', 'operators'],
  shiftsPerDay: ['每天班次', '每日班次', '班次', 'shiftsperday', 'shifts'],
  status: ['状态', '设备状态', '使用状态', 'status', 'state'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks', 'comment', 'comments'],
  sme: ['企业', '企业名称', '客户', '公司', 'sme', 'client', 'company', 'firm'],
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
for (const key of columnKeys) for (const a of aliases[key]) headerIndex.set(normaliseHeader(a), key);
for (const lang of ['zh-CN', 'en'] as const) for (const key of columnKeys) headerIndex.set(normaliseHeader(templateHeaders[lang][key]), key);

export function recogniseHeader(raw: string): ColumnKey | null {
  return headerIndex.get(normaliseHeader(raw)) ?? null;
}

export type HeaderProblem =
  | { code: 'unknownColumns'; columns: string[] }
  | { code: 'missingColumns'; columns: ColumnKey[] }
  | { code: 'duplicateColumn'; column: string };

export type HeaderMap = { byIndex: (ColumnKey | null)[]; present: Set<ColumnKey>; headers: string[] };

/** Maps a header row to column keys; blank headers of empty trailing columns are ignored. */
export function mapHeaders(headerRow: string[]): { map: HeaderMap; problems: HeaderProblem[] } {
  const byIndex: (ColumnKey | null)[] = [];
  const present = new Set<ColumnKey>();
  const unknown: string[] = [];
  const problems: HeaderProblem[] = [];
  headerRow.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) {
      byIndex[i] = null;
      return;
    }
    const key = recogniseHeader(text);
    if (!key) {
      unknown.push(text);
      byIndex[i] = null;
      return;
    }
    if (present.has(key)) problems.push({ code: 'duplicateColumn', column: text });
    present.add(key);
    byIndex[i] = key;
  });
  if (unknown.length) problems.push({ code: 'unknownColumns', columns: unknown });
  const missing = requiredColumns.filter((k) => !present.has(k));
  if (missing.length) problems.push({ code: 'missingColumns', columns: missing });
  return { map: { byIndex, present, headers: headerRow.map((h) => h.trim()) }, problems };
}
