/**
 * Row-by-row validation of an inventory spreadsheet. Every problem is named with its row number
 * (as the spreadsheet shows it), the column header as written in the file, and a code with
 * parameters that the interface words in the user's language.
 */
import type { ColumnKey, HeaderMap } from './columns';
import {
  type ControlTypeCode,
  cellText,
  isBlank,
  normaliseKind,
  normalText,
  parseBoolean,
  parseControlType,
  parseInteger,
  parseStatus,
  parseYear,
  type RawCell,
  type StatusCode,
} from './values';

export type RowIssueCode =
  | 'required'
  | 'tooLong'
  | 'badInteger'
  | 'outOfRange'
  | 'badYear'
  | 'badControlType'
  | 'badStatus'
  | 'badBoolean'
  | 'duplicateAssetTag'
  | 'hierarchyIncomplete'
  | 'wrongSme';

export type Issue = { row: number | null; column: string | null; code: string; params: Record<string, string | number> };

/** A machine row after validation; fields whose column is absent from the file are undefined (kept as they are). */
export type MachineRow = {
  row: number;
  /** The SME the row goes to (set by the validator). */
  smeClientId?: string;
  assetTag: string;
  site?: string | null;
  workshop?: string | null;
  line?: string | null;
  kind: string;
  maker?: string | null;
  model?: string | null;
  year?: number | null;
  controlType: ControlTypeCode;
  networked?: boolean;
  operatorsPerShift?: number;
  shiftsPerDay?: number;
  status?: StatusCode;
  notes?: string | null;
};

export const limits = {
  text: 100,
  notes: 1000,
  assetTag: 64,
  operatorsPerShift: { min: 0, max: 50 },
  shiftsPerDay: { min: 0, max: 4 },
  year: { min: 1900 },
} as const;

export type ValidationContext = {
  kindLabels: Record<string, Record<string, string>>;
  /**
   * The SMEs rows may go to, by the names they answer to (legal name, English name, credit code; lower case).
   * Importing into one SME: that SME alone, and rows without an SME cell go to it (`defaultSmeId`). Importing into
   * a cluster: its SMEs, and every row must name one.
   */
  smes: Map<string, string>;
  defaultSmeId: string | null;
  currentYear: number;
};

/** The signature lines under a ledger (制表人：… 审核：… 合计 12 台): not a machine. */
const footer = /^((制表|填表|审核|审批|批准|核对|复核|负责人|统计|製表|審核)人?\s*[:：]|(注|说明|說明|日期)\s*[:：]|(合计|总计|小计|合計|總計)(\s|[:：]|$|\d))/;
export function isFooterRow(cells: RawCell[]): boolean {
  const filled = cells.map((c) => normalText(c)).filter(Boolean);
  return filled.length > 0 && filled.length <= 4 && footer.test(filled[0] as string);
}

export class RowValidator {
  readonly rows: MachineRow[] = [];
  readonly issues: Issue[] = [];
  /** Signature and total lines under the table: skipped, and not counted as data rows. */
  footerRows = 0;
  private readonly firstRowOfTag = new Map<string, number>();

  constructor(
    private readonly headers: HeaderMap,
    private readonly ctx: ValidationContext,
  ) {}

  private header(key: ColumnKey): string {
    const i = this.headers.byIndex.indexOf(key);
    return this.headers.headers[i] ?? key;
  }

  private issue(row: number, key: ColumnKey | null, code: RowIssueCode, params: Record<string, string | number> = {}) {
    this.issues.push({ row, column: key ? this.header(key) : null, code, params });
  }

  /** Validates one data row (cells in file order); blank rows are skipped and return false. */
  add(rowNumber: number, cells: RawCell[]): boolean {
    const get = new Map<ColumnKey, RawCell>();
    let any = false;
    this.headers.byIndex.forEach((key, i) => {
      if (!key) return;
      const v = cells[i];
      if (!isBlank(v)) any = true;
      get.set(key, v);
    });
    // a signature line may sit in a column that is not imported (序号): looked at over every cell of the row
    if (isFooterRow(cells)) {
      this.footerRows++;
      return false;
    }
    if (!any) return false;
    const before = this.issues.length;
    const has = (k: ColumnKey) => this.headers.present.has(k);

    const text = (k: ColumnKey, max: number = limits.text): string | null => {
      const s = cellText(get.get(k));
      if (!s) return null;
      if (s.length > max) {
        this.issue(rowNumber, k, 'tooLong', { max });
        return null;
      }
      return s;
    };
    // a required column missing from the file is one file-level problem, not one per row
    const required = (k: ColumnKey, max?: number): string => {
      const s = text(k, max);
      if (s === null && has(k) && isBlank(get.get(k))) this.issue(rowNumber, k, 'required');
      return s ?? '';
    };
    const int = (k: 'operatorsPerShift' | 'shiftsPerDay', fallback: number): number => {
      const v = get.get(k);
      if (isBlank(v)) return fallback;
      const n = parseInteger(v);
      const { min, max } = limits[k];
      if (n === null) this.issue(rowNumber, k, 'badInteger', { value: cellText(v) });
      else if (n < min || n > max) this.issue(rowNumber, k, 'outOfRange', { value: n, min, max });
      return n ?? fallback;
    };

    const assetTag = required('assetTag', limits.assetTag);
    const kindText = required('kind');
    const controlRaw = get.get('controlType');
    let controlType = parseControlType(controlRaw);
    if (!has('controlType')) controlType = null;
    else if (isBlank(controlRaw)) this.issue(rowNumber, 'controlType', 'required');
    else if (!controlType) this.issue(rowNumber, 'controlType', 'badControlType', { value: cellText(controlRaw) });
    controlType ??= 'OTHER';

    const row: MachineRow = { row: rowNumber, assetTag, kind: kindText ? normaliseKind(kindText, this.ctx.kindLabels) : '', controlType };

    if (has('site') || has('workshop') || has('line')) {
      const site = text('site');
      const workshop = text('workshop');
      const line = text('line');
      const given = [site, workshop, line].filter((x) => x !== null).length;
      if (given > 0 && given < 3) this.issue(rowNumber, null, 'hierarchyIncomplete');
      row.site = site;
      row.workshop = workshop;
      row.line = line;
    }
    if (has('maker')) row.maker = text('maker');
    if (has('model')) row.model = text('model');
    if (has('notes')) row.notes = text('notes', limits.notes);
    if (has('year')) {
      const v = get.get('year');
      if (isBlank(v)) row.year = null;
      else {
        const y = parseYear(v);
        if (y === null) this.issue(rowNumber, 'year', 'badYear', { value: cellText(v) });
        else if (y < limits.year.min || y > this.ctx.currentYear + 1)
          this.issue(rowNumber, 'year', 'outOfRange', { value: y, min: limits.year.min, max: this.ctx.currentYear + 1 });
        row.year = y;
      }
    }
    if (has('networked')) {
      const v = get.get('networked');
      const b = isBlank(v) ? false : parseBoolean(v);
      if (b === null) this.issue(rowNumber, 'networked', 'badBoolean', { value: cellText(v) });
      row.networked = b ?? false;
    }
    if (has('operatorsPerShift')) row.operatorsPerShift = int('operatorsPerShift', 1);
    if (has('shiftsPerDay')) row.shiftsPerDay = int('shiftsPerDay', 1);
    if (has('status')) {
      const v = get.get('status');
      const s = isBlank(v) ? 'IN_SERVICE' : parseStatus(v);
      if (s === null) this.issue(rowNumber, 'status', 'badStatus', { value: cellText(v) });
      row.status = s ?? 'IN_SERVICE';
    }
    row.smeClientId = this.ctx.defaultSmeId ?? '';
    if (has('sme')) {
      const v = cellText(get.get('sme'));
      const id = v ? this.ctx.smes.get(v.toLowerCase()) : undefined;
      if (v && !id) this.issue(rowNumber, 'sme', 'wrongSme', { value: v });
      else if (!v && !this.ctx.defaultSmeId) this.issue(rowNumber, 'sme', 'required');
      if (id) row.smeClientId = id;
    }
    if (assetTag) {
      // asset tags are unique within one SME
      const key = `${row.smeClientId}|${assetTag}`;
      const first = this.firstRowOfTag.get(key);
      if (first !== undefined) this.issue(rowNumber, 'assetTag', 'duplicateAssetTag', { value: assetTag, firstRow: first });
      else this.firstRowOfTag.set(key, rowNumber);
    }
    if (this.issues.length === before) this.rows.push(row);
    else this.sortByColumn(before);
    return true;
  }

  /** A row's problems in the order of the file's columns (row-level ones first). */
  private sortByColumn(from: number) {
    const position = (column: string | null) => (column === null ? -1 : this.headers.headers.indexOf(column));
    const rowIssues = this.issues.splice(from).sort((a, b) => position(a.column) - position(b.column));
    this.issues.push(...rowIssues);
  }
}
