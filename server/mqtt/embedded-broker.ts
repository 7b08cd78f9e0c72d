/**
 * The embedded MQTT listener (aedes) that `npm run dev` serves when no MQTT_URL is set: terminals and gateways connect
 * to the app itself, no broker installed (docs/decisions/0019-connected-machines.md).
 * - CONNECT: username = terminal or gateway id, password = its secret; unknown, wrong or revoked → refused.
 * - PUBLISH: only QoS 0/1 to `rp/t/<id>/data`; the message goes through the same ingestion as everything else
 *   (a terminal only for itself, a gateway only for its terminals; refusals counted against the publisher).
 *   The write happens inside aedes' authorizePublish, which runs before aedes sends the PUBACK: a QoS 1 message is
 *   acknowledged only after its batch committed (messages of all connections are written together, ≤ 20 ms). When the
 *   write fails, the client is disconnected without an acknowledgement and sends the message again.
 * - SUBSCRIBE: refused for everyone (nothing is forwarded: terminals talk to the app, not to each other).
 * - A terminal that is revoked, rotated or re-assigned is disconnected at once (the directory's invalidation).
 */
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import { terminalOfTopic } from '../domain/telemetry-topics';
import type { Logger } from '../log';
import type { Publisher } from '../services/telemetry/authorize';
import type { Telemetry } from '../services/telemetry/runtime';
import { terminalSecretMatches } from '../services/telemetry/secret';

export type EmbeddedBroker = { port: number; close: () => Promise<void>; connected: () => number };

export class MqttPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `MQTT_PORT ${port} is already in use (another broker, e.g. Mosquitto, listens there). Set MQTT_PORT to a free port, MQTT_URL to use that broker, or MQTT_EMBEDDED=off.`,
    );
    this.name = 'MqttPortInUseError';
  }
}

type RpClient = Client & { rp?: Publisher & { id: string } };

const unknownHash = '0'.repeat(64);

function authError(): Error & { returnCode: number } {
  return Object.assign(new Error('bad username or password'), { returnCode: 4 });
}

export async function startEmbeddedBroker(opts: { port: number; host?: string; telemetry: Telemetry; log: Logger }): Promise<EmbeddedBroker> {
  const { telemetry, log } = opts;
  const byId = new Map<string, Set<RpClient>>();

  const broker = await Aedes.createBroker({
    authenticate: (client: RpClient, username, password, done) => {
      const id = username ?? '';
      const secret = password?.toString('utf8') ?? '';
      telemetry.directory.get(id).then(
        (entry) => {
          const ok = terminalSecretMatches(entry?.secretHash ?? unknownHash, secret);
          if (!entry || entry.revoked || !ok) return done(authError(), false);
          client.rp = { kind: entry.kind === 'GATEWAY' ? 'gateway' : 'terminal', id: entry.id };
          done(null, true);
        },
        (e) => {
          log.error({ err: e }, 'mqtt: terminal directory unavailable');
          done(Object.assign(new Error('server unavailable'), { returnCode: 3 }), false);
        },
      );
    },
    authorizePublish: (client: RpClient | null, packet, done) => {
      const publisher = client?.rp;
      if (!publisher) return done(new Error('not authenticated'));
      packet.retain = false; // nothing is kept for subscribers: there are none
      const msg = {
        publisher,
        // a topic that is not a data topic names no terminal of ours: refused and counted against the publisher
        terminalId: terminalOfTopic(packet.topic) ?? `topic:${packet.topic.slice(0, 80)}`,
        payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
        receivedAt: new Date(),
      };
      telemetry.queue.submit([msg]).then(
        () => done(null),
        (e) => {
          log.warn({ err: e, terminal: publisher.id }, 'mqtt: message not stored; the client is disconnected and sends it again');
          done(new Error('not stored'));
        },
      );
    },
    authorizeSubscribe: (_client, _sub, done) => done(null, null),
    authorizeForward: () => null,
    maxClientsIdLength: 128,
  });

  broker.on('clientReady', (client: RpClient) => {
    const id = client.rp?.id;
    if (!id) return;
    let set = byId.get(id);
    if (!set) {
      set = new Set();
      byId.set(id, set);
    }
    set.add(client);
  });
  broker.on('clientDisconnect', (client: RpClient) => {
    const id = client.rp?.id;
    if (!id) return;
    byId.get(id)?.delete(client);
    if (byId.get(id)?.size === 0) byId.delete(id);
  });
  broker.on('clientError', (client: RpClient, err) => log.debug({ err, terminal: client.rp?.id }, 'mqtt: client error'));

  // revoked, rotated, re-assigned: its connections go at once; it must connect again with what is valid now
  const stopListening = telemetry.directory.onInvalidate((ids) => {
    const targets = ids === null ? [...byId.keys()] : ids;
    for (const id of targets) for (const c of byId.get(id) ?? []) c.close();
  });

  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new MqttPortInUseError(opts.port) : e));
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  }).catch(async (e) => {
    stopListening();
    await new Promise<void>((r) => broker.close(() => r()));
    throw e;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  log.info({ port }, 'mqtt: embedded listener ready');
  return {
    port,
    connected: () => broker.connectedClients,
    close: async () => {
      stopListening();
      await new Promise<void>((r) => broker.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** MQTT_PORT (default 1883), checked. */
export function mqttPort(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MQTT_PORT?.trim();
  if (!raw) return 1883;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`MQTT_PORT must be a port number (got "${raw}")`);
  return n;
}
