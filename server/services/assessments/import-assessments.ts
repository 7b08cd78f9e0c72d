/** Import of past assessments (preview / commit, all or nothing); a row already recorded is left unchanged. */
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import type { ChosenEncoding } from '../../domain/inventory/file-kind';
import type { Issue } from '../../domain/inventory/validate';
import { formatCode } from '../../domain/maturity/code';
import { AssessmentRowValidator, assessmentColumnKeys, assessmentTemplateHeaders } from '../../domain/maturity/import';
import { dateOnly, shanghaiToday } from '../../domain/time';
import type { AppLocale } from '../../i18n/locales';
import { contentTypes, type ExportFile, type ExportFormat, writeFile } from '../inventory/export-files';
import { scanSpreadsheet } from '../inventory/spreadsheet';

export type AssessmentImportInput = { fileName: string; bytes: Uint8Array; sheet?: string | null; encoding?: ChosenEncoding | null };

async function analyse(db: ScopedDb, input: AssessmentImportInput, actorName: string) {
  const smes = await db.smeClient.findMany({ select: { id: true, legalName: true, legalNameEn: true, creditCode: true } });
  const names = new Map<string, string>();
  for (const s of smes) for (const n of [s.legalName, s.legalNameEn, s.creditCode]) if (n) names.set(n.toLowerCase(), s.id);
  const today = shanghaiToday();
  let v: AssessmentRowValidator | null = null;
  const scan = await scanSpreadsheet(
    input.bytes,
    { sheet: input.sheet, encoding: input.encoding },
    {
      header(cells, rowNumber) {
        v = new AssessmentRowValidator(cells, rowNumber, names, today, actorName);
      },
      row(rowNumber, cells) {
        const validator = v as AssessmentRowValidator | null;
        if (validator?.headerOk) validator.add(rowNumber, cells);
      },
    },
  );
  const validator = v as AssessmentRowValidator | null;
  const issues: Issue[] = validator?.issues ?? [];
  const rows = validator?.rows ?? [];
  const existing = rows.length
    ? await db.assessment.findMany({
        where: { smeClientId: { in: [...new Set(rows.map((r) => r.smeClientId))] } },
        select: { smeClientId: true, assessedOn: true, d: true, n: true, i: true },
      })
    : [];
  const known = new Set(
    existing.map((e) => `${e.smeClientId}|${e.assessedOn.toISOString().slice(0, 10)}|${formatCode({ d: e.d as 0, n: e.n as 0, i: e.i as 0 })}`),
  );
  const creates = rows.filter((r) => !known.has(`${r.smeClientId}|${r.date}|${formatCode(r.code)}`));
  return { scan, issues, rows, creates };
}

function summary(a: Awaited<ReturnType<typeof analyse>>) {
  return {
    format: a.scan.format,
    encoding: a.scan.encoding,
    encodingCertain: a.scan.encodingCertain,
    sample: a.scan.sample,
    sheets: a.scan.sheets,
    sheet: a.scan.sheet,
    dataRows: a.scan.dataRows,
    badRows: new Set(a.issues.filter((i) => i.row !== null).map((i) => i.row)).size,
    issueCount: a.issues.length,
    issues: a.issues.slice(0, 10_000),
    toCreate: a.creates.length,
    toUpdate: 0,
    unchanged: a.rows.length - a.creates.length,
    newSites: 0,
    newWorkshops: 0,
    newLines: 0,
  };
}

export async function previewAssessmentImport(db: ScopedDb, actorName: string, input: AssessmentImportInput) {
  const a = await analyse(db, input, actorName);
  return { ...summary(a), canCommit: a.issues.length === 0 && a.scan.dataRows > 0 };
}

export async function commitAssessmentImport(db: ScopedDb, scope: IntegratorScope, actor: { id: string; name: string }, input: AssessmentImportInput) {
  const started = performance.now();
  const a = await analyse(db, input, actor.name);
  if (a.issues.length) {
    const s = summary(a);
    throw new AppError('BAD_REQUEST', 'import.hasErrors', { count: s.issueCount, rows: s.badRows });
  }
  if (a.scan.dataRows === 0) throw new AppError('BAD_REQUEST', 'import.noRows');
  await db.$transaction(
    async (tx) => {
      if (a.creates.length)
        await tx.assessment.createMany({
          data: a.creates.map((r) => ({
            integratorId: scope.integratorId,
            smeClientId: r.smeClientId,
            assessedOn: dateOnly(r.date),
            kind: r.kind,
            assessorName: r.assessor,
            createdById: actor.id,
            d: r.code.d,
            n: r.code.n,
            i: r.code.i,
            suggestedD: r.code.d,
            suggestedN: r.code.n,
            suggestedI: r.code.i,
            nationalLevel: r.nationalLevel,
            nationalScore: r.nationalScore,
            notes: r.notes,
            status: 'SIGNED_OFF',
            signedOffAt: new Date(),
            signedOffById: actor.id,
            source: 'IMPORT',
          })),
        });
      await audit(tx, {
        actorId: actor.id,
        action: 'assessment.import',
        entity: 'Integrator',
        entityId: scope.integratorId,
        data: { fileName: input.fileName, created: a.creates.length },
      });
    },
    { timeout: 60_000 },
  );
  return { ...summary(a), created: a.creates.length, updated: 0, durationMs: Math.round(performance.now() - started) };
}

/** The template for past assessments, headers in one language, with one example row. */
export async function assessmentTemplate(input: { format: ExportFormat; locale: AppLocale }): Promise<ExportFile> {
  const h = assessmentTemplateHeaders[input.locale];
  const example =
    input.locale === 'zh-CN'
      ? ['新昌县万丰轴承有限公司', '2016-03-01', 'D0N0', '1', '', '自评', '', '改造前']
      : ['Xinchang Wanfeng Bearing Co., Ltd.', '2016-03-01', 'D0N0', '1', '', 'Self', '', 'before the retrofit'];
  const bytes = await writeFile(
    input.format,
    assessmentColumnKeys.map((k) => h[k]),
    [example],
    undefined,
    input.locale === 'zh-CN' ? '评估记录' : 'Assessments',
  );
  return { fileName: `${input.locale === 'zh-CN' ? '评估记录模板' : 'assessment-template'}.${input.format}`, contentType: contentTypes[input.format], bytes };
}
