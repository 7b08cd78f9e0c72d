import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDbTarget, directUrl, resolveDbTarget } from './target';

describe('database target', () => {
  it('defaults to the embedded PGlite folder .data/pglite', () => {
    expect(resolveDbTarget({})).toEqual({ kind: 'pglite', dir: path.join(process.cwd(), '.data', 'pglite') });
  });
  it('honours PGLITE_DIR', () => {
    expect(resolveDbTarget({ PGLITE_DIR: '/tmp/x' })).toEqual({ kind: 'pglite', dir: '/tmp/x' });
  });
  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(resolveDbTarget({ DATABASE_URL: 'postgresql://u:p@db:5432/app' })).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db:5432/app' });
    expect(resolveDbTarget({ DATABASE_URL: 'postgres://db/app' }).kind).toBe('postgres');
  });
  it('rejects a DATABASE_URL that is not PostgreSQL, with what to do', () => {
    expect(() => resolveDbTarget({ DATABASE_URL: 'mysql://db/app' })).toThrow(/postgresql:\/\//);
  });
  it('never shows the password', () => {
    expect(describeDbTarget({ kind: 'postgres', url: 'postgresql://u:secret@db.example:6543/app' })).toBe('PostgreSQL (db.example:6543/app)');
  });
  it('sends migrations and LISTEN past a transaction pooler: DATABASE_DIRECT_URL, LISTEN its own if given', () => {
    const pooled = { kind: 'postgres' as const, url: 'postgresql://app@127.0.0.1:6432/rp' };
    expect(directUrl(pooled, 'migrate', {})).toBe(pooled.url);
    expect(directUrl(pooled, 'listen', {})).toBe(pooled.url);
    const env = { DATABASE_DIRECT_URL: 'postgresql://app@db:5432/rp' };
    expect(directUrl(pooled, 'migrate', env)).toBe('postgresql://app@db:5432/rp');
    expect(directUrl(pooled, 'listen', env)).toBe('postgresql://app@db:5432/rp');
    expect(directUrl(pooled, 'listen', { ...env, DATABASE_LISTEN_URL: 'postgresql://listen@db:5432/rp' })).toBe('postgresql://listen@db:5432/rp');
    expect(directUrl(pooled, 'migrate', { ...env, DATABASE_LISTEN_URL: 'postgresql://listen@db:5432/rp' })).toBe('postgresql://app@db:5432/rp');
    expect(() => directUrl(pooled, 'migrate', { DATABASE_DIRECT_URL: 'mysql://x' })).toThrow(/postgresql/);
  });
});
