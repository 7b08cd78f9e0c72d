/**
 * Pool settings for Prisma's PostgreSQL adapter. Inside one transaction the app may start several queries at once
 * (`Promise.all` over a count and a page); node-postgres queues them on the connection but warns that it will stop
 * doing so in pg@9. This client queues them itself, in the order they were started, so nothing changes when it does.
 */
import pg from 'pg';

class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query has many overloads; all are forwarded unchanged
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    // callback and submittable (cursor, stream) forms keep node-postgres' own handling
    if (typeof last === 'function' || (args[0] && typeof args[0].submit === 'function')) return (super.query as (...a: unknown[]) => unknown)(...args);
    const run = () => (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

export function pgPoolConfig(connectionString: string, max?: number): pg.PoolConfig {
  return { connectionString, ...(max ? { max } : {}), Client: SerialClient };
}
