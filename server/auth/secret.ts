import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

type Env = Record<string, string | undefined>;

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      'AUTH_SECRET is not set. In production (NODE_ENV=production with DATABASE_URL) set AUTH_SECRET to a long random value, e.g. AUTH_SECRET=$(openssl rand -base64 33), then start again.',
    );
    this.name = 'MissingAuthSecretError';
  }
}

export function isProductionDeployment(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' && Boolean(env.DATABASE_URL);
}

/**
 * The secret that signs session tokens. Taken from AUTH_SECRET; on a local install (embedded
 * database) generated once into .data/auth-secret (ignored by git) so no manual step is needed.
 * A production deployment without AUTH_SECRET refuses to start.
 */
export function resolveAuthSecret(env: Env = process.env, dataDir = path.join(process.cwd(), '.data')): string {
  const given = env.AUTH_SECRET?.trim();
  if (given) return given;
  if (isProductionDeployment(env)) throw new MissingAuthSecretError();
  const file = path.join(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(33).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
