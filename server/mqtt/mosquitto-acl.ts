/**
 * Mosquitto's acl_file for the terminals (npm run mqtt:mosquitto-files): a terminal may write only to its own topic
 * (one `pattern` line: its username is its id), a gateway only to the topics of the terminals assigned to it (a block
 * per gateway), the ingestion workers read the shared subscription. Authentication is not in here: the app keeps only
 * a SHA-256 of each secret, which Mosquitto's password_file (PBKDF2-SHA512 of the secret itself) cannot use — see the
 * README, "Terminals at an external broker".
 */
import { topicFor } from '../domain/telemetry-topics';

export type AclGateway = { id: string; terminals: string[] };

export function mosquittoAcl(a: { workerUsername: string; gateways: AclGateway[]; generatedAt: Date }): string {
  const lines = [
    `# Retrofit Pathway terminals — generated ${a.generatedAt.toISOString()} by npm run mqtt:mosquitto-files; run it again after terminals change`,
    '',
    '# every terminal and gateway: its own data topic only (username = its id)',
    `pattern write ${topicFor('%u')}`,
    '',
    '# the ingestion workers (MQTT_USERNAME): the shared subscription',
    `user ${a.workerUsername}`,
    'topic read $share/rp-ingest/rp/t/+/data',
    'topic read rp/t/+/data',
  ];
  for (const g of a.gateways) {
    lines.push('', `# gateway ${g.id}: the terminals assigned to it`, `user ${g.id}`);
    for (const t of g.terminals) lines.push(`topic write ${topicFor(t)}`);
  }
  return `${lines.join('\n')}\n`;
}
