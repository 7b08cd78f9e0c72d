/**
 * Spreadsheet import of machines into one SME — or into the SMEs of a cluster, each row naming its SME (what a
 * cluster export writes) — in two steps:
 * - preview: every row validated, every problem named, counts of creates/updates/unchanged;
 * - commit: the same analysis again (the file is sent again: nothing is kept between the steps),
 *   then everything in one transaction, or nothing: bad rows commit nothing.
 * Rows are matched by asset tag, so re-importing the same file changes nothing.
 */
import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { type ColumnMapping, type HeaderNotice, headerScore, type ManualMapping, mapHeaders } from '../../domain/inventory/columns';
import type { ChosenEncoding } from '../../domain/inventory/file-kind';
import { type ExistingMachine, type ImportPlan, lineKey, planImport } from '../../domain/inventory/plan';
import { type Issue, RowValidator } from '../../domain/inventory/validate';
import { catalogues } from '../../i18n/messages';
import { analysisKey, inventoryFingerprint, keepAnalysis } from './analysis-cache';
import { headersKey, loadRememberedMappings } from './import-mappings';
import { type ScanResult, scanSpreadsheet } from './spreadsheet';

export type ImportInput = {
  smeClientId?: string;
  clusterId?: string;
  fileName: string;
  bytes: Uint8Array;
  sheet?: string | null;
  encoding?: ChosenEncoding | null;
  /** The user's choices in the mapping step, by header as written: a column, or null to ignore it. */
  mapping?: ManualMapping | null;
};

const kindLabels = { 'zh-CN': catalogues['zh-CN'].enums.machineKind, en: catalogues.en.enums.machineKind } as Record<string, Record<string, string>>;
const MAX_ISSUES_RETURNED = 10_000;

type Target = { id: string; legalName: string; legalNameEn: string | null; creditCode: string | null; archivedAt: Date | null };

/** The SMEs a file may write to: the one named, or the (not archived) members of the cluster named. */
async function loadTargets(db: ScopedDb, input: ImportInput): Promise<{ mode: 'sme' | 'cluster'; smes: Target[] }> {
  const select = { id: true, legalName: true, legalNameEn: true, creditCode: true, archivedAt: true } as const;
  if (input.clusterId) {
    if (!(await db.cluster.findUnique({ where: { id: input.clusterId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
    const smes = await db.smeClient.findMany({ where: { archivedAt: null, memberships: { some: { clusterId: input.clusterId } } }, select });
    return { mode: 'cluster', smes };
  }
  const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId ?? '' }, select });
  if (!sme) throw new AppError('NOT_FOUND');
  return { mode: 'sme', smes: [sme] };
}

export async function analyse(db: ScopedDb, input: ImportInput) {
  const { mode, smes } = await loadTargets(db, input);
  const names = new Map<string, string>();
  for (const t of smes) for (const n of [t.legalName, t.legalNameEn, t.creditCode]) if (n) names.set(n.trim().toLowerCase(), t.id);
  let validator: RowValidator | null = null;
  const fileIssues: Issue[] = [];
  let columns: ColumnMapping[] = [];
  let notices: HeaderNotice[] = [];
  // the user's choices in this preview, else the ones confirmed last time for the same header row
  const given = input.mapping && Object.keys(input.mapping).length ? input.mapping : null;
  const remembered = await loadRememberedMappings(db);
  const anyRemembered: ManualMapping = Object.assign({}, ...[...remembered.values()].map((m) => Object.fromEntries(Object.entries(m).filter(([, k]) => k))));
  let manual: ManualMapping = given ?? {};
  let headers: string[] = [];
  const scan: ScanResult = await scanSpreadsheet(
    input.bytes,
    { sheet: input.sheet, encoding: input.encoding },
    {
      headerScore: (cells) => headerScore(cells, { ...anyRemembered, ...given }),
      header(cells, rowNumber) {
        headers = cells;
        // what the user chose now goes over what was confirmed last time for this header row
        const last = remembered.get(headersKey(cells)) ?? {};
        manual = { ...last, ...given };
        const mapped = mapHeaders(cells, manual);
        const { map, problems } = mapped;
        const fromLast = (h: string) => Object.hasOwn(last, h) && !(given && Object.hasOwn(given, h));
        columns = mapped.columns.map((c) => (c.source === 'manual' && fromLast(c.header) ? { ...c, source: 'remembered' as const } : c));
        notices = mapped.notices;
        for (const p of problems) {
          const params: Record<string, string> = p.code === 'duplicateColumn' ? { column: p.column } : { columns: p.columns.join(', ') };
          fileIssues.push({ row: rowNumber, column: null, code: p.code, params });
        }
        if (mode === 'cluster' && !map.present.has('sme'))
          fileIssues.push({ row: rowNumber, column: null, code: 'missingColumns', params: { columns: 'sme' } });
        validator = new RowValidator(map, {
          kindLabels,
          smes: names,
          defaultSmeId: mode === 'sme' ? (smes[0]?.id ?? null) : null,
          currentYear: new Date().getUTCFullYear(),
        });
      },
      // every row is checked even when the header has problems: the user sees every bad row at once
      row(rowNumber, cells) {
        validator?.add(rowNumber, cells);
      },
    },
  );
  const v = validator as RowValidator | null;
  const issues = [...fileIssues, ...(v?.issues ?? [])];
  const rows = v?.rows ?? [];

  // the current inventory and hierarchy of every target SME, read once, then planned SME by SME
  const ids = smes.map((t) => t.id);
  const [existing, lines, sites] = await Promise.all([
    db.machine.findMany({
      where: { smeClientId: { in: ids } },
      select: {
        id: true,
        smeClientId: true,
        assetTag: true,
        lineId: true,
        kind: true,
        maker: true,
        model: true,
        year: true,
        controlType: true,
        networked: true,
        operatorsPerShift: true,
        shiftsPerDay: true,
        status: true,
        notes: true,
      },
    }),
    db.productionLine.findMany({
      where: { smeClientId: { in: ids } },
      select: { id: true, smeClientId: true, name: true, workshop: { select: { name: true, site: { select: { name: true } } } } },
    }),
    db.site.findMany({
      where: { smeClientId: { in: ids } },
      select: { id: true, smeClientId: true, name: true, workshops: { select: { id: true, name: true } } },
    }),
  ]);
  const plans: { smeClientId: string; plan: ImportPlan; rows: number }[] = [];
  for (const t of smes) {
    const own = rows.filter((r) => r.smeClientId === t.id);
    if (mode === 'cluster' && own.length === 0) continue;
    const ownSites = sites.filter((x) => x.smeClientId === t.id);
    const plan = planImport(
      own,
      new Map(existing.filter((m) => m.smeClientId === t.id).map((m) => [m.assetTag, m as ExistingMachine])),
      new Map(lines.filter((l) => l.smeClientId === t.id).map((l) => [lineKey(l.workshop.site.name, l.workshop.name, l.name), l.id])),
      new Set(ownSites.map((x) => x.name)),
      new Set(ownSites.flatMap((x) => x.workshops.map((w) => JSON.stringify([x.name, w.name])))),
    );
    plans.push({ smeClientId: t.id, plan, rows: own.length });
  }
  // the signature lines under a ledger are not data rows
  const counted = { ...scan, dataRows: scan.dataRows - (v?.footerRows ?? 0) };
  return { smes, scan: counted, columns, notices, issues, plans, headers, confirmed: given ? manual : null };
}

export function summary({ scan, columns, notices, issues, plans }: Pick<Analysis, 'scan' | 'columns' | 'notices' | 'issues' | 'plans'>) {
  const badRows = new Set(issues.filter((i) => i.row !== null).map((i) => i.row)).size;
  const sum = (f: (p: ImportPlan) => number) => plans.reduce((s, x) => s + f(x.plan), 0);
  return {
    format: scan.format,
    encoding: scan.encoding,
    encodingCertain: scan.encodingCertain,
    sample: scan.sample,
    sheets: scan.sheets,
    sheet: scan.sheet,
    headerRow: scan.headerRow,
    columns,
    notices,
    dataRows: scan.dataRows,
    badRows,
    issueCount: issues.length,
    issues: issues.slice(0, MAX_ISSUES_RETURNED),
    toCreate: sum((p) => p.creates.length),
    toUpdate: sum((p) => p.updates.length),
    unchanged: sum((p) => p.unchanged),
    newSites: sum((p) => p.newSites.length),
    newWorkshops: sum((p) => p.newWorkshops.length),
    newLines: sum((p) => p.newLines.length),
    smes: plans.length,
  };
}

export type Analysis = Awaited<ReturnType<typeof analyse>>;

/**
 * The preview. A file that can be committed leaves its analysis with this process for a few minutes
 * (analysis-cache.ts), so that the commit of the same bytes by the same user need not read the file again.
 */
export async function previewImport(db: ScopedDb, input: ImportInput, userId?: string) {
  const analysis = await analyse(db, input);
  const { scan, issues } = analysis;
  const canCommit = issues.length === 0 && scan.dataRows > 0;
  if (canCommit && userId) {
    const fingerprint = await inventoryFingerprint(
      db,
      analysis.smes.map((t) => t.id),
    );
    keepAnalysis(analysisKey(userId, input), fingerprint, scan.dataRows, analysis);
  }
  return { ...summary(analysis), canCommit };
}
