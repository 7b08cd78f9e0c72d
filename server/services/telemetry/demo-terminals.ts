/**
 * The demo's terminals (prisma/seed/telemetry.ts seeds them, the simulator drives them): how they are named, their
 * demo-only secrets, and what each does in the demo.
 *
 * Their serials look like a vendor's (`TM-2409-000126`: kind, batch, number; gateways `GW-2409-000011`), because the
 * SME owner sees them: a serial that said "demo" or "silent" told the owner what the demo meant instead of what a real
 * terminal's label says. What each one does is kept here, in a table, not in its name.
 */
import { createHash } from 'node:crypto';

/** The demo's fitted SMEs: Wanfeng (its own calendar, a gateway) and Boyuan (the default calendar). */
export type DemoSme = 'WF' | 'BY';
const smeNumber: Record<DemoSme, number> = { WF: 1, BY: 2 };
const BATCH = '2409';

/** The serial of the demo SME's terminal on its `index`-th machine (0-based, in asset-tag order): TM-2409-000101… */
export const demoTerminalSerial = (sme: DemoSme, index: number) => `TM-${BATCH}-${String(smeNumber[sme] * 100 + index + 1).padStart(6, '0')}`;

/** The serial of the demo SME's workshop gateway: GW-2409-000011… */
export const demoGatewaySerial = (sme: DemoSme) => `GW-${BATCH}-${String(smeNumber[sme] * 10 + 1).padStart(6, '0')}`;

/** How many terminals the seed fits per SME, and how many of Wanfeng's sit behind its gateway. */
export const DEMO_FLEET = { WF: 25, BY: 12, wfBehindGateway: 6 } as const;

/** What the simulator does with each demo terminal, by its role in the demo (server/services/telemetry/simulator-runner.ts). */
export type DemoRole = 'reports' | 'silent' | 'never' | 'faulty';

/** The demo terminals that do not simply report: Wanfeng's last but one goes silent, its last never reports, Boyuan's first sends a malformed message now and then. */
const specialRoles: ReadonlyMap<string, DemoRole> = new Map([
  [demoTerminalSerial('WF', DEMO_FLEET.WF - 2), 'silent'],
  [demoTerminalSerial('WF', DEMO_FLEET.WF - 1), 'never'],
  [demoTerminalSerial('BY', 0), 'faulty'],
]);

export const demoRoleOf = (serial: string): DemoRole => specialRoles.get(serial) ?? 'reports';

/** Every serial the demo seeds (terminals and gateways): the simulator finds its fleet by these. */
export const DEMO_SERIALS: readonly string[] = [
  ...Array.from({ length: DEMO_FLEET.WF }, (_, i) => demoTerminalSerial('WF', i)),
  ...Array.from({ length: DEMO_FLEET.BY }, (_, i) => demoTerminalSerial('BY', i)),
  demoGatewaySerial('WF'),
];

/** The demo terminals the simulator keeps reporting (not the one that goes silent, nor the one that never reports). */
export const DEMO_REPORTING_SERIALS: readonly string[] = DEMO_SERIALS.filter((s) => s.startsWith('TM-') && !['silent', 'never'].includes(demoRoleOf(s)));

/**
 * DEMO ONLY: the secret of a demo terminal, derived from its serial so that the simulator can connect without a
 * secret being stored anywhere. Real terminals get a random secret shown once (server/services/telemetry/secret.ts);
 * never derive a real one like this.
 */
export function demoTerminalSecret(serial: string): string {
  return createHash('sha256').update(`retrofit-pathway-demo-terminal|${serial}`, 'utf8').digest('base64url');
}
