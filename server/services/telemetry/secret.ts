/**
 * A terminal's credential: 32 random bytes (base64url), shown once; only its SHA-256 is stored. A slow password
 * hash is not needed for a 256-bit random secret, and ingestion checks credentials often.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newTerminalSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashTerminalSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function terminalSecretMatches(storedHash: string, presented: string): boolean {
  if (presented.length === 0 || presented.length > 128) return false;
  const a = Buffer.from(hashTerminalSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
