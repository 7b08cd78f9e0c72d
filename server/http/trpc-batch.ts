/**
 * tRPC batches: at most MAX_BATCH_CALLS procedure calls in one HTTP request (`/api/trpc/a,b,c?batch=1`), for GET
 * and POST alike, checked from the URL before the body is read or any procedure runs. The browser's batch link
 * uses the same limit (components/trpc/provider.tsx), so the app itself never meets it.
 */
export const MAX_BATCH_CALLS = 10;

/** The number of procedure calls the request asks for. */
export function batchCalls(url: string, endpoint = '/api/trpc'): number {
  const u = new URL(url, 'http://x');
  if (u.searchParams.get('batch') !== '1') return 1;
  const paths = decodeURIComponent(u.pathname.slice(endpoint.length).replace(/^\/+/, ''));
  return paths.split(',').length;
}
