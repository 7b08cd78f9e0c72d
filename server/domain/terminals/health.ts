/**
 * A terminal's health as people read it: never reported, reporting, or silent since its last message. "Silent" starts
 * when nothing has arrived for longer than the state engine's heartbeat timeout (after that its time is "unknown").
 */
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '../telemetry/engine';

export type TerminalHealthStatus = 'revoked' | 'never' | 'reporting' | 'silent';

export function terminalHealthStatus(
  t: { revokedAt: Date | null; lastSeenAt: Date | null | undefined },
  now: Date,
  silentAfterMs = DEFAULT_HEARTBEAT_TIMEOUT_MS,
): TerminalHealthStatus {
  if (t.revokedAt) return 'revoked';
  if (!t.lastSeenAt) return 'never';
  return now.getTime() - t.lastSeenAt.getTime() > silentAfterMs ? 'silent' : 'reporting';
}

/**
 * What commissioning asks of a project's machine: a live terminal that has reported at least once. A machine retired
 * since it was planned cannot carry a terminal and is not asked.
 */
export type MachineTerminalReadiness = 'ready' | 'noTerminal' | 'neverReported' | 'retired';

export function readinessOf(machineStatus: string, live: { firstSeenAt: Date | null } | null): MachineTerminalReadiness {
  if (machineStatus === 'RETIRED') return 'retired';
  if (!live) return 'noTerminal';
  return live.firstSeenAt ? 'ready' : 'neverReported';
}

/** The machines that keep a project from being commissioned (asset tags, in the order given). */
export function machinesNotReady(machines: readonly { assetTag: string; readiness: MachineTerminalReadiness }[]): string[] {
  return machines.filter((m) => m.readiness === 'noTerminal' || m.readiness === 'neverReported').map((m) => m.assetTag);
}
