/**
 * Offline migrations through Prisma's own schema engine compiled to WASM (the native engine
 * cannot be downloaded here). Produces and applies the standard prisma/migrations folder and
 * `_prisma_migrations` table, on PGlite and PostgreSQL alike. Node scripts and tests only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const root = process.cwd();
export const schemaPath = path.join(root, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(root, 'prisma', 'migrations');

type Engine = {
  applyMigrations(i: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(i: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
type EngineModule = { SchemaEngine: { new: (o: unknown, log: (s: string) => void, a: object) => Promise<Engine> } };

let wasmModule: Promise<EngineModule> | undefined;

/** The WASM module may be instantiated once per process only. */
function loadEngineModule(): Promise<EngineModule> {
  wasmModule ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message: (m: string) => void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Record<string, unknown> & {
      __wbg_set_wasm: (w: unknown) => void;
    };
    const wasmPath = path.join(root, 'node_modules', '@prisma', 'schema-engine-wasm', 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      './schema_engine_bg.js': bg as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg as unknown as EngineModule;
  })();
  return wasmModule;
}

function schemaFiles() {
  return { files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }] };
}

const noFilters = { externalTables: [], externalEnums: [] };

export function readMigrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockFile = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file) ? { tag: 'ok', value: fs.readFileSync(file, 'utf8') } : { tag: 'error', value: 'missing' },
        },
      };
    }),
  };
}

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (e: Engine) => Promise<T>): Promise<T> {
  const mod = await loadEngineModule();
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[schemaPath, fs.readFileSync(schemaPath, 'utf8')]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

export type MigrationTarget = { kind: 'pglite'; pg: PGlite } | { kind: 'postgres'; url: string };

/**
 * @prisma/adapter-pg runs a migration script by splitting it on ";", which breaks any function body
 * (`$$ … ; … $$`). PostgreSQL takes a whole multi-statement script in one simple query, so send it whole.
 */
function wholeScripts(f: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
  const patch = (a: Adapter) => {
    a.executeScript = async (script: string) => {
      try {
        await a.underlyingDriver().query(script);
      } catch (e) {
        (a as unknown as { onError: (e: unknown) => never }).onError(e);
      }
    };
    return a;
  };
  return {
    provider: f.provider,
    adapterName: f.adapterName,
    connect: () => f.connect().then(patch),
    connectToShadowDb: () => f.connectToShadowDb().then(patch),
  };
}

function adapterFor(t: MigrationTarget): SqlMigrationAwareDriverAdapterFactory {
  return t.kind === 'pglite' ? new PrismaPGlite(t.pg) : wholeScripts(new PrismaPg({ connectionString: t.url }));
}

/** Applies every pending migration; returns the names applied now. */
export async function deployMigrations(target: MigrationTarget): Promise<string[]> {
  return withEngine(adapterFor(target), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
 * migration history to the schema, computed against a throwaway in-memory PGlite.
 * Returns null when the schema already matches the history.
 */
/** The SQL that would take the migration history to the schema ('' when they match). */
export async function migrationDrift(): Promise<string> {
  const shadow = await PGlite.create();
  try {
    const sql = await withEngine(new PrismaPGlite(shadow), async (engine) => {
      await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: noFilters });
      const res = await engine.diff({
        from: { tag: 'schemaDatasource', ...schemaFiles(), configDir: root },
        to: { tag: 'schemaDatamodel', ...schemaFiles() },
        script: true,
        exitCode: true,
        filters: noFilters,
      });
      return res.stdout ?? '';
    });
    return /^(-- This is an empty migration\.?)?$/.test(sql.trim()) ? '' : sql;
  } finally {
    await shadow.close();
  }
}

export async function createMigration(name: string): Promise<string | null> {
  const sql = await migrationDrift();
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const safe =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'migration';
  const dir = path.join(migrationsDir, `${stamp}_${safe}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
