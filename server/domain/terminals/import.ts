/**
 * Bulk registration of terminals from a spreadsheet: one row per machine (asset tag → terminal serial, optionally the
 * serial of the edge gateway that carries it), validated like the inventory import — every problem named with its
 * row, its column as written and a code the UI words in the user's language. Header names are recognised in Chinese
 * or English, in any order. The rows are then planned against what is registered (planTerminalImport).
 */
import { normaliseHeader } from '../inventory/columns';
import type { Issue } from '../inventory/validate';
import { cellText, isBlank, type RawCell } from '../inventory/values';
import { normaliseSerial, SERIAL_PATTERN } from './inputs';

export const terminalColumnKeys = ['assetTag', 'serial', 'gatewaySerial'] as const;
export type TerminalColumnKey = (typeof terminalColumnKeys)[number];
const required: TerminalColumnKey[] = ['assetTag', 'serial'];

export const terminalTemplateHeaders: Record<'zh-CN' | 'en', Record<TerminalColumnKey, string>> = {
  'zh-CN': { assetTag: '资产编号', serial: '终端序列号', gatewaySerial: '网关序列号' },
  en: { assetTag: 'Asset tag', serial: 'Terminal serial', gatewaySerial: 'Gateway serial' },
};

const aliases: Record<TerminalColumnKey, string[]> = {
  assetTag: ['资产编号', '设备编号', '设备编码', '资产编码', '固定资产编号', '机台号', '机台编号', 'assettag', 'asset', 'machine', 'machinetag', 'assetno'],
  serial: [
    '终端序列号',
    '终端编号',
    '采集终端序列号',
    '数采终端序列号',
    '序列号',
    '终端SN',
    'SN',
    'serial',
    'serialno',
    'terminal',
    'terminalserial',
    'terminalsn',
  ],
  gatewaySerial: ['网关序列号', '网关编号', '网关SN', '网关', 'gateway', 'gatewayserial', 'gatewaysn'],
};
const index = new Map<string, TerminalColumnKey>();
for (const k of terminalColumnKeys)
  for (const a of [...aliases[k], terminalTemplateHeaders['zh-CN'][k], terminalTemplateHeaders.en[k]]) index.set(normaliseHeader(a), k);

/** How many cells of a row name a terminal column (the header row is the first that names two). */
export function terminalHeaderScore(cells: string[]): number {
  return cells.filter((c) => index.has(normaliseHeader(c))).length;
}

export type TerminalRow = { row: number; assetTag: string; serial: string; gatewaySerial: string | null };

export class TerminalRowValidator {
  readonly rows: TerminalRow[] = [];
  readonly issues: Issue[] = [];
  private readonly byIndex: (TerminalColumnKey | null)[] = [];
  private readonly headers: string[];
  private readonly tags = new Map<string, number>();
  private readonly serials = new Map<string, number>();
  readonly headerOk: boolean;

  constructor(headerRow: string[], headerRowNumber: number) {
    this.headers = headerRow.map((h) => h.trim());
    const present = new Set<TerminalColumnKey>();
    const ignored: string[] = [];
    for (const h of this.headers) {
      const key = h ? (index.get(normaliseHeader(h)) ?? null) : null;
      if (h && !key) ignored.push(h);
      if (key && present.has(key)) this.issues.push({ row: headerRowNumber, column: null, code: 'duplicateColumn', params: { column: h } });
      if (key) present.add(key);
      this.byIndex.push(key && !this.byIndex.includes(key) ? key : null);
    }
    const missing = required.filter((k) => !present.has(k));
    if (missing.length)
      this.issues.push({ row: headerRowNumber, column: null, code: 'missingColumns', params: { columns: missing.map((k) => `terminal:${k}`).join(', ') } });
    this.headerOk = this.issues.length === 0;
    this.ignored = ignored;
  }

  /** Headers of the file that are not imported (a notice, not a problem). */
  readonly ignored: string[];

  private header(k: TerminalColumnKey) {
    return this.headers[this.byIndex.indexOf(k)] ?? k;
  }

  add(rowNumber: number, cells: RawCell[]) {
    const get = new Map<TerminalColumnKey, RawCell>();
    let any = false;
    this.byIndex.forEach((k, i) => {
      if (!k) return;
      if (!isBlank(cells[i])) any = true;
      get.set(k, cells[i]);
    });
    if (!any) return;
    const before = this.issues.length;
    const issue = (k: TerminalColumnKey, code: string, params: Record<string, string | number> = {}) =>
      this.issues.push({ row: rowNumber, column: this.header(k), code, params });

    const assetTag = cellText(get.get('assetTag'));
    if (!assetTag) issue('assetTag', 'required');
    const serial = normaliseSerial(cellText(get.get('serial')));
    if (!serial) issue('serial', 'required');
    else if (!SERIAL_PATTERN.test(serial)) issue('serial', 'badSerial', { value: serial });
    const gatewayText = normaliseSerial(cellText(get.get('gatewaySerial')));
    if (gatewayText && !SERIAL_PATTERN.test(gatewayText)) issue('gatewaySerial', 'badSerial', { value: gatewayText });
    if (gatewayText && gatewayText === serial) issue('gatewaySerial', 'gatewayIsTerminal', { value: gatewayText });

    if (assetTag) {
      const first = this.tags.get(assetTag);
      if (first !== undefined) issue('assetTag', 'duplicateAssetTag', { value: assetTag, firstRow: first });
      else this.tags.set(assetTag, rowNumber);
    }
    if (serial) {
      const first = this.serials.get(serial);
      if (first !== undefined) issue('serial', 'duplicateSerial', { value: serial, firstRow: first });
      else this.serials.set(serial, rowNumber);
    }
    if (this.issues.length === before) this.rows.push({ row: rowNumber, assetTag, serial, gatewaySerial: gatewayText || null });
  }

  /** The column as written in the file, for the problems found against the database. */
  column(k: TerminalColumnKey): string {
    return this.header(k);
  }
}

/** What is registered, as the plan reads it. */
export type RegisteredMachine = { id: string; assetTag: string; status: 'IN_SERVICE' | 'IDLE' | 'RETIRED' };
export type RegisteredTerminal = {
  id: string;
  serial: string;
  kind: 'TERMINAL' | 'GATEWAY';
  machineId: string | null;
  gatewayId: string | null;
  revoked: boolean;
};

export type TerminalPlan = {
  creates: { row: number; machineId: string; assetTag: string; serial: string; gatewayId: string | null }[];
  /** A row naming the machine's live terminal with another gateway: the terminal is re-assigned. */
  reassigns: { row: number; terminalId: string; gatewayId: string | null }[];
  unchanged: number;
  issues: Issue[];
};

/**
 * Plans validated rows against one SME's machines and the integrator's terminals (serials are unique per integrator):
 * an unknown or retired machine, a serial used elsewhere (another machine, a gateway, a revoked terminal), a machine
 * that already has another live terminal, an unknown or revoked gateway — each is a problem of its row. A row that
 * names the machine's live terminal is unchanged (importing the same file again registers nothing).
 */
export function planTerminalImport(
  rows: TerminalRow[],
  machines: Map<string, RegisteredMachine>,
  terminalsBySerial: Map<string, RegisteredTerminal & { smeClientId: string; assetTag: string | null }>,
  liveByMachine: Map<string, { id: string; serial: string; gatewayId: string | null }>,
  smeClientId: string,
  column: (k: TerminalColumnKey) => string,
): TerminalPlan {
  const plan: TerminalPlan = { creates: [], reassigns: [], unchanged: 0, issues: [] };
  for (const r of rows) {
    const issue = (k: TerminalColumnKey, code: string, params: Record<string, string | number> = {}) =>
      plan.issues.push({ row: r.row, column: column(k), code, params });
    const before = plan.issues.length;
    const machine = machines.get(r.assetTag);
    if (!machine) issue('assetTag', 'unknownAssetTag', { value: r.assetTag });
    else if (machine.status === 'RETIRED') issue('assetTag', 'retiredMachine', { value: r.assetTag });
    let gatewayId: string | null = null;
    if (r.gatewaySerial) {
      const g = terminalsBySerial.get(r.gatewaySerial);
      if (g?.kind !== 'GATEWAY' || g.smeClientId !== smeClientId) issue('gatewaySerial', 'unknownGateway', { value: r.gatewaySerial });
      else if (g.revoked) issue('gatewaySerial', 'revokedGateway', { value: r.gatewaySerial });
      else gatewayId = g.id;
    }
    const live = machine ? liveByMachine.get(machine.id) : undefined;
    const existing = terminalsBySerial.get(r.serial);
    if (existing && !(live && existing.id === live.id)) {
      const where = existing.kind === 'GATEWAY' ? 'serialIsGateway' : existing.revoked ? 'serialRevoked' : 'serialTaken';
      issue('serial', where, { value: r.serial, assetTag: existing.assetTag ?? '' });
    } else if (live && live.serial !== r.serial) issue('assetTag', 'machineHasTerminal', { value: r.assetTag, serial: live.serial });
    if (plan.issues.length !== before || !machine) continue;
    if (live) {
      if (live.gatewayId === gatewayId || (r.gatewaySerial === null && live.gatewayId !== null)) plan.unchanged++;
      else plan.reassigns.push({ row: r.row, terminalId: live.id, gatewayId });
    } else plan.creates.push({ row: r.row, machineId: machine.id, assetTag: r.assetTag, serial: r.serial, gatewayId });
  }
  return plan;
}
