import { describe, expect, it } from 'vitest';
import { hashTerminalSecret, newTerminalSecret, terminalSecretMatches } from './secret';

describe('terminal secrets', () => {
  it('are random, 43 base64url characters, and only their hash matches', () => {
    const a = newTerminalSecret();
    const b = newTerminalSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    const h = hashTerminalSecret(a);
    expect(terminalSecretMatches(h, a)).toBe(true);
    expect(terminalSecretMatches(h, b)).toBe(false);
    expect(terminalSecretMatches(h, '')).toBe(false);
    expect(terminalSecretMatches(h, 'x'.repeat(200))).toBe(false);
  });
});
