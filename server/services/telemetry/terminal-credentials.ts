/**
 * What every change to a terminal shares: a fresh credential (the secret leaves the server once, in the answer; only its
 * hash is stored), the words a terminal needs to connect, and the notice that makes a change take effect at once.
 */

import type { Tx } from '../../db/tx';
import { TERMINAL_CHANGED_CHANNEL, topicFor } from '../../domain/telemetry-topics';
import { hashTerminalSecret, newTerminalSecret } from './secret';
import { terminalChanged } from './terminal-changes';

/** A new secret and its hash. */
export function freshCredential() {
  const secret = newTerminalSecret();
  return { secret, secretHash: hashTerminalSecret(secret) };
}

/** The credential as shown once: MQTT username (= the terminal's id), password (= the secret), its data topic. */
export function credentialOf(t: { id: string; serial: string; kind: 'TERMINAL' | 'GATEWAY' }, secret: string) {
  return { terminalId: t.id, serial: t.serial, kind: t.kind, username: t.id, secret, topic: topicFor(t.id) };
}
export type TerminalCredential = ReturnType<typeof credentialOf>;

/**
 * Tells every broker and ingestion worker (PostgreSQL NOTIFY, delivered when the transaction commits) that what they
 * cached about these terminals is stale: a revocation or a new secret takes effect at once.
 */
export async function notifyTerminalChanged(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of ids) await tx.$executeRaw`SELECT pg_notify(${TERMINAL_CHANGED_CHANNEL}, ${id})`;
}

/**
 * Runs a transaction that changes terminals (`note` them inside it), then tells this process's caches once it has
 * committed: PGlite has no notify across connections, and on PostgreSQL this process need not wait for its own
 * NOTIFY. A new secret or a revocation is in force for the very next message.
 */
export async function changeTerminals<T>(run: (note: (tx: Tx, ids: readonly string[]) => Promise<void>) => Promise<T>): Promise<T> {
  const changed: string[] = [];
  const out = await run(async (tx, ids) => {
    await notifyTerminalChanged(tx, ids);
    changed.push(...ids);
  });
  if (changed.length) terminalChanged(changed);
  return out;
}
