/**
 * A generated file as a download (never rendered inline): whole, or streamed as its body is read (a failure half-way
 * through cuts the download short; it is logged by the stream's reader).
 */
export function fileResponse(
  file: { fileName: string; contentType: string } & ({ bytes: Uint8Array } | { body: AsyncIterable<Uint8Array> }),
  requestId: string,
): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  const body = 'bytes' in file ? (file.bytes as BodyInit) : streamOf(file.body);
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    },
  });
}

function streamOf(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await it.return?.();
    },
  });
}
