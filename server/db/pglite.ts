import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite has no cross-process lock: two processes opening one folder corrupt it. A lock file
 * with the owner's pid makes the second process stop with a clear message instead.
 */
function lockPath(dir: string) {
  return `${dir}.lock`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PgliteFolderBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`The embedded database ${dir} is in use by process ${pid} (probably the app server). Only one process may own it: stop that process first.`);
    this.name = 'PgliteFolderBusyError';
  }
}

export class PgliteFolderMissingError extends Error {
  constructor(readonly dir: string) {
    super(`The embedded database folder ${dir} does not exist. Run "npm run db:setup" to create it with demo data.`);
    this.name = 'PgliteFolderMissingError';
  }
}

function acquireLock(dir: string) {
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && pidAlive(owner)) throw new PgliteFolderBusyError(dir, owner);
      fs.unlinkSync(file); // stale lock of a dead process
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/** create: make the folder when missing; loadDataDir: a dumpDataDir() archive to fill a new folder from (restore). */
export type OpenPgliteOptions = { create: boolean; loadDataDir?: Blob };

/** Opens (and with create, makes) the PGlite folder, owning it for the life of this process. */
export async function openPglite(dir: string, { create, loadDataDir }: OpenPgliteOptions): Promise<{ pg: PGlite; release: () => void }> {
  if (!fs.existsSync(dir)) {
    if (!create) throw new PgliteFolderMissingError(dir);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
  }
  const release = acquireLock(dir);
  try {
    const pg = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
    return { pg, release };
  } catch (e) {
    release();
    throw e;
  }
}
