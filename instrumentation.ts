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
  }
}
