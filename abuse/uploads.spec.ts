/**
 * Issue 14, items 4, 5, 6 and the evidence part of 14, replayed over HTTP against the production build:
 * uploads are refused before their body is read (anonymous: 401; too large, even chunked: 413), XLSX bombs get the
 * clean message, a full PDF queue answers 429 with Retry-After, a PDF is kept once rendered, HTML/SVG evidence is
 * refused. The abuse server runs with PDF_CONCURRENCY=1 and PDF_QUEUE_LIMIT=1 so that three renders fill the queue.
 */
import { expect, test } from '@playwright/test';
import { blankRowsBomb, hugeStringBomb, sheetBeforeStringsBomb } from '../server/testing/xlsx-bombs';
import { client, demo, expectNo500, sessionCookie, signedIn } from './helpers';
import { chunkedUpload, firstSme, issuedQuote, serverMemory } from './upload-helpers';

const uploadRoutes = ['/api/v1/files', '/api/v1/assessments/import', '/api/v1/inventory/import'];

test('anonymous 300 MB chunked uploads are answered 401 at once (413 at the sign-in endpoint), the body unread', async ({ playwright }) => {
  for (const path of uploadRoutes) {
    const r = await chunkedUpload(path, 300);
    // 401, or (when the reset of the closed connection beat the answer to the client) the connection cut at once
    expect([401, 0], path).toContain(r.status);
    expect(r.ms, `${path} answered after ${Math.round(r.ms)} ms`).toBeLessThan(3000);
    expect(r.sentMb, `${path}: ${r.sentMb.toFixed(1)} MB sent before the answer`).toBeLessThan(50);
    if (r.status) expect(JSON.parse(r.body).error.messageKey).toBe('unauthorized');
  }
  // Auth.js's own endpoint takes a form of a few hundred bytes: a large body is refused before it is read
  const auth = await chunkedUpload('/api/auth/callback/credentials', 300);
  expect([413, 0], 'auth callback').toContain(auth.status);
  expect(auth.ms).toBeLessThan(3000);
  expect(auth.sentMb).toBeLessThan(50);
  // and a client that sends a small body reads the 401 itself
  const anon = await client(playwright);
  for (const path of uploadRoutes) {
    const res = await anon.post(path, { multipart: { file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') } } });
    expect(res.status(), path).toBe(401);
  }
  await anon.dispose();
});

test('a signed-in 600 MB chunked upload is answered 413 at the limit, and the server does not grow', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.engineer);
  const cookie = `authjs.session-token=${await sessionCookie(api)}`;
  const before = serverMemory();
  for (const path of uploadRoutes) {
    const r = await chunkedUpload(path, 600, { cookie, fields: { mode: 'preview', smeClientId: 'x' } });
    expect([413, 0], path).toContain(r.status);
    expect(r.ms, `${path} answered after ${Math.round(r.ms)} ms`).toBeLessThan(10_000);
    expect(r.sentMb, `${path}: ${r.sentMb.toFixed(1)} MB sent before the answer`).toBeLessThan(100);
    // the demo engineer works in Chinese: the message comes in the user's language
    if (r.status)
      expect(JSON.parse(r.body).error).toMatchObject({ messageKey: 'fileTooLarge', message: expect.stringMatching(/^文件超过 (10|20) MB 上限。$/) });
  }
  const after = serverMemory();
  if (before && after) {
    console.log(`server RSS ${Math.round(before.rssMb)} → ${Math.round(after.rssMb)} MB (peak ${Math.round(after.peakMb)} MB)`);
    expect(after.rssMb - before.rssMb).toBeLessThan(200);
  }
  await api.dispose();
});

test('XLSX bombs are refused with the clean message, in the user’s language', async ({ playwright }) => {
  test.setTimeout(180_000);
  const api = await signedIn(playwright, demo.engineer);
  const { smeId } = await firstSme(api);
  const cases = [
    ['blank-rows.xlsx', blankRowsBomb(600_000), /^文件超过 50000 行上限/],
    ['huge-string.xlsx', hugeStringBomb(200), /^该 XLSX 文件解压后超过 32 MB/],
  ] as const;
  const before = serverMemory();
  for (const [name, bytes, message] of cases) {
    const started = performance.now();
    const res = await api.post('/api/v1/inventory/import', {
      multipart: {
        file: { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes },
        smeClientId: smeId,
        mode: 'preview',
      },
    });
    expectNo500(res);
    expect(res.status(), name).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message, name).toMatch(message);
    console.log(`${name}: refused in ${Math.round(performance.now() - started)} ms`);
  }
  // a sheet stored before its shared strings: the streaming reader takes the strings first by name, so the file is
  // read within the memory bound and previewed (1.6 million cells referring to one string), never a 500
  const sheetFirst = await api.post('/api/v1/inventory/import', {
    multipart: {
      file: { name: 'sheet-first.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheetBeforeStringsBomb() },
      smeClientId: smeId,
      mode: 'preview',
    },
  });
  expectNo500(sheetFirst);
  expect([200, 400]).toContain(sheetFirst.status());
  const after = serverMemory();
  if (before && after) {
    console.log(`server RSS peak ${Math.round(after.peakMb)} MB (before the bombs: peak ${Math.round(before.peakMb)} MB, RSS ${Math.round(before.rssMb)} MB)`);
    expect(after.peakMb - before.rssMb).toBeLessThan(300);
  }
  await api.dispose();
});

test('HTML and SVG evidence is refused whatever its name; a PDF is kept and served as an attachment', async ({ playwright }) => {
  const api = await signedIn(playwright, demo.engineer);
  const { smeId } = await firstSme(api);
  const refused = [
    ['evidence.html', 'text/html', '<!doctype html><script>fetch("/api/trpc/me.get")</script>'],
    ['evidence.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['photo.png', 'image/png', '<html><body onload="alert(1)"></body></html>'],
  ] as const;
  for (const [name, mimeType, body] of refused) {
    const res = await api.post('/api/v1/files', { multipart: { file: { name, mimeType, buffer: Buffer.from(body) }, smeClientId: smeId } });
    expect(res.status(), name).toBe(400);
    expect(((await res.json()) as { error: { messageKey: string } }).error.messageKey).toBe('fileType');
  }
  const ok = await api.post('/api/v1/files', {
    multipart: { file: { name: 'contract.html', mimeType: 'text/html', buffer: Buffer.from('%PDF-1.4\n% contract\n') }, smeClientId: smeId },
  });
  expect(ok.status()).toBe(200);
  const stored = (await ok.json()) as { id: string; contentType: string };
  expect(stored.contentType).toBe('application/pdf');
  const back = await api.get(`/api/v1/files/${stored.id}`);
  expect(back.headers()['content-type']).toBe('application/pdf');
  expect(back.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(back.headers()['x-content-type-options']).toBe('nosniff');
  await api.dispose();
});

test('quote PDFs: rendered, kept, 404 for another tenant, and 429 with Retry-After when the queue is full (the 3 s target: npm run bench)', async ({
  playwright,
}) => {
  test.setTimeout(180_000);
  const api = await signedIn(playwright, demo.engineer);
  const { smeId, machineId } = await firstSme(api);
  const quotes = [];
  for (let i = 0; i < 4; i++) quotes.push(await issuedQuote(api, smeId, machineId, `Abuse PDF ${Date.now()}-${i}`));
  const [first, ...rest] = quotes as [string, ...string[]];

  // warm the shared browser with one render, then time a fresh one
  expect((await api.get(`/api/v1/quotes/${first}/pdf`)).status()).toBe(200);
  const started = performance.now();
  const fresh = await api.get(`/api/v1/quotes/${rest[0]}/pdf`);
  const ms = performance.now() - started;
  expect(fresh.status()).toBe(200);
  expect((await fresh.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // the time is printed here and held to its 3 s target in the bench (bench/scale.ts), not asserted under CI's load
  console.log(`fresh quote PDF over HTTP: ${Math.round(ms)} ms (${fresh.headers()['x-pdf-render']})`);
  const again = await api.get(`/api/v1/quotes/${rest[0]}/pdf`);
  expect(again.headers()['x-pdf-render']).toBe('kept');

  // another tenant: not found, whether rendered before or not
  const other = await signedIn(playwright, demo.otherAdmin);
  expect((await other.get(`/api/v1/quotes/${rest[0]}/pdf`)).status()).toBe(404);
  expect((await other.get(`/api/v1/quotes/${rest[1]}/pdf`)).status()).toBe(404);
  await other.dispose();

  // one rendering, one waiting (the abuse server's limits), the third is turned away politely
  const answers = await Promise.all([rest[1], rest[2], first].map((id) => api.get(`/api/v1/quotes/${id}/pdf`)));
  const busy = answers.filter((a) => a.status() === 429 || a.status() === 503);
  expect(answers.map((a) => a.status()).sort()).toEqual([200, 200, 200]); // `first` is kept: never queued
  const crowd = await Promise.all(
    [0, 1, 2].map(async (n) => {
      const id = await issuedQuote(api, smeId, machineId, `Abuse PDF crowd ${Date.now()}-${n}`);
      return id;
    }),
  );
  const rush = await Promise.all(crowd.map((id) => api.get(`/api/v1/quotes/${id}/pdf`)));
  const refused = rush.filter((a) => a.status() === 429);
  expect(refused.length, `statuses ${rush.map((a) => a.status())}`).toBeGreaterThanOrEqual(1);
  for (const r of refused) {
    expect(Number(r.headers()['retry-after'])).toBeGreaterThan(0);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^当前正在生成的 PDF 较多，请 \d+ 秒后重试。$/);
  }
  expect(busy.length).toBe(0);
  await api.dispose();
});
