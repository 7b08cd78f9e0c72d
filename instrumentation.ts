/** Runs once when a server process starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerHook } = await import('./server/http/peer-hook');
    const { trustedProxies } = await import('./server/http/client-address');
    trustedProxies(); // an unreadable TRUSTED_PROXIES stops the start here, with a message naming it
    installPeerHook();
    // the embedded MQTT listener (when no MQTT_URL): in the background, so that a slow database never delays the app
    const { startEmbeddedBrokerWithApp } = await import('./server/mqtt/embedded-start');
    void startEmbeddedBrokerWithApp();
    if (process.env.TELEMETRY_SIMULATOR === 'direct') {
      // the demo fleet's terminals report in-process and the roll-up runs (server/services/telemetry/dev-runtime.ts)
      const [{ getDb }, { resolveDbTarget }, { startDirectTelemetry }] = await Promise.all([
        import('./server/db/client'),
        import('./server/db/target'),
        import('./server/services/telemetry/dev-runtime'),
      ]);
      const days = Number(process.env.TELEMETRY_SIMULATOR_DAYS ?? 7);
      void getDb().then((db) => startDirectTelemetry(db, resolveDbTarget().kind, { backfillDays: Number.isInteger(days) ? days : 7 }));
    }
  }
}
