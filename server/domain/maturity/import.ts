/**
 * Import of past assessments from a spreadsheet (SME, date, code, national level, …), validated row by row like
 * the inventory import: every problem named with its row, column and a code the UI words in the user's language.
 */
import { normaliseHeader } from '../inventory/columns';
import type { Issue } from '../inventory/validate';
import { cellText, isBlank, parseDate, parseInteger, type RawCell } from '../inventory/values';
import { formatCode, type MaturityCode, parseCode } from './code';
import type { AssessmentKind } from './inputs';

export const assessmentColumnKeys = ['sme', 'date', 'code', 'nationalLevel', 'nationalScore', 'kind', 'assessor', 'notes'] as const;
export type AssessmentColumnKey = (typeof assessmentColumnKeys)[number];
const required: AssessmentColumnKey[] = ['sme', 'date', 'code'];

export const assessmentTemplateHeaders: Record<'zh-CN' | 'en', Record<AssessmentColumnKey, string>> = {
  'zh-CN': {
    sme: '企业',
    date: '评估日期',
    code: '成熟度代码',
    nationalLevel: '国家数字化水平等级',
    nationalScore: '评分',
    kind: '评估类型',
    assessor: '评估人',
    notes: '备注',
  },
  en: { sme: 'SME', date: 'Date', code: 'Code', nationalLevel: 'National level', nationalScore: 'Score', kind: 'Kind', assessor: 'Assessor', notes: 'Notes' },
};

const aliases: Record<AssessmentColumnKey, string[]> = {
  sme: ['企业', '企业名称', '客户', '统一社会信用代码', 'sme', 'client', 'company', 'creditcode'],
  date: ['评估日期', '日期', '评估时间', 'date', 'assessedon', 'assessmentdate'],
  code: ['成熟度代码', '代码', '成熟度', '编码', 'code', 'maturitycode', 'dni'],
  nationalLevel: ['国家数字化水平等级', '数字化水平等级', '等级', '国家等级', 'nationallevel', 'level', 'miitlevel'],
  nationalScore: ['评分', '得分', '分数', 'score', 'nationalscore'],
  kind: ['评估类型', '类型', '评估方式', 'kind', 'type', 'assessmentkind'],
  assessor: ['评估人', '评估机构', 'assessor', 'assessedby'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks'],
};
const index = new Map<string, AssessmentColumnKey>();
for (const k of assessmentColumnKeys)
  for (const a of [...aliases[k], assessmentTemplateHeaders['zh-CN'][k], assessmentTemplateHeaders.en[k]]) index.set(normaliseHeader(a), k);

const kinds: Record<string, AssessmentKind> = {
  self: 'SELF',
  自评: 'SELF',
  自评估: 'SELF',
  integrator: 'INTEGRATOR',
  集成商: 'INTEGRATOR',
  集成商评估: 'INTEGRATOR',
  third_party: 'THIRD_PARTY',
  thirdparty: 'THIRD_PARTY',
  'third-party': 'THIRD_PARTY',
  第三方: 'THIRD_PARTY',
  第三方评估: 'THIRD_PARTY',
  第三方现场评估: 'THIRD_PARTY',
};

/**
 * A code as assessment records write it: the full form (D1N1, D2N2I1), full-width (Ｄ１Ｎ１), or the paper's shorthand
 * where N0 is left out (D1 → D1N0, D0 → D0N0; I0 is always omitted).
 */
export function parseImportedCode(text: string) {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  return parseCode(/^D\d$/i.test(s) ? `${s}N0` : s);
}

export type AssessmentRow = {
  row: number;
  smeClientId: string;
  date: string;
  code: MaturityCode;
  nationalLevel: number | null;
  nationalScore: number | null;
  kind: AssessmentKind;
  assessor: string;
  notes: string | null;
};

export class AssessmentRowValidator {
  readonly rows: AssessmentRow[] = [];
  readonly issues: Issue[] = [];
  readonly byIndex: (AssessmentColumnKey | null)[] = [];
  private readonly headers: string[];
  private readonly seen = new Map<string, number>();
  private headerProblems = 0;

  constructor(
    headerRow: string[],
    headerRowNumber: number,
    private readonly smes: Map<string, string>, // legal name / English name / credit code (lower case) → id
    private readonly today: string,
    private readonly defaultAssessor: string,
  ) {
    this.headers = headerRow.map((h) => h.trim());
    const unknown: string[] = [];
    const present = new Set<AssessmentColumnKey>();
    for (const h of this.headers) {
      const key = h ? (index.get(normaliseHeader(h)) ?? null) : null;
      if (h && !key) unknown.push(h);
      if (key && present.has(key)) this.issues.push({ row: headerRowNumber, column: null, code: 'duplicateColumn', params: { column: h } });
      if (key) present.add(key);
      this.byIndex.push(key);
    }
    if (unknown.length) this.issues.push({ row: headerRowNumber, column: null, code: 'unknownColumns', params: { columns: unknown.join(', ') } });
    const missing = required.filter((k) => !present.has(k));
    if (missing.length)
      this.issues.push({ row: headerRowNumber, column: null, code: 'missingColumns', params: { columns: missing.map((k) => `assessment:${k}`).join(', ') } });
    this.headerProblems = this.issues.length;
  }

  /** True when the header row itself is usable (row problems do not stop the checking of later rows). */
  get headerOk() {
    return this.headerProblems === 0;
  }

  private header(k: AssessmentColumnKey) {
    return this.headers[this.byIndex.indexOf(k)] ?? k;
  }

  add(rowNumber: number, cells: RawCell[]) {
    const get = new Map<AssessmentColumnKey, RawCell>();
    let any = false;
    this.byIndex.forEach((k, i) => {
      if (!k) return;
      if (!isBlank(cells[i])) any = true;
      get.set(k, cells[i]);
    });
    if (!any) return;
    const before = this.issues.length;
    const issue = (k: AssessmentColumnKey, code: string, params: Record<string, string | number> = {}) =>
      this.issues.push({ row: rowNumber, column: this.header(k), code, params });

    const smeText = cellText(get.get('sme'));
    const smeClientId = this.smes.get(smeText.toLowerCase());
    if (!smeText) issue('sme', 'required');
    else if (!smeClientId) issue('sme', 'unknownSme', { value: smeText });

    const dateRaw = get.get('date');
    const date = parseDate(dateRaw);
    if (isBlank(dateRaw)) issue('date', 'required');
    else if (!date) issue('date', 'badDate', { value: cellText(dateRaw) });
    else if (date > this.today) issue('date', 'futureDate', { value: date });

    const codeText = cellText(get.get('code'));
    const parsed = parseImportedCode(codeText);
    if (!codeText) issue('code', 'required');
    else if (!parsed.ok) issue('code', 'badCode', { value: codeText });

    const int = (k: 'nationalLevel' | 'nationalScore', min: number, max: number) => {
      const v = get.get(k);
      if (isBlank(v)) return null;
      const n = parseInteger(v);
      if (n === null) issue(k, 'badInteger', { value: cellText(v) });
      else if (n < min || n > max) issue(k, 'outOfRange', { value: n, min, max });
      return n;
    };
    const nationalLevel = int('nationalLevel', 1, 4);
    const nationalScore = int('nationalScore', 0, 100);
    const kindText = cellText(get.get('kind'));
    const kind = kindText ? (kinds[kindText.toLowerCase().replace(/\s+/g, '_')] ?? kinds[kindText]) : 'INTEGRATOR';
    if (!kind) issue('kind', 'badKind', { value: kindText });
    const notes = cellText(get.get('notes')) || null;
    if (notes && notes.length > 2000) issue('notes', 'tooLong', { max: 2000 });
    const assessor = cellText(get.get('assessor')) || this.defaultAssessor;

    if (smeClientId && date && parsed.ok) {
      const key = `${smeClientId}|${date}|${formatCode(parsed.code)}`;
      const first = this.seen.get(key);
      if (first !== undefined) issue('date', 'duplicateAssessment', { firstRow: first });
      else this.seen.set(key, rowNumber);
    }
    if (this.issues.length === before && smeClientId && date && parsed.ok && kind)
      this.rows.push({ row: rowNumber, smeClientId, date, code: parsed.code, nationalLevel, nationalScore, kind, assessor: assessor.slice(0, 60), notes });
  }
}
