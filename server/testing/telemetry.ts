/**
 * Terminals for ingestion tests: a tenant world (two SMEs with machines), one terminal per machine of the first SME,
 * and a gateway of that SME carrying the first three. Made with plain writes: registering terminals through the app is
 * another use case's (and its tests').
 */
import { createTenantWorld, type TenantWorld } from '../../prisma/seed/factories';
import type { PrismaClient } from '../db/generated/client';
import { hashTerminalSecret, newTerminalSecret } from '../services/telemetry/secret';

export type TestTerminal = { id: string; num: number; secret: string; machineId: string | null; smeClientId: string };
export type TelemetryWorld = TenantWorld & { terminals: TestTerminal[]; gateway: TestTerminal; otherSmeTerminal: TestTerminal; spareMachines: string[] };

let serial = 0;

export async function createTestTerminal(
  db: PrismaClient,
  a: { integratorId: string; smeClientId: string; machineId?: string | null; gatewayId?: string | null; kind?: 'TERMINAL' | 'GATEWAY' },
): Promise<TestTerminal> {
  const secret = newTerminalSecret();
  const t = await db.terminal.create({
    data: {
      integratorId: a.integratorId,
      smeClientId: a.smeClientId,
      kind: a.kind ?? 'TERMINAL',
      serial: `SN-${process.pid}-${Date.now().toString(36)}-${serial++}`,
      machineId: a.machineId ?? null,
      gatewayId: a.gatewayId ?? null,
      secretHash: hashTerminalSecret(secret),
    },
    select: { id: true, num: true },
  });
  return { id: t.id, num: t.num, secret, machineId: a.machineId ?? null, smeClientId: a.smeClientId };
}

export async function createTelemetryWorld(db: PrismaClient, tag: string, opts: { terminals?: number } = {}): Promise<TelemetryWorld> {
  const world = await createTenantWorld(db, tag, { machinesPerSme: (opts.terminals ?? 5) + 6 });
  const sme0 = world.smes[0] as { id: string };
  const sme1 = world.smes[1] as { id: string };
  const integratorId = world.integrator.id;
  const all = await db.machine.findMany({ where: { smeClientId: sme0.id, status: { not: 'RETIRED' } }, select: { id: true }, orderBy: { assetTag: 'asc' } });
  const machines = all.slice(0, opts.terminals ?? 5);
  const gateway = await createTestTerminal(db, { integratorId, smeClientId: sme0.id, kind: 'GATEWAY' });
  const terminals: TestTerminal[] = [];
  for (const [i, m] of machines.entries()) {
    terminals.push(await createTestTerminal(db, { integratorId, smeClientId: sme0.id, machineId: m.id, gatewayId: i < 3 ? gateway.id : null }));
  }
  const other = await db.machine.findFirstOrThrow({ where: { smeClientId: sme1.id, status: { not: 'RETIRED' } }, select: { id: true } });
  const otherSmeTerminal = await createTestTerminal(db, { integratorId, smeClientId: sme1.id, machineId: other.id });
  return { ...world, terminals, gateway, otherSmeTerminal, spareMachines: all.slice(machines.length).map((m) => m.id) };
}
