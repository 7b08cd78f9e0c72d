/**
 * What ingestion needs to know about a terminal or gateway, cached per process: its number in the sample table, its
 * tenant keys, its machine, its gateway, whether it is revoked or its machine retired, and its secret's hash.
 *
 * Freshness: an entry lives `ttlMs` (PostgreSQL: 60 s, because every change also arrives by LISTEN
 * `rp_terminal_changed`; PGlite: 5 s, since it has no cross-process notify) and is dropped at once by `invalidate`,
 * which the change listener (terminal-changes.ts) calls on every NOTIFY and on every in-process change. Unknown ids are
 * remembered for a few seconds too, so that a flood of made-up ids costs one query per id, not one per message.
 */
import type { SqlRunner } from './sql-runner';

export type TerminalEntry = {
  id: string;
  num: number;
  kind: 'TERMINAL' | 'GATEWAY';
  integratorId: string;
  smeClientId: string;
  machineId: string | null;
  gatewayId: string | null;
  secretHash: string;
  revoked: boolean;
  /** the machine it is fitted to is retired: its terminal is refused */
  retired: boolean;
};

type Cached = { entry: TerminalEntry | null; until: number };

export type DirectoryOptions = { ttlMs?: number; unknownTtlMs?: number; maxEntries?: number; now?: () => number };

/** by key lookups (an `= ANY(array)` of a thousand ids made the planner scan the whole table) */
const selectEntries = `SELECT t.id, t.num, t.kind::text AS kind, t."integratorId", t."smeClientId", t."machineId", t."gatewayId",
  t."secretHash", t."revokedAt" IS NOT NULL AS revoked, COALESCE(m.status::text = 'RETIRED', false) AS retired
  FROM unnest($1::text[]) AS k(id) JOIN "Terminal" t ON t.id = k.id LEFT JOIN "Machine" m ON m.id = t."machineId"`;

/** Terminal ids are short; anything longer is not looked up at all. */
const MAX_ID_LENGTH = 64;

export class TerminalDirectory {
  readonly #sql: SqlRunner;
  readonly #cache = new Map<string, Cached>();
  readonly #ttlMs: number;
  readonly #unknownTtlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #listeners = new Set<(ids: string[] | null) => void>();
  /** bumped by every invalidation: a load that started before it does not fill the cache with what it read */
  #generation = 0;

  constructor(sql: SqlRunner, opts: DirectoryOptions = {}) {
    this.#sql = sql;
    this.#ttlMs = opts.ttlMs ?? (sql.kind === 'pglite' ? 5_000 : 60_000);
    this.#unknownTtlMs = opts.unknownTtlMs ?? 5_000;
    this.#maxEntries = opts.maxEntries ?? 500_000;
    this.#now = opts.now ?? Date.now;
  }

  /** The entries of these ids (null: no such terminal), from the cache or in one query for all that are missing. */
  async lookup(ids: Iterable<string>): Promise<Map<string, TerminalEntry | null>> {
    const out = new Map<string, TerminalEntry | null>();
    const missing: string[] = [];
    const now = this.#now();
    for (const id of ids) {
      if (out.has(id)) continue;
      if (id.length === 0 || id.length > MAX_ID_LENGTH) {
        out.set(id, null);
        continue;
      }
      const hit = this.#cache.get(id);
      if (hit && hit.until > now) out.set(id, hit.entry);
      else {
        out.set(id, null);
        missing.push(id);
      }
    }
    if (missing.length === 0) return out;
    const generation = this.#generation;
    const rows = await this.#sql.query<TerminalEntry>(selectEntries, [missing]);
    const found = new Map(rows.map((r) => [r.id, { ...r, num: Number(r.num) }]));
    const fresh = generation === this.#generation;
    if (fresh && this.#cache.size + missing.length > this.#maxEntries) this.#cache.clear();
    for (const id of missing) {
      const entry = found.get(id) ?? null;
      out.set(id, entry);
      if (fresh) this.#cache.set(id, { entry, until: now + (entry ? this.#ttlMs : this.#unknownTtlMs) });
    }
    return out;
  }

  async get(id: string): Promise<TerminalEntry | null> {
    return (await this.lookup([id])).get(id) ?? null;
  }

  /** Forgets these ids (null: everything) at once and tells the listeners (the broker drops their connections). */
  invalidate(ids: string[] | null): void {
    this.#generation++;
    if (ids === null) this.#cache.clear();
    else for (const id of ids) this.#cache.delete(id);
    for (const l of this.#listeners) {
      try {
        l(ids);
      } catch {
        /* a listener's failure must not stop the others */
      }
    }
  }

  /** Called with the ids of every invalidation; returns the function that removes the listener. */
  onInvalidate(listener: (ids: string[] | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get size(): number {
    return this.#cache.size;
  }
}
