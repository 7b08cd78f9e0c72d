/**
 * The preview's analysis of a file, kept briefly in this process so that the commit that follows it (the same user,
 * the same bytes, the same choices) does not read and check the file a second time. It is used only if the
 * inventory it was planned against is still exactly as it was: a fingerprint of the target SMEs' machines, lines,
 * workshops, factories and remembered mappings, taken by the database in the commit's transaction, must equal the one
 * taken when the preview read them. Anything else — another process, an entry that expired or was pushed out, an
 * inventory changed meanwhile — analyses again, as before. Bounded: a few entries, a row budget, a time to live.
 */
import { createHash } from 'node:crypto';
import type { ScopedDb } from '../../db/scoped';
import { processSlot } from '../../process-slot';

type Tx = Parameters<Parameters<ScopedDb['$transaction']>[0]>[0];
type Raw = Pick<Tx, '$queryRaw'>;

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 4;
const MAX_ROWS = 200_000;

type Entry<T> = { at: number; rows: number; fingerprint: string; value: T };

const slot = processSlot<Map<string, Entry<unknown>>>('__rpImportAnalyses');
const entries = () => {
  slot.value ??= new Map();
  return slot.value;
};

/** The key of an analysis: who asked, which targets, which bytes, which choices. */
export function analysisKey(
  userId: string,
  input: { smeClientId?: string; clusterId?: string; bytes: Uint8Array; sheet?: string | null; encoding?: unknown; mapping?: unknown },
): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([userId, input.smeClientId ?? null, input.clusterId ?? null, input.sheet ?? null, input.encoding ?? null, input.mapping ?? null]));
  h.update(input.bytes);
  return h.digest('hex');
}

/**
 * What the analysis depends on in the database, as one digest computed there: every machine row of the target SMEs,
 * their hierarchy, and the integrator's remembered header mappings (read through the caller's tenant wall).
 */
export async function inventoryFingerprint(db: Raw, smeClientIds: string[]): Promise<string> {
  const [row] = await db.$queryRaw<{ f: string | null }[]>`
    SELECT md5(concat_ws('|',
      (SELECT md5(coalesce(string_agg(m::text, ',' ORDER BY m."id"), '')) FROM "Machine" m WHERE m."smeClientId" = ANY(${smeClientIds}::text[])),
      (SELECT md5(coalesce(string_agg(l::text, ',' ORDER BY l."id"), '')) FROM "ProductionLine" l WHERE l."smeClientId" = ANY(${smeClientIds}::text[])),
      (SELECT md5(coalesce(string_agg(w::text, ',' ORDER BY w."id"), '')) FROM "Workshop" w WHERE w."smeClientId" = ANY(${smeClientIds}::text[])),
      (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY s."id"), '')) FROM "Site" s WHERE s."smeClientId" = ANY(${smeClientIds}::text[])),
      (SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x."id"), '')) FROM "ImportMapping" x),
      (SELECT md5(coalesce(string_agg(c."id" || ':' || coalesce(c."archivedAt"::text, ''), ',' ORDER BY c."id"), '')) FROM "SmeClient" c
        WHERE c."id" = ANY(${smeClientIds}::text[]))
    )) AS f`;
  return row?.f ?? '';
}

export function keepAnalysis<T>(key: string, fingerprint: string, rows: number, value: T) {
  const map = entries();
  const now = Date.now();
  for (const [k, e] of map) if (now - e.at > TTL_MS) map.delete(k);
  if (rows > MAX_ROWS) return;
  map.delete(key);
  map.set(key, { at: now, rows, fingerprint, value });
  let total = [...map.values()].reduce((s, e) => s + e.rows, 0);
  for (const [k, e] of map) {
    if (map.size <= MAX_ENTRIES && total <= MAX_ROWS) break;
    map.delete(k); // the oldest first (a Map keeps insertion order)
    total -= e.rows;
  }
}

/** The kept analysis for this key, taken out (a commit uses it once), or null. */
export function takeAnalysis<T>(key: string): { fingerprint: string; value: T } | null {
  const map = entries();
  const e = map.get(key);
  if (!e) return null;
  map.delete(key);
  if (Date.now() - e.at > TTL_MS) return null;
  return { fingerprint: e.fingerprint, value: e.value as T };
}
