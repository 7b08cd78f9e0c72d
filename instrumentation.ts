/** Runs once when a server process starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerHook } = await import('./server/http/peer-hook');
    const { trustedProxies } = await import('./server/http/client-address');
    trustedProxies(); // an unreadable TRUSTED_PROXIES stops the start here, with a message naming it
    installPeerHook();
    // the embedded MQTT listener (when no MQTT_URL): in the background, so that a slow database never delays the app
    const { startEmbeddedBrokerWithApp } = await import('./server/mqtt/embedded-start');
    const broker = startEmbeddedBrokerWithApp();
    // the notification outbox's delivery job (server/services/notifications/runtime.ts)
    const [{ getDb: db }, { startNotificationDelivery }] = await Promise.all([import('./server/db/client'), import('./server/services/notifications/runtime')]);
    startNotificationDelivery(db);
    // the watch after verification announces machines gone silent or unused (server/services/results/watch-notices.ts)
    void import('./server/services/results/watch-notices').then(({ startWatchNotices }) => startWatchNotices(db));
    const mode = process.env.TELEMETRY_SIMULATOR?.trim();
    if (mode === 'direct' || mode === 'mqtt') {
      // the demo fleet's terminals report (over the embedded MQTT listener, or straight into ingestion) and the
      // roll-up job runs: server/services/telemetry/dev-runtime.ts. `npm run dev` sets mqtt; the e2e server direct.
      const [{ getDb }, { resolveDbTarget }, runtime] = await Promise.all([
        import('./server/db/client'),
        import('./server/db/target'),
        import('./server/services/telemetry/dev-runtime'),
      ]);
      const days = Number(process.env.TELEMETRY_SIMULATOR_DAYS ?? 7);
      const opts = { backfillDays: Number.isInteger(days) && days >= 0 ? days : 7 };
      const kind = resolveDbTarget().kind;
      void getDb().then(async (db) =>
        mode === 'mqtt' ? runtime.startDevTelemetry(db, kind, await broker, opts) : runtime.startDirectTelemetry(db, kind, opts),
      );
    }
  }
}
