/**
 * Telemetry rows for tests, the demo and the bench: terminals fitted to machines, and raw samples written straight
 * into the store (what the ingestion path writes after validation). Not for production paths.
 */
import type { Prisma } from '../../server/db/generated/client';
import { type StateName, stateCodes } from '../../server/domain/telemetry/payload';
import { hashTerminalSecret } from '../../server/services/telemetry/secret';

type Db = Prisma.TransactionClient;

/** A terminal (or a gateway, without machineId) with a known secret; returns its id and num. */
export async function createTerminalRecord(
  db: Db,
  t: { integratorId: string; smeClientId: string; machineId?: string | null; serial: string; secret: string; gatewayId?: string | null },
) {
  return db.terminal.create({
    data: {
      integratorId: t.integratorId,
      smeClientId: t.smeClientId,
      kind: t.machineId ? 'TERMINAL' : 'GATEWAY',
      serial: t.serial,
      machineId: t.machineId ?? null,
      gatewayId: t.gatewayId ?? null,
      secretHash: hashTerminalSecret(t.secret),
    },
    select: { id: true, num: true },
  });
}

export type RawSample = {
  seq: bigint | number;
  at: Date;
  state: StateName;
  alarm?: string;
  count?: number;
  good?: number;
  wh?: bigint;
  receivedAt?: Date;
};

/** Writes raw samples of one terminal (a repeated seq is kept once, as ingestion does). */
export async function insertSamples(db: Db, terminal: number, samples: readonly RawSample[]) {
  if (!samples.length) return 0;
  return db.telemetrySample.createMany({
    data: samples.map((s) => ({
      terminal,
      seq: BigInt(s.seq),
      at: s.at,
      state: stateCodes[s.state],
      alarm: s.alarm ?? null,
      count: s.count === undefined ? null : BigInt(s.count),
      good: s.good === undefined ? null : BigInt(s.good),
      wh: s.wh ?? null,
      ...(s.receivedAt ? { receivedAt: s.receivedAt } : {}),
    })),
    skipDuplicates: true,
  });
}
