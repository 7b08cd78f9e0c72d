import { describe, expect, it } from 'vitest';
import { machinesNotReady, readinessOf, terminalHealthStatus } from './health';

const now = new Date('2026-06-01T08:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('terminal health', () => {
  it.each([
    [{ revokedAt: ago(1), lastSeenAt: ago(1) }, 'revoked'],
    [{ revokedAt: null, lastSeenAt: null }, 'never'],
    [{ revokedAt: null, lastSeenAt: undefined }, 'never'],
    [{ revokedAt: null, lastSeenAt: ago(60_000) }, 'reporting'],
    [{ revokedAt: null, lastSeenAt: ago(5 * 60_000) }, 'reporting'],
    [{ revokedAt: null, lastSeenAt: ago(5 * 60_000 + 1) }, 'silent'],
  ] as const)('%o is %s', (t, status) => {
    expect(terminalHealthStatus(t, now)).toBe(status);
  });

  it('commissioning asks every machine but the retired ones for a terminal that has reported', () => {
    expect(readinessOf('IN_SERVICE', null)).toBe('noTerminal');
    expect(readinessOf('IDLE', { firstSeenAt: null })).toBe('neverReported');
    expect(readinessOf('IN_SERVICE', { firstSeenAt: now })).toBe('ready');
    expect(readinessOf('RETIRED', null)).toBe('retired');
    expect(
      machinesNotReady([
        { assetTag: 'A', readiness: 'ready' },
        { assetTag: 'B', readiness: 'noTerminal' },
        { assetTag: 'C', readiness: 'retired' },
        { assetTag: 'D', readiness: 'neverReported' },
      ]),
    ).toEqual(['B', 'D']);
  });
});
