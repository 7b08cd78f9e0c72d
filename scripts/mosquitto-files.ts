/**
 * npm run mqtt:mosquitto-files [-- <dir>] — writes <dir>/acl_file (default .data/mosquitto) for a Mosquitto that
 * terminals publish to (server/mqtt/mosquitto-acl.ts). Run it again after terminals or gateways change, then reload
 * Mosquitto (kill -HUP). The worker's username is MQTT_USERNAME (default rp-ingest).
 * No password_file: the app stores only SHA-256 hashes of terminal secrets, which Mosquitto cannot verify; terminals
 * authenticate through an auth plugin calling the app, or use EMQX (README, "Terminals at an external broker").
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../server/db/client';
import { resolveDbTarget } from '../server/db/target';
import { mosquittoAcl } from '../server/mqtt/mosquitto-acl';

async function main() {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(process.cwd(), '.data', 'mosquitto');
  const { db, close } = await createDb(resolveDbTarget());
  try {
    const rows = await db.$queryRawUnsafe<{ gateway: string; terminal: string | null }[]>(
      `SELECT g.id AS gateway, t.id AS terminal FROM "Terminal" g
       LEFT JOIN "Terminal" t ON t."gatewayId" = g.id AND t."revokedAt" IS NULL
       WHERE g.kind = 'GATEWAY' AND g."revokedAt" IS NULL ORDER BY g.id, t.id`,
    );
    const gateways = new Map<string, string[]>();
    for (const r of rows) {
      const list = gateways.get(r.gateway) ?? [];
      if (r.terminal) list.push(r.terminal);
      gateways.set(r.gateway, list);
    }
    const acl = mosquittoAcl({
      workerUsername: process.env.MQTT_USERNAME?.trim() || 'rp-ingest',
      gateways: [...gateways].map(([id, terminals]) => ({ id, terminals })),
      generatedAt: new Date(),
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'acl_file'), acl);
    console.log(`Wrote ${path.join(dir, 'acl_file')} (${gateways.size} gateways). In mosquitto.conf: acl_file ${path.join(dir, 'acl_file')}`);
    console.log('Terminal passwords are not in a password_file: the app keeps only SHA-256 hashes (README, "Terminals at an external broker").');
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
