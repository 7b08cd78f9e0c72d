/**
 * Names shared by everything that moves terminal data (docs/terminal-protocol.md, docs/decisions/0019).
 * A terminal publishes to `rp/t/<terminalId>/data`; its MQTT username is its id, its password its secret.
 */
export const TOPIC_PREFIX = 'rp/t/';
export const topicFor = (terminalId: string) => `${TOPIC_PREFIX}${terminalId}/data`;
/** The topic filter the ingestion workers share (MQTT 5 / Mosquitto 2 shared subscription: workers split the load). */
export const SHARED_SUBSCRIPTION = '$share/rp-ingest/rp/t/+/data';
/** The terminal id named by a topic, or null when the topic is not a terminal's data topic. */
export function terminalOfTopic(topic: string): string | null {
  const m = /^rp\/t\/([a-z0-9]{1,40})\/data$/.exec(topic);
  return m ? (m[1] as string) : null;
}
/** PostgreSQL NOTIFY channel: a terminal was revoked, rotated or re-assigned (payload: its id). Brokers and workers
 * drop what they cached about it at once, on every server. */
export const TERMINAL_CHANGED_CHANNEL = 'rp_terminal_changed';
