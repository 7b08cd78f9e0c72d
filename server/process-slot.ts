/**
 * One value per server process, kept on globalThis so that Next's module reloading (dev) and its several bundles
 * (route handlers, server components, instrumentation) share it: a broker, a renderer, a cache, a limiter.
 */
export function processSlot<T>(key: string): { value: T | undefined } {
  const g = globalThis as unknown as Record<string, { value: T | undefined } | undefined>;
  g[key] ??= { value: undefined };
  return g[key];
}
