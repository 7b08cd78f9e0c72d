/**
 * Where terminals reach MQTT, as a new credential's example command shows it: `host:port`. The host is
 * MQTT_PUBLIC_HOST, or empty (the page then uses its own host name); the port MQTT_PUBLIC_PORT, else the embedded
 * listener's MQTT_PORT when the app serves MQTT itself (no MQTT_URL), else 1883.
 */
export function brokerAddress(env: Record<string, string | undefined> = process.env): string {
  const embedded = !env.MQTT_URL?.trim() && env.MQTT_EMBEDDED !== 'off';
  const port = env.MQTT_PUBLIC_PORT?.trim() || (embedded ? env.MQTT_PORT?.trim() : '') || '1883';
  return `${env.MQTT_PUBLIC_HOST?.trim() ?? ''}:${port}`;
}
