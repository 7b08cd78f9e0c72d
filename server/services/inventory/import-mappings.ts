/**
 * The mapping an integrator confirms in the import's mapping step (the columns mapped or unmapped by hand) is kept per
 * integrator and header row, and used again for the next file with the same headers (issue 15).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ScopedDb } from '../../db/scoped';
import { toJson } from '../../db/tx';
import { columnKeys, type ManualMapping, normaliseHeader } from '../../domain/inventory/columns';

/** The newest mappings read per import: enough for every ledger layout an integrator meets. */
const KEEP = 200;

const storedMapping = z.record(z.string(), z.enum(columnKeys).nullable());

/** The same header row, however its cells are spaced or written (full-width, case): the same key. */
export function headersKey(headers: string[]): string {
  const folded = headers.map(normaliseHeader);
  while (folded.length && folded[folded.length - 1] === '') folded.pop();
  return createHash('sha256').update(folded.join('\u0001')).digest('hex');
}

/** Every mapping the integrator has confirmed, by header key (read once per import). */
export async function loadRememberedMappings(db: ScopedDb): Promise<Map<string, ManualMapping>> {
  const rows = await db.importMapping.findMany({ select: { headersKey: true, mapping: true }, orderBy: { updatedAt: 'desc' }, take: KEEP });
  const out = new Map<string, ManualMapping>();
  for (const r of rows) {
    const parsed = storedMapping.safeParse(r.mapping);
    if (parsed.success) out.set(r.headersKey, parsed.data);
  }
  return out;
}

/** Keeps the user's choices for this header row (inside the import's transaction, so a refused import keeps nothing). */
export async function rememberMapping(db: Pick<ScopedDb, 'importMapping'>, integratorId: string, headers: string[], mapping: ManualMapping): Promise<void> {
  const key = headersKey(headers);
  await db.importMapping.upsert({
    where: { integratorId_headersKey: { integratorId, headersKey: key } },
    create: { integratorId, headersKey: key, mapping: toJson(mapping) },
    update: { mapping: toJson(mapping) },
    select: { id: true },
  });
}
