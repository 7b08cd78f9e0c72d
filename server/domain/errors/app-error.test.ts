import { describe, expect, it } from 'vitest';
import { AppError, appErrorCodes, toHttpStatus, toTrpcCode } from './app-error';

describe('AppError mapping', () => {
  it.each([
    ['BAD_REQUEST', 'BAD_REQUEST', 400],
    ['UNAUTHORIZED', 'UNAUTHORIZED', 401],
    ['FORBIDDEN', 'FORBIDDEN', 403],
    ['NOT_FOUND', 'NOT_FOUND', 404],
    ['CONFLICT', 'CONFLICT', 409],
    ['PRECONDITION_FAILED', 'PRECONDITION_FAILED', 412],
    ['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 429],
    ['BUSY', 'SERVICE_UNAVAILABLE', 503],
    ['DB_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 503],
    ['INTERNAL', 'INTERNAL_SERVER_ERROR', 500],
  ] as const)('%s → tRPC %s, HTTP %s', (code, trpc, http) => {
    expect(toTrpcCode(code)).toBe(trpc);
    expect(toHttpStatus(code)).toBe(http);
  });

  it('covers every code', () => {
    for (const code of appErrorCodes) expect(toHttpStatus(code)).toBeGreaterThanOrEqual(400);
  });

  it('carries a message key and parameters, defaulting the key from the code', () => {
    const e = new AppError('NOT_FOUND');
    expect(e.messageKey).toBe('notFound');
    const p = new AppError('BAD_REQUEST', 'machineRetired', { tag: 'M-1' });
    expect(p.params).toEqual({ tag: 'M-1' });
    expect(p).toBeInstanceOf(Error);
  });
});
