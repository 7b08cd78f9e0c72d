/**
 * Who may report for which terminal (docs/decisions/0019-connected-machines.md):
 * - a terminal only for itself;
 * - a gateway only for the terminals assigned to it (same integrator and SME: the foreign key carries both);
 * - a revoked terminal or gateway nothing, and nobody for a revoked terminal or one fitted to a retired machine;
 * - `trusted`: a broker that already enforced the topic's owner (Mosquitto's acl_file, EMQX calling the app), so the
 *   topic's terminal is the publisher.
 * A refusal is counted against the publisher when it is known (a device that misbehaves is the one to look at, and a
 * device of one integrator must never write into another integrator's health rows), else against the terminal named.
 */
import type { TerminalEntry } from './directory';

export type Publisher = { kind: 'terminal' | 'gateway'; id: string } | { kind: 'trusted'; id?: undefined };

export type Authorization = { ok: true } | { ok: false; why: string; countAgainst: TerminalEntry | null };

export function authorizeReport(publisher: Publisher, pub: TerminalEntry | null, named: TerminalEntry | null, namedId: string): Authorization {
  if (publisher.kind !== 'trusted') {
    if (!pub) return { ok: false, why: `unknown ${publisher.kind} ${publisher.id}`, countAgainst: null };
    if (pub.revoked) return { ok: false, why: `${publisher.kind} revoked`, countAgainst: pub };
    if (publisher.kind === 'terminal' && pub.kind !== 'TERMINAL') return { ok: false, why: 'a gateway credential used as a terminal', countAgainst: pub };
    if (publisher.kind === 'gateway' && pub.kind !== 'GATEWAY') return { ok: false, why: 'a terminal credential used as a gateway', countAgainst: pub };
  }
  const against = pub ?? named;
  if (!named) return { ok: false, why: `unknown terminal ${namedId.slice(0, 64)}`, countAgainst: pub };
  if (publisher.kind === 'terminal' && named.id !== publisher.id) return { ok: false, why: `reported for another terminal (${namedId})`, countAgainst: pub };
  if (publisher.kind === 'gateway' && (named.gatewayId !== publisher.id || named.integratorId !== pub?.integratorId || named.smeClientId !== pub.smeClientId)) {
    return { ok: false, why: `terminal ${namedId} is not assigned to this gateway`, countAgainst: pub };
  }
  if (named.kind !== 'TERMINAL') return { ok: false, why: 'a gateway has no samples of its own', countAgainst: against };
  if (named.revoked) return { ok: false, why: 'terminal revoked', countAgainst: against };
  if (named.retired) return { ok: false, why: 'machine retired', countAgainst: against };
  return { ok: true };
}
