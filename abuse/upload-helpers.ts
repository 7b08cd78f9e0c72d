/**
 * Helpers of abuse/uploads.spec.ts: a raw chunked upload (no Content-Length, as a script streams it) that stops as
 * soon as the server answers, the server's memory, and a quote to render (tRPC with superjson, as the app sends it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import superjson from 'superjson';
import { baseURL } from './helpers';

/** status 0: the server closed the connection before its answer could be read (it answers, then cuts the sender off). */
export type ChunkedResult = { status: number; ms: number; sentMb: number; body: string; headers: http.IncomingHttpHeaders };

/**
 * POSTs a multipart body of `totalMb` megabytes in 64 KB chunks with Transfer-Encoding: chunked, stopping when the
 * server answers (or closes the connection). `sentMb`: how much had been written when the answer came.
 */
export function chunkedUpload(path: string, totalMb: number, { cookie = '', fields = {} as Record<string, string> } = {}): Promise<ChunkedResult> {
  const url = new URL(path, baseURL);
  const boundary = '----abuse-boundary';
  const head = Buffer.from(
    `${Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('')}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.csv"\r\ncontent-type: text/csv\r\n\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const total = totalMb * 1024 * 1024;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked', 'accept-language': 'en' },
      },
      (res) => {
        answered = true;
        const ms = performance.now() - started;
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, ms, sentMb: sent / 1024 / 1024, body: Buffer.concat(parts).toString(), headers: res.headers });
          req.destroy();
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (answered) return;
      // the server closed the socket while we were still writing: a reset can drop its answer in flight
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET')
        resolve({ status: 0, ms: performance.now() - started, sentMb: sent / 1024 / 1024, body: '', headers: {} });
      else reject(e);
    });
    req.write(head);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

/** The app server's process (the one listening on the port) and its resident memory, in MB. */
export function serverMemory(): { pid: number; rssMb: number; peakMb: number } | null {
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${new URL(baseURL).port}`]).toString();
    const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
    if (!pid) return null;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { pid, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** A tRPC call with superjson on the wire (BigInt inputs), as the app's own client sends it. */
export async function trpcSuper<T>(api: APIRequestContext, procedure: string, input: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> {
  const wire = superjson.serialize(input);
  const res =
    method === 'GET'
      ? await api.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(wire))}`)
      : await api.post(`/api/trpc/${procedure}`, { data: wire, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as { result?: { data: { json: unknown; meta?: never } }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${res.status()} ${JSON.stringify(body.error).slice(0, 300)}`);
  return superjson.deserialize(body.result.data as never) as T;
}

/** An SME of the signed-in integrator and one of its machines. */
export async function firstSme(api: APIRequestContext): Promise<{ smeId: string; machineId: string }> {
  const clients = await trpcSuper<{ items: { id: string }[] }>(api, 'clients.list', {}, 'GET');
  for (const c of clients.items) {
    const m = await trpcSuper<{ items: { id: string; status: string }[] }>(api, 'inventory.machines.list', { smeClientId: c.id }, 'GET');
    const machine = m.items.find((x) => x.status !== 'RETIRED');
    if (machine) return { smeId: c.id, machineId: machine.id };
  }
  throw new Error('no SME with a machine');
}

/** A new project with one machine and its issued quote; returns the quote's id. */
export async function issuedQuote(api: APIRequestContext, smeId: string, machineId: string, title: string): Promise<string> {
  const project = await trpcSuper<{ id: string }>(api, 'projects.create', {
    smeClientId: smeId,
    title,
    machineIds: [machineId],
    modules: ['DATA_COLLECTION'],
    softwareYears: 0,
    trainingDays: 0,
    target: { d: 1, n: 1, i: 0 },
    savings: [],
    expectedSubsidyFen: 0n,
  });
  await trpcSuper(api, 'projects.transition', { id: project.id, name: 'issueQuote' });
  const p = await trpcSuper<{ quotes: { id: string }[] }>(api, 'projects.get', { id: project.id }, 'GET');
  const id = p.quotes[0]?.id;
  if (!id) throw new Error('no quote issued');
  return id;
}
