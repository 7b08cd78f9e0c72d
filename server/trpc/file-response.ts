/** A generated file as a download (never rendered inline). */
export function fileResponse(file: { fileName: string; contentType: string; bytes: Uint8Array }, requestId: string): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return new Response(file.bytes as BodyInit, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
    },
  });
}
