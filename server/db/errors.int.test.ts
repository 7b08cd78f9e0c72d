import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors/app-error';
import { errorMessage } from '../i18n/messages';
import { createDb } from './client';
import { databaseAppError } from './errors';
import { openPglite } from './pglite';

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('a database that cannot be used gets a clear message', () => {
  it('a missing PGlite folder says to run db:setup', async () => {
    const dir = path.join(os.tmpdir(), `rp-missing-${process.pid}`, 'pglite');
    const app = databaseAppError(await failure(createDb({ kind: 'pglite', dir })));
    expect(app).toBeInstanceOf(AppError);
    expect(app?.messageKey).toBe('dbMissing');
    expect(errorMessage('zh-CN', app?.messageKey ?? '', app?.params)).toContain('npm run db:setup');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('a PGlite folder owned by another live process is refused with its pid', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-busy-'));
    fs.writeFileSync(`${dir}.lock`, String(process.ppid));
    const app = databaseAppError(await failure(openPglite(dir, { create: true })));
    expect(app?.messageKey).toBe('dbBusy');
    expect(app?.params).toEqual({ pid: process.ppid });
    fs.rmSync(`${dir}.lock`);
  });

  it('a stale lock of a dead process is taken over', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rp-stale-')), 'db');
    fs.writeFileSync(`${dir}.lock`, '999999999');
    const { pg, release } = await openPglite(dir, { create: true });
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    await pg.close();
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('a DATABASE_URL that points nowhere names the server, not a stack trace', async () => {
    const h = await createDb({ kind: 'postgres', url: 'postgresql://postgres@127.0.0.1:1/nowhere' });
    const app = databaseAppError(await failure(h.db.$executeRaw`SELECT 1`));
    await h.close().catch(() => {});
    expect(app?.messageKey).toBe('dbUnreachable');
    expect(errorMessage('en', app?.messageKey ?? '', app?.params)).toMatch(/cannot be reached/);
  });
});
