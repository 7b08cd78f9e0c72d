/** The audit log of the caller's tenant (integrator or county), newest first, and its export. */
import type { ScopedDb } from '../../db/scoped';
import { auditDetails } from '../../domain/audit/details';
import { pageWindow } from '../../domain/paging';
import { addDays, dateOnly } from '../../domain/time';
import { contentTypes, type ExportFormat, writeFile } from '../inventory/export-files';
import { auditObjects } from './objects';

/** Display names of the actors of some audit rows, in one query. */
async function actorNames(db: ScopedDb, rows: { actorId: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => Boolean(x)))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

export type AuditFilter = { action?: string; entity?: string; actorId?: string; from?: string; to?: string };

const SHANGHAI_MS = 8 * 3600_000;
/** The first moment of a Shanghai calendar day, in UTC. */
const shanghaiStart = (day: string) => new Date(dateOnly(day).getTime() - SHANGHAI_MS);

function whereOf(f: AuditFilter) {
  return {
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: shanghaiStart(f.from) } : {}), ...(f.to ? { lt: shanghaiStart(addDays(f.to, 1)) } : {}) } } : {}),
  };
}

/** The people who may appear as actors in the reader's log (the filter's choices). */
export async function auditActors(db: ScopedDb) {
  return db.user.findMany({ orderBy: { name: 'asc' }, take: 500, select: { id: true, name: true } });
}

export async function listAudit(db: ScopedDb, input: { page: number; pageSize: number } & AuditFilter) {
  const where = whereOf(input);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      ...pageWindow(input),
      select: { id: true, at: true, actorId: true, action: true, entity: true, entityId: true, data: true },
    }),
  ]);
  const [names, objects] = await Promise.all([actorNames(db, rows), auditObjects(db, rows)]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({
      ...r,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      object: objects.get(`${r.entity}:${r.entityId}`) ?? null,
      details: auditDetails(r.action, r.data),
    })),
  };
}

export async function exportAudit(db: ScopedDb, format: ExportFormat) {
  const rows = await db.auditEvent.findMany({
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { at: true, actorId: true, action: true, entity: true, entityId: true, data: true },
  });
  const names = await actorNames(db, rows);
  const header = ['at (UTC)', 'actor', 'action', 'entity', 'entityId', 'data'];
  const table = rows.map((r) => [
    r.at.toISOString(),
    r.actorId ? (names.get(r.actorId) ?? r.actorId) : '',
    r.action,
    r.entity,
    r.entityId,
    JSON.stringify(r.data ?? null),
  ]);
  return { fileName: `audit.${format}`, contentType: contentTypes[format], bytes: await writeFile(format, header, table, undefined, 'Audit') };
}
