/**
 * The demo's terminals (prisma/seed/telemetry.ts seeds them, the simulator drives them): how they are named, their
 * demo-only secrets, and what each does in the demo.
 */
import { createHash } from 'node:crypto';

/** Demo terminals' serials start with this; the simulator finds its fleet by it. */
export const DEMO_SERIAL_PREFIX = 'DEMO-';

/**
 * DEMO ONLY: the secret of a demo terminal, derived from its serial so that the simulator can connect without a
 * secret being stored anywhere. Real terminals get a random secret shown once (server/services/telemetry/secret.ts);
 * never derive a real one like this.
 */
export function demoTerminalSecret(serial: string): string {
  return createHash('sha256').update(`retrofit-pathway-demo-terminal|${serial}`, 'utf8').digest('base64url');
}

/** What the simulator does with each demo terminal, by its role in the demo (server/services/telemetry/demo-fleet.ts). */
export type DemoRole = 'reports' | 'silent' | 'never' | 'faulty';
export const demoRoleOf = (serial: string): DemoRole =>
  serial.endsWith('-SILENT') ? 'silent' : serial.endsWith('-NEW') ? 'never' : serial.endsWith('-FAULTY') ? 'faulty' : 'reports';
