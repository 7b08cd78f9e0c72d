/**
 * Issue 18's open-loop mix: requests arrive at a steady rate whatever the server's answers (the traffic of about
 * 1,000 people clicking every five seconds), not a closed loop of clients that wait for each answer. Each request's
 * time counts from the moment it was due, so a server that falls behind shows it (no coordinated omission).
 *
 * The mix is weighted as the three groups use the app: integrator staff most (their lists, a project, a client, the
 * machines of a client), SME owners (their home and projects), county officials (claims and the fund's dashboard);
 * about a third of the clicks load a page, the rest are the procedures the pages' client parts call.
 *
 * Steps of 10 s at rising rates find the highest steady rate that holds p95 ≤ 100 ms with no error; then 60 s at
 * 200 requests/s, the target.
 */
import http from 'node:http';
import { trpc } from './http';

/** Kept-alive connections, as browsers hold them: the generator's own cost stays small beside the server's. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One GET; resolves with the status (0 when the connection failed or it took longer than 30 s). */
function get(url: string, cookie: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { cookie }, timeout: 30_000 }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

import type { ScaleWorld } from './scale-seed';

export type OpenLoopStep = { rate: number; seconds: number; sent: number; p50: number; p95: number; p99: number; errors: number; held: boolean };
export type OpenLoopFigures = { steps: OpenLoopStep[]; highestHeld: number; target: OpenLoopStep };

const TARGET_RATE = 200;
const P95_LIMIT = 100;

type Pick = { weight: number; who: keyof ScaleWorld['users']; path: string };

export function mix(w: ScaleWorld): Pick[] {
  return [
    { weight: 10, who: 'engineer', path: '/clients' },
    { weight: 6, who: 'engineer', path: `/projects/${w.projectId}` },
    { weight: 6, who: 'owner', path: '/sme' },
    { weight: 4, who: 'official', path: '/claims' },
    { weight: 2, who: 'official', path: `/funds/${w.fundId}/dashboard` },
    { weight: 8, who: 'engineer', path: trpc('me.get', undefined) },
    { weight: 10, who: 'engineer', path: trpc('clients.list', { page: 1, pageSize: 25 }) },
    { weight: 8, who: 'engineer', path: trpc('projects.list', { page: 1, pageSize: 50 }) },
    { weight: 8, who: 'engineer', path: trpc('projects.get', { id: w.projectId }) },
    { weight: 6, who: 'engineer', path: trpc('clients.get', { id: w.smeId }) },
    { weight: 6, who: 'engineer', path: trpc('inventory.machines.list', { smeClientId: w.smeId, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 50 }) },
    { weight: 6, who: 'owner', path: trpc('me.get', undefined) },
    { weight: 6, who: 'owner', path: trpc('projects.list', { page: 1, pageSize: 50 }) },
    { weight: 5, who: 'official', path: trpc('claims.list', { page: 1, pageSize: 50 }) },
    { weight: 5, who: 'official', path: trpc('claims.get', { id: w.claimId }) },
    { weight: 4, who: 'official', path: trpc('fundAdmin.dashboard', { fundId: w.fundId }) },
  ];
}

/** The i-th request of the mix, spread evenly by weight (deterministic, so every run sends the same sequence). */
function sequence(picks: Pick[]): Pick[] {
  const out: Pick[] = [];
  const total = picks.reduce((s, p) => s + p.weight, 0);
  const credit = picks.map(() => 0);
  for (let i = 0; i < total; i++) {
    picks.forEach((p, k) => {
      credit[k] = (credit[k] as number) + p.weight;
    });
    let best = 0;
    for (let k = 1; k < picks.length; k++) if ((credit[k] as number) > (credit[best] as number)) best = k;
    credit[best] = (credit[best] as number) - total;
    out.push(picks[best] as Pick);
  }
  return out;
}

const pct = (sorted: number[], p: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : 0);

/** Sends `rate` requests a second for `seconds`, each when it is due, and waits for the last answer. */
export async function openLoopStep(base: string, cookies: Record<string, string>, picks: Pick[], rate: number, seconds: number): Promise<OpenLoopStep> {
  const seq = sequence(picks);
  const n = Math.round(rate * seconds);
  // a first request opens a connection before any is due
  await get(`${base}${(seq[0] as Pick).path}`, cookies[(seq[0] as Pick).who] as string);
  const times: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const t0 = performance.now() + 50;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < n && t0 + (next * 1000) / rate <= now) {
        const due = t0 + (next * 1000) / rate;
        const p = seq[next % seq.length] as Pick;
        next++;
        inFlight.push(
          get(`${base}${p.path}`, cookies[p.who] as string).then((status) => {
            if (status === 0 || status >= 400) errors++;
            times.push(performance.now() - due);
          }),
        );
      }
      if (next >= n) resolve();
      else setTimeout(tick, 2);
    };
    setTimeout(tick, 50);
  });
  await Promise.all(inFlight);
  times.sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const step = { rate, seconds, sent: n, p50: r1(pct(times, 50)), p95: r1(pct(times, 95)), p99: r1(pct(times, 99)), errors };
  return { ...step, held: step.p95 <= P95_LIMIT && errors === 0 };
}

export async function benchOpenLoop(base: string, cookies: Record<string, string>, w: ScaleWorld, say: (s: string) => void): Promise<OpenLoopFigures> {
  const picks = mix(w);
  const steps: OpenLoopStep[] = [];
  let highestHeld = 0;
  for (const rate of [25, 50, 100, 150, 200, 300, 400]) {
    const s = await openLoopStep(base, cookies, picks, rate, 10);
    steps.push(s);
    say(`open loop ${rate} req/s for 10 s: p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, ${s.errors} errors`);
    if (!s.held) break;
    highestHeld = rate;
  }
  const target = await openLoopStep(base, cookies, picks, TARGET_RATE, 60);
  say(`open loop ${TARGET_RATE} req/s for 60 s: p50 ${target.p50} ms, p95 ${target.p95} ms, ${target.errors} errors`);
  return { steps, highestHeld, target };
}
