/**
 * Who may report for which terminal (docs/decisions/0019-connected-machines.md):
 * - a terminal only for itself;
 * - a gateway only for the terminals assigned to it (same integrator and SME: the foreign key carries both);
 * - a revoked terminal or gateway nothing, and nobody for a revoked terminal or one fitted to a retired machine;
 * - `trusted`: a broker that already enforced the topic's owner (Mosquitto's acl_file, EMQX calling the app), so the
 *   topic's terminal is the publisher.
 * A refusal is counted against the publisher when it is known (a device that misbehaves is the one to look at, and a
 * device of one integrator must never write into another integrator's health rows), else against the terminal named.
 * A terminal or gateway naming a terminal it may not report for gets one refusal whether that terminal is unknown,
 * another integrator's, or merely not assigned to it: the words must not tell a caller that an id exists elsewhere.
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
  if (publisher.kind !== 'trusted') {
    const mayReport =
      named !== null &&
      (publisher.kind === 'terminal'
        ? named.id === publisher.id
        : named.gatewayId === publisher.id && named.integratorId === pub?.integratorId && named.smeClientId === pub.smeClientId);
    if (!mayReport) return { ok: false, why: notYours(publisher.kind, namedId), countAgainst: pub };
  } else if (!named) return { ok: false, why: `unknown terminal ${namedId.slice(0, 64)}`, countAgainst: null };
  const terminal = named as TerminalEntry;
  if (terminal.kind !== 'TERMINAL') return { ok: false, why: 'a gateway has no samples of its own', countAgainst: against };
  if (terminal.revoked) return { ok: false, why: 'terminal revoked', countAgainst: against };
  if (terminal.retired) return { ok: false, why: 'machine retired', countAgainst: against };
  return { ok: true };
}

/** The one refusal for a terminal the publisher may not report for, whatever the reason (see above). */
export const notYours = (kind: 'terminal' | 'gateway', namedId: string) => `terminal ${namedId.slice(0, 64)} is unknown or not assigned to this ${kind}`;
