import path from 'node:path';

type Env = Record<string, string | undefined>;

/** Where the data lives: the embedded PGlite folder (default) or a PostgreSQL server. */
export type DbTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

export function resolveDbTarget(env: Env = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgresql:// URL (got "${url.split(':')[0]}:…"). Unset it to use the embedded database in .data/pglite.`);
    }
    return { kind: 'postgres', url };
  }
  const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), '.data', 'pglite');
  return { kind: 'pglite', dir };
}

/** A URL without its password, for logs and messages. */
export function describeDbTarget(target: DbTarget): string {
  if (target.kind === 'pglite') return `PGlite (${target.dir})`;
  try {
    const u = new URL(target.url);
    return `PostgreSQL (${u.hostname}:${u.port || 5432}${u.pathname})`;
  } catch {
    return 'PostgreSQL (unparsable URL)';
  }
}

/**
 * The connection for what needs a PostgreSQL session of its own — migrations (the engine's session lock) and LISTEN —
 * when DATABASE_URL goes through a transaction pooler such as PgBouncer: DATABASE_DIRECT_URL (LISTEN may be given its
 * own, DATABASE_LISTEN_URL), else DATABASE_URL itself.
 */
export function directUrl(target: Extract<DbTarget, { kind: 'postgres' }>, use: 'migrate' | 'listen', env: Env = process.env): string {
  const direct = env.DATABASE_DIRECT_URL?.trim();
  const listen = use === 'listen' ? env.DATABASE_LISTEN_URL?.trim() : undefined;
  const url = listen || direct || target.url;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_DIRECT_URL and DATABASE_LISTEN_URL must be postgresql:// URLs.');
  return url;
}
