import { describe, expect, it } from 'vitest';
import { planTerminalImport, type RegisteredTerminal, TerminalRowValidator, terminalHeaderScore } from './import';
import { normaliseSerial, serialSchema } from './inputs';

describe('terminal serials', () => {
  it.each([
    [' TM-ACS-2026-000123 ', 'TM-ACS-2026-000123'],
    ['ＴＭ－００１', 'TM-001'],
    ['gw/01:a.b_c', 'gw/01:a.b_c'],
  ])('%s reads as %s', (raw, serial) => {
    expect(normaliseSerial(raw)).toBe(serial);
    expect(serialSchema.parse(raw)).toBe(serial);
  });
  it.each(['', '  ', 'TM 1', '-TM', 'TM\u0000', 'x'.repeat(65), '终端1'])('refuses %j', (raw) => {
    expect(serialSchema.safeParse(raw).success).toBe(false);
  });
});

describe('terminal rows', () => {
  it('finds its columns in either language and names each bad row once', () => {
    expect(terminalHeaderScore(['Asset tag', 'Terminal serial', 'x'])).toBe(2);
    expect(terminalHeaderScore(['机台号', 'SN'])).toBe(2);
    const v = new TerminalRowValidator(['机台号', '终端SN', '网关'], 1);
    v.add(2, ['A-1', 'T-1', '']);
    v.add(3, ['A-1', 'T-2', '']);
    v.add(4, ['A-2', 'T-1', 'T-1']);
    v.add(5, ['', '', '']);
    expect(v.rows.map((r) => r.row)).toEqual([2]);
    expect(v.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, '机台号', 'duplicateAssetTag'],
      [4, '网关', 'gatewayIsTerminal'],
      [4, '终端SN', 'duplicateSerial'],
    ]);
  });
});

describe('planning terminal rows', () => {
  const machines = new Map([
    ['A-1', { id: 'm1', assetTag: 'A-1', status: 'IN_SERVICE' as const }],
    ['A-2', { id: 'm2', assetTag: 'A-2', status: 'IN_SERVICE' as const }],
    ['A-3', { id: 'm3', assetTag: 'A-3', status: 'IN_SERVICE' as const }],
  ]);
  const reg = (t: Partial<RegisteredTerminal & { smeClientId: string; assetTag: string | null }> & { id: string; serial: string }) => ({
    kind: 'TERMINAL' as const,
    machineId: null,
    gatewayId: null,
    revoked: false,
    smeClientId: 's1',
    assetTag: null,
    ...t,
  });
  const bySerial = new Map([
    ['T-1', reg({ id: 't1', serial: 'T-1', machineId: 'm1', assetTag: 'A-1' })],
    ['G-1', reg({ id: 'g1', serial: 'G-1', kind: 'GATEWAY' })],
    ['G-X', reg({ id: 'gx', serial: 'G-X', kind: 'GATEWAY', smeClientId: 's2' })],
  ]);
  const live = new Map([['m1', { id: 't1', serial: 'T-1', gatewayId: null }]]);
  it('leaves the live terminal unchanged, re-assigns its gateway, creates the new ones, refuses another SME’s gateway', () => {
    const plan = planTerminalImport(
      [
        { row: 2, assetTag: 'A-1', serial: 'T-1', gatewaySerial: null },
        { row: 3, assetTag: 'A-2', serial: 'T-2', gatewaySerial: 'G-1' },
        { row: 4, assetTag: 'A-3', serial: 'T-3', gatewaySerial: 'G-X' },
      ],
      machines,
      bySerial,
      live,
      's1',
      (k) => k,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.creates).toEqual([{ row: 3, machineId: 'm2', assetTag: 'A-2', serial: 'T-2', gatewayId: 'g1' }]);
    expect(plan.issues.map((i) => [i.row, i.code])).toEqual([[4, 'unknownGateway']]);
    const moved = planTerminalImport([{ row: 2, assetTag: 'A-1', serial: 'T-1', gatewaySerial: 'G-1' }], machines, bySerial, live, 's1', (k) => k);
    expect(moved.reassigns).toEqual([{ row: 2, terminalId: 't1', gatewayId: 'g1' }]);
  });
});
