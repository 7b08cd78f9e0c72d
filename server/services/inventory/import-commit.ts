/**
 * The commit step of the machine import: the preview's analysis when this process still holds it for these bytes and
 * the inventory is unchanged since (analysis-cache.ts, checked in the transaction), else the same analysis again;
 * then everything in one transaction, or nothing — bad rows commit nothing. A mapping the user confirmed is remembered.
 */
import { randomUUID } from 'node:crypto';
import { refreshStatistics } from '../../db/rls';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { lineKey } from '../../domain/inventory/plan';
import { analysisKey, inventoryFingerprint, takeAnalysis } from './analysis-cache';
import { type Analysis, analyse, type ImportInput, summary } from './import-machines';
import { rememberMapping } from './import-mappings';

const BATCH = 2_000;
/** From this many new machines on, the import refreshes the table's statistics before writing their history. */
const STATS_AFTER = 500;
function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function commitImport(db: ScopedDb, scope: IntegratorScope, actorId: string, input: ImportInput) {
  const started = performance.now();
  const kept = takeAnalysis<Analysis>(analysisKey(actorId, input));
  let analysis = kept?.value ?? (await analyse(db, input));
  if (
    kept &&
    kept.fingerprint !==
      (await inventoryFingerprint(
        db,
        analysis.smes.map((t) => t.id),
      ))
  )
    analysis = await analyse(db, input);
  const { smes, scan, issues, plans } = analysis;
  if (issues.length) {
    const result = summary(analysis);
    throw new AppError('BAD_REQUEST', 'import.hasErrors', { count: result.issueCount, rows: result.badRows });
  }
  if (scan.dataRows === 0) throw new AppError('BAD_REQUEST', 'import.noRows');
  if (smes.some((t) => t.archivedAt)) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  const integratorId = scope.integratorId;

  const importIds = await db.$transaction(
    async (tx) => {
      const recordIds: string[] = [];
      for (const { smeClientId, plan, rows: planRows } of plans) {
        // 1. the hierarchy: new factories, workshops, lines
        if (plan.newSites.length) await tx.site.createMany({ data: plan.newSites.map((name) => ({ integratorId, smeClientId, name })) });
        const siteIds = new Map((await tx.site.findMany({ where: { smeClientId }, select: { id: true, name: true } })).map((s) => [s.name, s.id]));
        if (plan.newWorkshops.length)
          await tx.workshop.createMany({
            data: plan.newWorkshops.map(([site, name]) => ({ integratorId, smeClientId, siteId: siteIds.get(site) as string, name })),
          });
        const workshops = await tx.workshop.findMany({ where: { smeClientId }, select: { id: true, name: true, siteId: true } });
        const siteName = new Map([...siteIds].map(([n, id]) => [id, n]));
        const workshopIds = new Map(workshops.map((w) => [JSON.stringify([siteName.get(w.siteId), w.name]), w.id]));
        if (plan.newLines.length)
          await tx.productionLine.createMany({
            data: plan.newLines.map(([site, workshop, name]) => ({
              integratorId,
              smeClientId,
              workshopId: workshopIds.get(JSON.stringify([site, workshop])) as string,
              name,
            })),
          });
        const lineIds = new Map<string, string>();
        if (plan.newLines.length || plan.creates.length || plan.updates.length) {
          const all = await tx.productionLine.findMany({ where: { smeClientId }, select: { id: true, name: true, workshopId: true } });
          const wsById = new Map(workshops.map((w) => [w.id, w]));
          for (const l of all) {
            const w = wsById.get(l.workshopId);
            if (w) lineIds.set(lineKey(siteName.get(w.siteId) as string, w.name, l.name), l.id);
          }
        }
        const resolveLine = (id: string | null) => (id?.startsWith('new:') ? (lineIds.get(id.slice(4)) ?? null) : id);

        const record = await tx.inventoryImport.create({
          data: {
            integratorId,
            smeClientId,
            actorId,
            fileName: input.fileName.slice(0, 200),
            format: scan.format.toUpperCase(),
            sheet: scan.sheet,
            rows: planRows,
            created: plan.creates.length,
            updated: plan.updates.length,
            unchanged: plan.unchanged,
            durationMs: 0,
          },
          select: { id: true },
        });

        // 2. new machines and their history: one INSERT … SELECT FROM unnest(…) per batch (Prisma's
        //    createMany spends most of its time building per-row objects at this size)
        const now = new Date();
        const history: { machineId: string; kind: 'CREATE' | 'UPDATE'; changes: string }[] = [];
        for (const batch of chunks(plan.creates)) {
          const ids = batch.map(() => randomUUID());
          const col = <T>(f: (c: (typeof batch)[number]) => T) => batch.map(f);
          await tx.$executeRaw`
          INSERT INTO "Machine" ("id", "integratorId", "smeClientId", "assetTag", "lineId", "kind", "maker", "model", "year", "controlType",
            "networked", "operatorsPerShift", "shiftsPerDay", "status", "notes", "createdAt", "updatedAt")
          SELECT v.id, ${integratorId}, ${smeClientId}, v.tag, v.line_id, v.kind, v.maker, v.model, v.year, v.control_type::"ControlType",
            v.networked, v.operators, v.shifts, v.status::"MachineStatus", v.notes, ${now}, ${now}
          FROM unnest(
            ${ids}::text[], ${col((c) => c.row.assetTag)}::text[], ${col((c) => resolveLine(c.fields.lineId))}::text[], ${col((c) => c.fields.kind)}::text[],
            ${col((c) => c.fields.maker)}::text[], ${col((c) => c.fields.model)}::text[], ${col((c) => c.fields.year)}::int[],
            ${col((c) => c.fields.controlType)}::text[], ${col((c) => c.fields.networked)}::boolean[],
            ${col((c) => c.fields.operatorsPerShift)}::int[], ${col((c) => c.fields.shiftsPerDay)}::int[],
            ${col((c) => c.fields.status)}::text[], ${col((c) => c.fields.notes)}::text[]
          ) AS v(id, tag, line_id, kind, maker, model, year, control_type, networked, operators, shifts, status, notes)`;
          batch.forEach((c, i) => {
            history.push({ machineId: ids[i] as string, kind: 'CREATE', changes: JSON.stringify(fieldsAsChanges(c.fields, resolveLine)) });
          });
        }

        // 3. changed machines: one UPDATE … FROM unnest(…) per batch, fenced to this SME of this integrator
        for (const batch of chunks(plan.updates)) {
          const col = <T>(f: (u: (typeof batch)[number]) => T) => batch.map(f);
          await tx.$executeRaw`
          UPDATE "Machine" AS m SET
            "lineId" = v.line_id, "kind" = v.kind, "maker" = v.maker, "model" = v.model, "year" = v.year,
            "controlType" = v.control_type::"ControlType", "networked" = v.networked,
            "operatorsPerShift" = v.operators, "shiftsPerDay" = v.shifts,
            "status" = v.status::"MachineStatus", "notes" = v.notes, "updatedAt" = now()
          FROM unnest(
            ${col((u) => u.id)}::text[], ${col((u) => resolveLine(u.fields.lineId))}::text[], ${col((u) => u.fields.kind)}::text[],
            ${col((u) => u.fields.maker)}::text[], ${col((u) => u.fields.model)}::text[], ${col((u) => u.fields.year)}::int[],
            ${col((u) => u.fields.controlType)}::text[], ${col((u) => u.fields.networked)}::boolean[],
            ${col((u) => u.fields.operatorsPerShift)}::int[], ${col((u) => u.fields.shiftsPerDay)}::int[],
            ${col((u) => u.fields.status)}::text[], ${col((u) => u.fields.notes)}::text[]
          ) AS v(id, line_id, kind, maker, model, year, control_type, networked, operators, shifts, status, notes)
          WHERE m.id = v.id AND m."integratorId" = ${integratorId} AND m."smeClientId" = ${smeClientId}`;
          for (const u of batch) {
            history.push({
              machineId: u.id,
              kind: 'UPDATE',
              changes: JSON.stringify(
                Object.fromEntries(u.changes.map((c) => [c.field, [c.from, c.field === 'lineId' ? resolveLine(c.to as string | null) : c.to]])),
              ),
            });
          }
        }

        // the key checks of the history rows look each new machine up: give the planner statistics first (rls.ts)
        if (plan.creates.length >= STATS_AFTER) await refreshStatistics(tx, scope, 'Machine', { adding: plan.creates.length });

        for (const batch of chunks(history, 5_000)) {
          await tx.$executeRaw`
          INSERT INTO "MachineChange" ("id", "integratorId", "smeClientId", "machineId", "at", "actorId", "source", "importId", "kind", "changes")
          SELECT v.id, ${integratorId}, ${smeClientId}, v.machine_id, ${now}, ${actorId}, 'IMPORT', ${record.id}, v.kind, v.changes::jsonb
          FROM unnest(${batch.map(() => randomUUID())}::text[], ${batch.map((h) => h.machineId)}::text[], ${batch.map((h) => h.kind)}::text[], ${batch.map((h) => h.changes)}::text[])
            AS v(id, machine_id, kind, changes)`;
        }

        await audit(tx, {
          actorId,
          action: 'inventory.import',
          entity: 'SmeClient',
          entityId: smeClientId,
          data: {
            importId: record.id,
            fileName: input.fileName,
            rows: planRows,
            created: plan.creates.length,
            updated: plan.updates.length,
            unchanged: plan.unchanged,
          },
        });
        await tx.inventoryImport.update({ where: { id: record.id }, data: { durationMs: Math.round(performance.now() - started) }, select: { id: true } });
        recordIds.push(record.id);
      }
      if (analysis.confirmed) await rememberMapping(tx, integratorId, analysis.headers, analysis.confirmed);
      return recordIds;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  const result = summary({ ...analysis, issues: [] });
  return {
    importId: importIds[0] ?? null,
    importIds,
    ...result,
    created: result.toCreate,
    updated: result.toUpdate,
    durationMs: Math.round(performance.now() - started),
  };
}

/** A created machine's history entry: every field from nothing to its value. */
function fieldsAsChanges(fields: object, resolveLine: (id: string | null) => string | null): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, [null, k === 'lineId' ? resolveLine(v as string) : v]]),
  );
}
