import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingAuthSecretError, resolveAuthSecret } from './secret';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rp-secret-'));

describe('auth secret', () => {
  it('uses AUTH_SECRET when set', () => {
    expect(resolveAuthSecret({ AUTH_SECRET: ' s3cret ', NODE_ENV: 'production', DATABASE_URL: 'postgresql://x' }, tmp())).toBe('s3cret');
  });

  it('stops a production deployment without AUTH_SECRET, saying what to set', () => {
    expect(() => resolveAuthSecret({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://x' }, tmp())).toThrow(MissingAuthSecretError);
    expect(() => resolveAuthSecret({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://x' }, tmp())).toThrow(/AUTH_SECRET/);
  });

  it('generates one secret for a local install and keeps it', () => {
    const dir = path.join(tmp(), '.data');
    const first = resolveAuthSecret({ NODE_ENV: 'production' }, dir);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(resolveAuthSecret({}, dir)).toBe(first);
    expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o077).toBe(0);
  });
});
