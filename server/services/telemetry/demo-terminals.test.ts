import { describe, expect, it } from 'vitest';
import { DEMO_FLEET, DEMO_REPORTING_SERIALS, DEMO_SERIALS, demoGatewaySerial, demoRoleOf, demoTerminalSerial } from './demo-terminals';

describe('the demo fleet’s serials', () => {
  it('look like a vendor’s and say nothing of the demo or of a terminal’s role', () => {
    expect(demoTerminalSerial('WF', 25)).toBe('TM-2409-000126');
    expect(demoGatewaySerial('WF')).toBe('GW-2409-000011');
    for (const s of DEMO_SERIALS) {
      expect(s).toMatch(/^(TM|GW)-2409-\d{6}$/);
      expect(s).not.toMatch(/DEMO|SILENT|NEW|FAULTY|WF|BY/);
    }
    expect(new Set(DEMO_SERIALS).size).toBe(DEMO_SERIALS.length);
    expect(DEMO_SERIALS).toHaveLength(DEMO_FLEET.WF + DEMO_FLEET.BY + 1);
  });

  it('keep each terminal’s role in the demo in a table', () => {
    expect(demoRoleOf(demoTerminalSerial('WF', DEMO_FLEET.WF - 2))).toBe('silent');
    expect(demoRoleOf(demoTerminalSerial('WF', DEMO_FLEET.WF - 1))).toBe('never');
    expect(demoRoleOf(demoTerminalSerial('BY', 0))).toBe('faulty');
    expect(demoRoleOf(demoTerminalSerial('WF', 0))).toBe('reports');
    expect(demoRoleOf('TM-9999-000001')).toBe('reports');
    expect(DEMO_REPORTING_SERIALS).toHaveLength(DEMO_FLEET.WF + DEMO_FLEET.BY - 2);
    expect(DEMO_REPORTING_SERIALS).toContain(demoTerminalSerial('BY', 0));
  });
});
