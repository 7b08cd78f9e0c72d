/**
 * Proof at scale: a PostgreSQL database with ten times the TOMAN programme, the production build serving it, and
 * the figures issue 8 asks for. Run through `npm run bench` (or `BENCH_ONLY=scale npm run bench`).
 */

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { loadSessionUser } from '../server/auth/session-user';
import { PrismaClient } from '../server/db/generated/client';
import { deployMigrations } from '../server/db/migrate';
import { pgPoolConfig } from '../server/db/pg-pool';
import { log } from '../server/log';
import { createCaller } from '../server/trpc/root';
import { ensureBuild, firstLoadJs, type HttpFigure, type JsFigure, load, sessionCookie, startServer, stopServer, targets } from './http';
import { benchOpenLoop, type OpenLoopFigures } from './open-loop';
import { type ScaleWorld, seedScale } from './scale-seed';
import { benchTelemetryReads, type TelemetryReadFigure } from './telemetry-reads';

export type ComputeFigure = { name: string; p50: number; p95: number; runs: number };
export type PdfFigure = { case: string; ms: number; bytes: number; status: number };
export type ScaleFigures = {
  counts: ScaleWorld['counts'];
  seedSeconds: number;
  compute: ComputeFigure[];
  http: HttpFigure[];
  firstLoadJs: JsFigure[];
  pdf: PdfFigure[];
  /** issue 18: the open-loop mix (steady arrival rates, not a closed loop) */
  openLoop?: OpenLoopFigures;
  /** issue 19: telemetry reads with 30 days of roll-ups on the 10x database */
  telemetryReads?: { seeded: { terminals: number; hours: number; spans: number; seconds: number }; figures: TelemetryReadFigure[] };
};

const PORT = 3390;

async function timeIt(name: string, runs: number, fn: () => Promise<unknown>): Promise<ComputeFigure> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round((times[Math.min(runs - 1, Math.ceil((p / 100) * runs) - 1)] as number) * 10) / 10;
  return { name, p50: at(50), p95: at(95), runs };
}

/**
 * Quote PDFs through the real route on the same server (issue 14, item 6: a fresh one ≤ 3 s here): the first one
 * (the shared Chromium starts), a second quote (browser warm, a fresh render), and the second again (kept on disk).
 */
async function quotePdfs(db: PrismaClient, base: string, engineerId: string, cookie: string, say: (s: string) => void): Promise<PdfFigure[]> {
  const me = await db.user.findUniqueOrThrow({ where: { id: engineerId }, select: { integratorId: true } });
  const quotes = await db.quote.findMany({ where: { integratorId: me.integratorId ?? '' }, orderBy: { id: 'asc' }, take: 2, select: { id: true } });
  const out: PdfFigure[] = [];
  for (const [label, q] of [
    ['fresh, browser starting', quotes[0]],
    ['fresh, browser warm', quotes[1]],
    ['kept (same quote again)', quotes[1]],
  ] as const) {
    if (!q) continue;
    const t0 = performance.now();
    const r = await fetch(`${base}/api/v1/quotes/${q.id}/pdf`, { headers: { cookie } });
    const bytes = (await r.arrayBuffer()).byteLength;
    out.push({ case: label, ms: Math.round(performance.now() - t0), bytes, status: r.status });
    say(`quote PDF, ${label}: HTTP ${r.status}, ${out.at(-1)?.ms} ms, ${bytes} bytes`);
  }
  return out;
}

export type ScaleParts = { http: boolean; telemetryReads: boolean };

export async function benchScale(pgUrl: string, say: (s: string) => void, parts: ScaleParts = { http: true, telemetryReads: true }): Promise<ScaleFigures> {
  if (parts.http) ensureBuild(say);
  const name = `rp_bench_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const db = new PrismaClient({ adapter: new PrismaPg(pgPoolConfig(dbUrl, 10)) });
  try {
    await deployMigrations({ kind: 'postgres', url: dbUrl });
    const w = await seedScale(db, say, { inventoryOnly: !parts.http });
    say(`seeded in ${w.seedSeconds} s: ${JSON.stringify(w.counts)}`);

    // the two views the issue times, computed through the procedures (gate, RLS and all), 20 runs each
    const callerOf = async (id: string) => {
      const user = await loadSessionUser(db, id, 0);
      return createCaller({ getDb: async () => db, getUser: async () => user, locale: 'zh-CN', requestId: 'bench', log });
    };
    const official = await callerOf(w.users.official);
    const engineer = await callerOf(w.users.engineer);
    const compute = !parts.http
      ? []
      : [
          await timeIt('county dashboard (fundAdmin.dashboard)', 20, () => official.fundAdmin.dashboard({ fundId: w.fundId })),
          await timeIt('cluster view (clusters.get + members page)', 20, () =>
            Promise.all([engineer.clusters.get({ id: w.clusterId }), engineer.clients.list({ clusterId: w.clusterId, page: 1, pageSize: 100 })]),
          ),
          await timeIt('cluster maturity (assessments.clusterMaturity)', 20, () => engineer.assessments.clusterMaturity({ clusterId: w.clusterId })),
        ];

    const telemetryReads = parts.telemetryReads ? await benchTelemetryReads(db, w, { say }) : undefined;
    for (const f of telemetryReads?.figures ?? []) say(`${f.read}: p50 ${f.p50} ms, p95 ${f.p95} ms (target ${f.targetMs} ms)`);
    if (!parts.http) return { counts: w.counts, seedSeconds: w.seedSeconds, compute, http: [], firstLoadJs: [], pdf: [], telemetryReads };

    say('starting the production build (next start) on the 10x database');
    const server = await startServer(dbUrl, PORT);
    const base = `http://127.0.0.1:${PORT}`;
    const http: HttpFigure[] = [];
    const pdf: PdfFigure[] = [];
    let openLoop: OpenLoopFigures | undefined;
    try {
      const cookies = Object.fromEntries(await Promise.all(Object.entries(w.users).map(async ([k, id]) => [k, await sessionCookie(id)] as const)));
      for (const { name: label, who, path, kind, target } of targets(w)) {
        const cookie = cookies[who] as string;
        const check = await fetch(`${base}${path}`, { headers: { cookie } });
        if (!check.ok) throw new Error(`${label}: HTTP ${check.status} ${(await check.text()).slice(0, 300)}`);
        await load(base, path, cookie, 4, 2); // warm
        for (const clients of [1, 50]) {
          const r = await load(base, path, cookie, clients, clients === 1 ? 4 : 6);
          http.push({ name: label, kind, clients, target, ...r });
          say(`${label} @${clients}: p50 ${r.p50} ms, p95 ${r.p95} ms, ${r.rps} req/s, ${r.errors} errors`);
        }
      }
      say('open-loop mix: requests at a steady arrival rate, weighted as staff, owners and officials use the app');
      openLoop = await benchOpenLoop(base, cookies, w, say);
      pdf.push(...(await quotePdfs(db, base, w.users.engineer, cookies.engineer as string, say)));
    } finally {
      await stopServer(server);
    }
    return { counts: w.counts, seedSeconds: w.seedSeconds, compute, http, openLoop, firstLoadJs: firstLoadJs(), pdf, telemetryReads };
  } finally {
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
