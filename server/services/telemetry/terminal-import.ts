/**
 * Bulk registration of terminals for one SME from a spreadsheet (asset tag → terminal serial, optional gateway serial),
 * in the two steps of the inventory import: preview names every bad row; commit analyses the file again and registers
 * everything in one transaction, or nothing. The commit's answer carries the new credentials once, as a CSV to
 * download (terminal id = MQTT username, serial, asset tag, secret, topic): they are never readable again.
 */
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import type { ChosenEncoding } from '../../domain/inventory/file-kind';
import type { Issue } from '../../domain/inventory/validate';
import {
  planTerminalImport,
  TerminalRowValidator,
  terminalColumnKeys,
  terminalHeaderScore,
  terminalTemplateHeaders,
  type TerminalRowValidator as Validator,
} from '../../domain/terminals/import';
import { shanghaiToday } from '../../domain/time';
import type { AppLocale } from '../../i18n/locales';
import { contentTypes, type ExportFile, type ExportFormat, writeFile } from '../inventory/export-files';
import { scanSpreadsheet } from '../inventory/spreadsheet';
import { changeTerminals, credentialOf, freshCredential, type TerminalCredential } from './terminal-credentials';

export type TerminalImportInput = { smeClientId: string; fileName: string; bytes: Uint8Array; sheet?: string | null; encoding?: ChosenEncoding | null };

async function analyse(db: ScopedDb, input: TerminalImportInput) {
  const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true, archivedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  let v: Validator | null = null;
  const scan = await scanSpreadsheet(
    input.bytes,
    { sheet: input.sheet, encoding: input.encoding },
    {
      headerScore: terminalHeaderScore,
      header(cells, rowNumber) {
        v = new TerminalRowValidator(cells, rowNumber);
      },
      row(rowNumber, cells) {
        (v as Validator | null)?.add(rowNumber, cells);
      },
    },
  );
  const validator = v as Validator | null;
  const rows = validator?.rows ?? [];
  const serials = [...new Set(rows.flatMap((r) => (r.gatewaySerial ? [r.serial, r.gatewaySerial] : [r.serial])))];
  const [machines, terminals, live] = await Promise.all([
    rows.length
      ? db.machine.findMany({
          where: { smeClientId: sme.id, assetTag: { in: rows.map((r) => r.assetTag) } },
          select: { id: true, assetTag: true, status: true },
        })
      : [],
    serials.length
      ? db.terminal.findMany({
          where: { serial: { in: serials } },
          select: {
            id: true,
            serial: true,
            kind: true,
            machineId: true,
            gatewayId: true,
            revokedAt: true,
            smeClientId: true,
            machine: { select: { assetTag: true } },
          },
        })
      : [],
    rows.length
      ? db.terminal.findMany({
          where: { smeClientId: sme.id, revokedAt: null, kind: 'TERMINAL' },
          select: { id: true, serial: true, machineId: true, gatewayId: true },
        })
      : [],
  ]);
  const plan = planTerminalImport(
    rows,
    new Map(machines.map((m) => [m.assetTag, m])),
    new Map(terminals.map((t) => [t.serial, { ...t, revoked: t.revokedAt !== null, assetTag: t.machine?.assetTag ?? null }])),
    new Map(live.map((t) => [t.machineId as string, t])),
    sme.id,
    (k) => validator?.column(k) ?? k,
  );
  const issues: Issue[] = [...(validator?.issues ?? []), ...plan.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { sme, scan, issues, plan, ignored: validator?.ignored ?? [] };
}

function summary(a: Awaited<ReturnType<typeof analyse>>) {
  return {
    format: a.scan.format,
    encoding: a.scan.encoding,
    encodingCertain: a.scan.encodingCertain,
    sample: a.scan.sample,
    sheets: a.scan.sheets,
    sheet: a.scan.sheet,
    headerRow: a.scan.headerRow,
    notices: a.ignored.length ? [{ code: 'ignoredColumns' as const, columns: a.ignored }] : [],
    dataRows: a.scan.dataRows,
    badRows: new Set(a.issues.filter((i) => i.row !== null).map((i) => i.row)).size,
    issueCount: a.issues.length,
    issues: a.issues.slice(0, 10_000),
    toCreate: a.plan.creates.length,
    toUpdate: a.plan.reassigns.length,
    unchanged: a.plan.unchanged,
    newSites: 0,
    newWorkshops: 0,
    newLines: 0,
  };
}

export async function previewTerminalImport(db: ScopedDb, input: TerminalImportInput) {
  const a = await analyse(db, input);
  return { ...summary(a), canCommit: a.issues.length === 0 && a.scan.dataRows > 0 };
}

export async function commitTerminalImport(db: ScopedDb, scope: IntegratorScope, actorId: string, locale: AppLocale, input: TerminalImportInput) {
  const started = performance.now();
  const a = await analyse(db, input);
  if (a.issues.length) {
    const s = summary(a);
    throw new AppError('BAD_REQUEST', 'import.hasErrors', { count: s.issueCount, rows: s.badRows });
  }
  if (a.scan.dataRows === 0) throw new AppError('BAD_REQUEST', 'import.noRows');
  if (a.sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  const creds = a.plan.creates.map((c) => ({ ...c, ...freshCredential() }));
  const created = await changeTerminals((note) =>
    db.$transaction(
      async (tx) => {
        const out: (TerminalCredential & { assetTag: string })[] = [];
        for (const c of creds) {
          // a serial or machine taken since the analysis fails the unique indexes: the whole file rolls back
          const t = await tx.terminal.create({
            data: {
              integratorId: scope.integratorId,
              smeClientId: a.sme.id,
              kind: 'TERMINAL',
              serial: c.serial,
              machineId: c.machineId,
              gatewayId: c.gatewayId,
              secretHash: c.secretHash,
              createdById: actorId,
            },
            select: { id: true, serial: true, kind: true },
          });
          out.push({ ...credentialOf(t, c.secret), assetTag: c.assetTag });
        }
        for (const r of a.plan.reassigns) await tx.terminal.updateMany({ where: { id: r.terminalId, revokedAt: null }, data: { gatewayId: r.gatewayId } });
        await note(
          tx,
          a.plan.reassigns.map((r) => r.terminalId),
        );
        await audit(tx, {
          actorId,
          action: 'terminal.import',
          entity: 'SmeClient',
          entityId: a.sme.id,
          data: {
            fileName: input.fileName,
            created: out.map((t) => t.terminalId),
            reassigned: a.plan.reassigns.map((r) => r.terminalId),
            unchanged: a.plan.unchanged,
          },
        });
        return out;
      },
      { timeout: 60_000 },
    ),
  );
  return {
    ...summary(a),
    created: created.length,
    updated: a.plan.reassigns.length,
    durationMs: Math.round(performance.now() - started),
    credentials: created.length ? credentialsCsv(created, locale) : null,
  };
}

const credentialHeaders: Record<AppLocale, string[]> = {
  'zh-CN': ['终端 ID（MQTT 用户名）', '终端序列号', '资产编号', '密钥（MQTT 密码）', 'MQTT 主题'],
  en: ['Terminal id (MQTT username)', 'Terminal serial', 'Asset tag', 'Secret (MQTT password)', 'MQTT topic'],
};

/** The new credentials as a CSV (UTF-8 with BOM, for Excel), shown once. */
export function credentialsCsv(rows: (TerminalCredential & { assetTag: string })[], locale: AppLocale) {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [credentialHeaders[locale], ...rows.map((r) => [r.terminalId, r.serial, r.assetTag, r.secret, r.topic])];
  const csv = `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
  return { fileName: `${locale === 'zh-CN' ? '终端密钥' : 'terminal-credentials'}-${shanghaiToday()}.csv`, csv };
}

/** The bulk-registration template, headers in one language, with one example row. */
export async function terminalTemplate(input: { format: ExportFormat; locale: AppLocale }): Promise<ExportFile> {
  const h = terminalTemplateHeaders[input.locale];
  const bytes = await writeFile(
    input.format,
    terminalColumnKeys.map((k) => h[k]),
    [['M-001', 'TM-ACS-2026-000101', '']],
    undefined,
    input.locale === 'zh-CN' ? '终端登记' : 'Terminals',
  );
  return { fileName: `${input.locale === 'zh-CN' ? '终端登记模板' : 'terminal-template'}.${input.format}`, contentType: contentTypes[input.format], bytes };
}
