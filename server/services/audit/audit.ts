/** The audit log of the caller's tenant (integrator or county), newest first, and its export. */
import ExcelJS from 'exceljs';
import type { ScopedDb } from '../../db/scoped';
import { neutraliseFormula } from '../../domain/inventory/values';

export async function listAudit(db: ScopedDb, input: { page: number; pageSize: number; action?: string }) {
  const where = input.action ? { action: { startsWith: input.action } } : {};
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, at: true, actorId: true, action: true, entity: true, entityId: true, data: true },
    }),
  ]);
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => Boolean(x)))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })),
  };
}

export async function exportAudit(db: ScopedDb, format: 'csv' | 'xlsx') {
  const rows = await db.auditEvent.findMany({
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { at: true, actorId: true, action: true, entity: true, entityId: true, data: true },
  });
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => Boolean(x)))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const header = ['at (UTC)', 'actor', 'action', 'entity', 'entityId', 'data'];
  const table = rows.map((r) => [
    r.at.toISOString(),
    r.actorId ? (names.get(r.actorId) ?? r.actorId) : '',
    r.action,
    r.entity,
    r.entityId,
    JSON.stringify(r.data ?? null),
  ]);
  if (format === 'csv') {
    const field = (v: string) => {
      const s = neutraliseFormula(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const text = `\uFEFF${[header, ...table].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
    return { fileName: 'audit.csv', contentType: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(text) };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Audit');
  ws.addRow(header).font = { bold: true };
  for (const r of table) ws.addRow(r.map((v) => neutraliseFormula(v)));
  return {
    fileName: 'audit.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}
