/** The audit log of the caller's tenant (integrator or county), newest first, and its export. */
import type { ScopedDb } from '../../db/scoped';
import { pageWindow } from '../../domain/paging';
import { contentTypes, type ExportFormat, writeFile } from '../inventory/export-files';

/** Display names of the actors of some audit rows, in one query. */
async function actorNames(db: ScopedDb, rows: { actorId: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => Boolean(x)))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listAudit(db: ScopedDb, input: { page: number; pageSize: number; action?: string }) {
  const where = input.action ? { action: { startsWith: input.action } } : {};
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      ...pageWindow(input),
      select: { id: true, at: true, actorId: true, action: true, entity: true, entityId: true, data: true },
    }),
  ]);
  const names = await actorNames(db, rows);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })),
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
