/** Runs once when a server process starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installPeerHook } = await import('./server/http/peer-hook');
    installPeerHook();
  }
}
