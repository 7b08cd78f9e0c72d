/**
 * Registering terminals and gateways, and every change to their credential or assignment: one transaction each, with
 * its audit entry and (for what a broker may have cached) a notice that makes it take effect at once. The secret is in
 * the answer of register and rotate, and nowhere else ever again.
 */
import type { ScopedDb } from '../../db/scoped';
import { audit, type Tx } from '../../db/tx';
import type { IntegratorScope } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { changeTerminals, credentialOf, freshCredential } from './terminal-credentials';

type Actor = { scope: IntegratorScope; id: string };

async function requireSerialFree(db: ScopedDb | Tx, serial: string) {
  const taken = await db.terminal.findFirst({ where: { serial }, select: { id: true, kind: true, revokedAt: true, machine: { select: { assetTag: true } } } });
  if (!taken) return;
  if (taken.kind === 'GATEWAY') throw new AppError('CONFLICT', 'terminals.serialIsGateway', { serial });
  if (taken.revokedAt) throw new AppError('CONFLICT', 'terminals.serialRevoked', { serial, assetTag: taken.machine?.assetTag ?? '' });
  throw new AppError('CONFLICT', 'terminals.serialTaken', { serial, assetTag: taken.machine?.assetTag ?? '' });
}

/** A live gateway of the SME, or an error that says why not. */
async function requireGateway(db: ScopedDb | Tx, gatewayId: string, smeClientId: string) {
  const g = await db.terminal.findUnique({ where: { id: gatewayId }, select: { id: true, kind: true, smeClientId: true, revokedAt: true, serial: true } });
  if (g?.kind !== 'GATEWAY') throw new AppError('NOT_FOUND');
  if (g.smeClientId !== smeClientId) throw new AppError('PRECONDITION_FAILED', 'terminals.gatewayOtherSme', { serial: g.serial });
  if (g.revokedAt) throw new AppError('PRECONDITION_FAILED', 'terminals.gatewayRevoked', { serial: g.serial });
  return g;
}

/**
 * Registers a terminal to one machine. A retired machine is refused; a machine that already has a live terminal is
 * refused unless `replace` is set, in which case the old terminal is revoked in the same transaction.
 */
export async function registerTerminal(db: ScopedDb, actor: Actor, input: { machineId: string; serial: string; gatewayId?: string | null; replace?: boolean }) {
  const machine = await db.machine.findUnique({
    where: { id: input.machineId },
    select: { id: true, assetTag: true, status: true, smeClientId: true, smeClient: { select: { archivedAt: true } } },
  });
  if (!machine) throw new AppError('NOT_FOUND');
  if (machine.smeClient.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  if (machine.status === 'RETIRED') throw new AppError('PRECONDITION_FAILED', 'terminals.machineRetired', { assetTag: machine.assetTag });
  if (input.gatewayId) await requireGateway(db, input.gatewayId, machine.smeClientId);
  await requireSerialFree(db, input.serial);
  const { secret, secretHash } = freshCredential();
  return changeTerminals((note) =>
    db.$transaction(async (tx) => {
      const live = await tx.terminal.findFirst({ where: { machineId: machine.id, revokedAt: null }, select: { id: true, serial: true } });
      if (live && !input.replace) throw new AppError('CONFLICT', 'terminals.machineHasTerminal', { assetTag: machine.assetTag, serial: live.serial });
      if (live) {
        await tx.terminal.update({ where: { id: live.id }, data: { revokedAt: new Date() }, select: { id: true } });
        await note(tx, [live.id]);
      }
      const t = await tx.terminal.create({
        data: {
          integratorId: actor.scope.integratorId,
          smeClientId: machine.smeClientId,
          kind: 'TERMINAL',
          serial: input.serial,
          machineId: machine.id,
          gatewayId: input.gatewayId ?? null,
          secretHash,
          createdById: actor.id,
        },
        select: { id: true, serial: true, kind: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: live ? 'terminal.replace' : 'terminal.register',
        entity: 'Terminal',
        entityId: t.id,
        data: { machineId: machine.id, assetTag: machine.assetTag, serial: t.serial, gatewayId: input.gatewayId ?? null, replaced: live?.id ?? null },
      });
      return { ...credentialOf(t, secret), machineId: machine.id, assetTag: machine.assetTag, replaced: live?.serial ?? null };
    }),
  );
}

/** Registers an edge gateway of an SME: one connection that may report for the terminals assigned to it. */
export async function registerGateway(db: ScopedDb, actor: Actor, input: { smeClientId: string; serial: string }) {
  const sme = await db.smeClient.findUnique({ where: { id: input.smeClientId }, select: { id: true, archivedAt: true } });
  if (!sme) throw new AppError('NOT_FOUND');
  if (sme.archivedAt) throw new AppError('PRECONDITION_FAILED', 'clientArchived');
  await requireSerialFree(db, input.serial);
  const { secret, secretHash } = freshCredential();
  return changeTerminals((note) =>
    db.$transaction(async (tx) => {
      const g = await tx.terminal.create({
        data: { integratorId: actor.scope.integratorId, smeClientId: sme.id, kind: 'GATEWAY', serial: input.serial, secretHash, createdById: actor.id },
        select: { id: true, serial: true, kind: true },
      });
      await audit(tx, { actorId: actor.id, action: 'gateway.register', entity: 'Terminal', entityId: g.id, data: { smeClientId: sme.id, serial: g.serial } });
      return credentialOf(g, secret);
    }),
  );
}

async function requireLive(db: ScopedDb, id: string) {
  const t = await db.terminal.findUnique({
    where: { id },
    select: { id: true, kind: true, serial: true, smeClientId: true, machineId: true, gatewayId: true, revokedAt: true, secretHash: true, secretSetAt: true },
  });
  if (!t) throw new AppError('NOT_FOUND');
  if (t.revokedAt) throw new AppError('PRECONDITION_FAILED', 'terminals.revoked', { serial: t.serial });
  return t;
}

/**
 * A new secret for a terminal or gateway: the old one stops working at once. The caller names the credential it means
 * to replace (`seen`: when the secret it saw was set), so rotations of one terminal serialise on it: of several sent
 * at once from what one page showed, exactly one wins and the others answer CONFLICT ("changed meanwhile, refresh") —
 * never a success with a secret that a concurrent rotation has already replaced.
 */
export async function rotateSecret(db: ScopedDb, actor: Actor, id: string, seen: Date) {
  const t = await requireLive(db, id);
  if (t.secretSetAt.getTime() !== seen.getTime()) throw new AppError('CONFLICT', 'terminals.concurrent');
  const { secret, secretHash } = freshCredential();
  return changeTerminals((note) =>
    db.$transaction(async (tx) => {
      // the row lock makes a concurrent rotation wait, then find the secret it meant to replace gone: 0 rows
      const moved = await tx.terminal.updateMany({
        where: { id, revokedAt: null, secretHash: t.secretHash, secretSetAt: t.secretSetAt },
        data: { secretHash, secretSetAt: new Date() },
      });
      if (moved.count !== 1) throw new AppError('CONFLICT', 'terminals.concurrent');
      await note(tx, [id]);
      await audit(tx, { actorId: actor.id, action: 'terminal.rotate', entity: 'Terminal', entityId: id, data: { serial: t.serial, kind: t.kind } });
      return credentialOf(t, secret);
    }),
  );
}

/**
 * Revokes a terminal or gateway at once. A gateway's terminals are released from it (they report on their own, or
 * through another gateway once assigned to it).
 */
export async function revokeTerminal(db: ScopedDb, actor: Actor, id: string) {
  const t = await requireLive(db, id);
  return changeTerminals((note) =>
    db.$transaction(async (tx) => {
      const moved = await tx.terminal.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      if (moved.count !== 1) throw new AppError('CONFLICT', 'terminals.concurrent');
      const released = t.kind === 'GATEWAY' ? (await tx.terminal.findMany({ where: { gatewayId: id }, select: { id: true } })).map((x) => x.id) : [];
      if (released.length) await tx.terminal.updateMany({ where: { gatewayId: id }, data: { gatewayId: null } });
      await note(tx, [id, ...released]);
      await audit(tx, {
        actorId: actor.id,
        action: t.kind === 'GATEWAY' ? 'gateway.revoke' : 'terminal.revoke',
        entity: 'Terminal',
        entityId: id,
        data: { serial: t.serial, machineId: t.machineId, released },
      });
      return { id, revoked: true, released: released.length };
    }),
  );
}

/** Lets a gateway of the same SME report for a terminal (or, with null, takes that right away). */
export async function assignGateway(db: ScopedDb, actor: Actor, input: { terminalId: string; gatewayId: string | null }) {
  const t = await requireLive(db, input.terminalId);
  if (t.kind !== 'TERMINAL') throw new AppError('BAD_REQUEST', 'terminals.notATerminal');
  if (input.gatewayId) await requireGateway(db, input.gatewayId, t.smeClientId);
  if (t.gatewayId === input.gatewayId) return { id: t.id, gatewayId: t.gatewayId, changed: false };
  return changeTerminals((note) =>
    db.$transaction(async (tx) => {
      await tx.terminal.update({ where: { id: t.id }, data: { gatewayId: input.gatewayId }, select: { id: true } });
      await note(tx, [t.id]);
      await audit(tx, {
        actorId: actor.id,
        action: input.gatewayId ? 'terminal.assignGateway' : 'terminal.unassignGateway',
        entity: 'Terminal',
        entityId: t.id,
        data: { serial: t.serial, from: t.gatewayId, to: input.gatewayId },
      });
      return { id: t.id, gatewayId: input.gatewayId, changed: true };
    }),
  );
}
