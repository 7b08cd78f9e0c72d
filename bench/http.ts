/**
 * The production build (`next build` + `next start`) against the 10x database: autocannon at 1 and at 50
 * concurrent clients on the main list and detail procedures and pages, and the first-load JavaScript of the main
 * pages (every script a fresh browser downloads, gzipped), measured in Chromium.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { encode } from 'next-auth/jwt';
import superjson from 'superjson';
import type { ScaleWorld } from './scale-seed';

export type HttpFigure = {
  name: string;
  kind: 'procedure' | 'page' | 'floor';
  clients: number;
  requests: number;
  p50: number;
  p95: number;
  errors: number;
  rps: number;
  target?: Target | null;
};
export type JsFigure = { route: string; scripts: number; gzipKb: number };

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const COOKIE = 'authjs.session-token';

export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, sv: 0 }, secret: SECRET, salt: COOKIE, maxAge: 8 * 3600 });
  return `${COOKIE}=${token}`;
}

export function ensureBuild(say: (s: string) => void) {
  if (fs.existsSync(path.join('.next', 'BUILD_ID'))) return;
  say('no production build yet: running next build');
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('next build failed');
}

export async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn('npx', ['next', 'start', '--port', String(port)], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, AUTH_SECRET: SECRET, AUTH_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('next start did not answer /api/health within 60 s');
}

/** Stops the server's whole process group and waits until it has exited (before its database is dropped). */
export async function stopServer(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export const trpc = (proc: string, input: unknown) =>
  input === undefined ? `/api/trpc/${proc}` : `/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

/**
 * Issue 18's targets, each against the floor measured in the same run (50 clients): `me.get` ≥ 50 % of the floor's
 * requests/s, every list and detail procedure ≥ 35 %, every page ≥ 10 % and p50 ≤ 20 ms at one client; the county
 * dashboard and the cluster views p95 ≤ 300 ms at 50 clients.
 */
export type Target = { ratio?: number; p50At1?: number; p95At50?: number };
export const targetOf = {
  me: { ratio: 0.5 },
  procedure: { ratio: 0.35 },
  page: { ratio: 0.1, p50At1: 20 },
  view: { ratio: 0.35, p95At50: 300 },
} as const satisfies Record<string, Target>;

export type Request = { name: string; who: keyof ScaleWorld['users']; path: string; kind: HttpFigure['kind']; target: Target | null };

/** The requests, each with its target. */
export function targets(w: ScaleWorld): Request[] {
  const r = (name: string, who: Request['who'], path: string, kind: HttpFigure['kind'], target: Target | null): Request => ({ name, who, path, kind, target });
  return [
    // the platform's floor on this machine: a Next.js route handler with one `SELECT 1`, no session, no tRPC
    r('floor: /api/health (route + SELECT 1)', 'engineer', '/api/health', 'floor', null),
    r('me.get', 'engineer', trpc('me.get', undefined), 'procedure', targetOf.me),
    r('clients.list (page 1 of 6,000)', 'engineer', trpc('clients.list', { page: 1, pageSize: 25 }), 'procedure', targetOf.procedure),
    r('clients.list (search)', 'engineer', trpc('clients.list', { q: '规模测试企业 42', page: 1, pageSize: 25 }), 'procedure', targetOf.procedure),
    r('clients.get', 'engineer', trpc('clients.get', { id: w.smeId }), 'procedure', targetOf.procedure),
    r(
      'inventory.machines.list',
      'engineer',
      trpc('inventory.machines.list', { smeClientId: w.smeId, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 50 }),
      'procedure',
      targetOf.procedure,
    ),
    r('projects.list (page 1 of 1,600)', 'engineer', trpc('projects.list', { page: 1, pageSize: 50 }), 'procedure', targetOf.procedure),
    r('projects.get', 'engineer', trpc('projects.get', { id: w.projectId }), 'procedure', targetOf.procedure),
    r('claims.list (integrator, page 1)', 'engineer', trpc('claims.list', { page: 1, pageSize: 50 }), 'procedure', targetOf.procedure),
    r('claims.list (county, page 1)', 'official', trpc('claims.list', { page: 1, pageSize: 50 }), 'procedure', targetOf.procedure),
    r('claims.get (county)', 'official', trpc('claims.get', { id: w.claimId }), 'procedure', targetOf.procedure),
    r('fundAdmin.dashboard (county)', 'official', trpc('fundAdmin.dashboard', { fundId: w.fundId }), 'procedure', targetOf.view),
    r('clusters.get (cluster view)', 'engineer', trpc('clusters.get', { id: w.clusterId }), 'procedure', targetOf.view),
    r('assessments.clusterMaturity (300 SMEs)', 'engineer', trpc('assessments.clusterMaturity', { clusterId: w.clusterId }), 'procedure', targetOf.view),
    r('page /clients', 'engineer', '/clients', 'page', targetOf.page),
    r('page /projects/[id]', 'engineer', `/projects/${w.projectId}`, 'page', targetOf.page),
    r('page /claims (county)', 'official', '/claims', 'page', targetOf.page),
    r('page /funds/[id]/dashboard', 'official', `/funds/${w.fundId}/dashboard`, 'page', { ...targetOf.page, p95At50: 300 }),
    r('page /sme (owner home)', 'owner', '/sme', 'page', targetOf.page),
  ];
}

/** A figure's verdict against its target and the floor: the ratio, and what was missed ('' when all is met). */
export function verdict(target: Target | null, at1: HttpFigure | undefined, at50: HttpFigure | undefined, floorRps: number) {
  const ratio = at50 && floorRps > 0 ? at50.rps / floorRps : 0;
  const missed: string[] = [];
  if (target) {
    if (!at50 || at50.errors > 0) missed.push('errors');
    if (target.ratio !== undefined && ratio < target.ratio) missed.push(`ratio < ${Math.round(target.ratio * 100)} %`);
    if (target.p50At1 !== undefined && (at1?.p50 ?? Number.POSITIVE_INFINITY) > target.p50At1) missed.push(`p50 @1 > ${target.p50At1} ms`);
    if (target.p95At50 !== undefined && (at50?.p95 ?? Number.POSITIVE_INFINITY) > target.p95At50) missed.push(`p95 @50 > ${target.p95At50} ms`);
  }
  return { ratio: Math.round(ratio * 1000) / 10, missed: missed.join(', ') };
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function load(base: string, path: string, cookie: string, clients: number, seconds: number) {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${base}${path}`, connections: clients, duration: seconds, headers: { cookie }, timeout: 30 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 400) errors++;
    });
  });
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    p50: Math.round(percentile(times, 50) * 10) / 10,
    p95: Math.round(percentile(times, 95) * 10) / 10,
    errors: errors + result.errors + result.timeouts,
    rps: Math.round(result.requests.average),
  };
}

/**
 * First-load JavaScript per route from the build output (`.next/diagnostics/route-bundle-stats.json`: the chunks a
 * first visit to the route loads, dynamic imports excluded), each chunk gzipped at level 9 as a server would send it.
 */
export function firstLoadJs(): JsFigure[] {
  const stats = JSON.parse(fs.readFileSync(path.join('.next', 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
  const gz = new Map<string, number>();
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(fs.readFileSync(file), { level: 9 }).length);
    return gz.get(file) as number;
  };
  return stats
    .map((r) => ({
      route: r.route,
      scripts: r.firstLoadChunkPaths.length,
      gzipKb: Math.round(r.firstLoadChunkPaths.reduce((sum, f) => sum + size(f), 0) / 102.4) / 10,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}
