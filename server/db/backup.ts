/**
 * Backup and restore of the embedded database (PGlite) together with the uploaded files, as one zip:
 *   manifest.json       what was saved, when, and how many rows/files (checked on restore)
 *   database.tar.gz     PGlite's own dump of its data folder (dumpDataDir)
 *   files/<id>          every stored upload (evidence, photos, documents)
 * PostgreSQL is backed up with pg_dump / pg_restore instead (see the README).
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { openPglite } from './pglite';

export const BACKUP_FORMAT = 'retrofit-pathway-backup/1';

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  auditEvents: number;
  files: number;
};

async function countRows(pg: { query: <T>(sql: string) => Promise<{ rows: T[] }> }) {
  const m = await pg.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name');
  const a = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM "AuditEvent"');
  return { migrations: m.rows.map((r) => r.migration_name), auditEvents: a.rows[0]?.n ?? 0 };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

/** Writes the backup to outFile (atomically: a half-written backup never carries the final name). */
export async function backupPglite(dbDir: string, filesDir: string, outFile: string): Promise<BackupManifest> {
  const { pg, release } = await openPglite(dbDir, { create: false });
  let dump: Blob;
  let counts: Awaited<ReturnType<typeof countRows>>;
  try {
    counts = await countRows(pg);
    dump = await pg.dumpDataDir('gzip');
  } finally {
    await pg.close();
    release();
  }
  const names = listFiles(filesDir);
  const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), ...counts, files: names.length };
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('database.tar.gz', new Uint8Array(await dump.arrayBuffer()));
  for (const n of names) zip.file(`files/${n}`, fs.readFileSync(path.join(filesDir, n)));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const tmp = `${outFile}.partial`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, outFile);
  return manifest;
}

export class BackupInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupInvalidError';
  }
}

/**
 * Restores a backup into dbDir and filesDir. An existing database folder is not overwritten: it is moved aside to
 * `<dir>.before-restore-<timestamp>` (and named in the result) so a wrong restore can be undone by hand.
 * The restored database is checked against the manifest before the call returns.
 */
export async function restorePglite(inFile: string, dbDir: string, filesDir: string): Promise<{ manifest: BackupManifest; movedAside: string | null }> {
  if (!fs.existsSync(inFile)) throw new BackupInvalidError(`Backup file ${inFile} does not exist.`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(fs.readFileSync(inFile));
  } catch {
    throw new BackupInvalidError(`${inFile} is not a Retrofit Pathway backup (not a zip archive).`);
  }
  const manifestText = await zip.file('manifest.json')?.async('string');
  const db = zip.file('database.tar.gz');
  const manifest = manifestText ? (JSON.parse(manifestText) as BackupManifest) : null;
  if (!manifest || manifest.format !== BACKUP_FORMAT || !db) {
    throw new BackupInvalidError(`${inFile} is not a Retrofit Pathway backup (manifest or database missing).`);
  }
  const fileEntries = Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith('files/'));
  if (fileEntries.length !== manifest.files) {
    throw new BackupInvalidError(`${inFile} is incomplete: the manifest lists ${manifest.files} files, the archive holds ${fileEntries.length}.`);
  }

  let movedAside: string | null = null;
  if (fs.existsSync(dbDir)) {
    movedAside = `${dbDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // Take the lock first so a running app server is detected instead of having its folder moved under it.
    const { pg, release } = await openPglite(dbDir, { create: false });
    await pg.close();
    fs.renameSync(dbDir, movedAside);
    release();
  }
  const blob = new Blob([await db.async('arraybuffer')]);
  const { pg, release } = await openPglite(dbDir, { create: true, loadDataDir: blob });
  try {
    const counts = await countRows(pg);
    if (counts.auditEvents !== manifest.auditEvents || counts.migrations.join() !== manifest.migrations.join()) {
      throw new BackupInvalidError(`The restored database does not match its manifest (audit events ${counts.auditEvents} vs ${manifest.auditEvents}).`);
    }
  } finally {
    await pg.close();
    release();
  }
  fs.mkdirSync(filesDir, { recursive: true });
  for (const f of fileEntries) {
    const name = path.basename(f.name);
    fs.writeFileSync(path.join(filesDir, name), await f.async('uint8array'));
  }
  return { manifest, movedAside };
}
