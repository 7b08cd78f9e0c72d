/**
 * The one error type of domain and service code. `code` decides the transport status (mapped in
 * one place: toTrpcCode / toHttpStatus); `messageKey` names a catalogue entry under "errors." so
 * that the user reads it in their language; `params` fill its placeholders.
 */
export const appErrorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'TOO_MANY_REQUESTS',
  /** Contention: the database could not take the work in time (lock, serialization, pool); retrying succeeds. */
  'BUSY',
  'PAYLOAD_TOO_LARGE',
  'DB_UNAVAILABLE',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export type AppErrorParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: string = defaultMessageKey(code),
    readonly params: AppErrorParams = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export function defaultMessageKey(code: AppErrorCode): string {
  switch (code) {
    case 'BAD_REQUEST':
      return 'badRequest';
    case 'UNAUTHORIZED':
      return 'unauthorized';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'notFound';
    case 'CONFLICT':
      return 'conflict';
    case 'PRECONDITION_FAILED':
      return 'preconditionFailed';
    case 'TOO_MANY_REQUESTS':
      return 'tooManyRequests';
    case 'BUSY':
      return 'busy';
    case 'PAYLOAD_TOO_LARGE':
      return 'fileTooLarge';
    case 'DB_UNAVAILABLE':
      return 'dbUnavailable';
    case 'INTERNAL':
      return 'internal';
  }
}

export type TrpcCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function toTrpcCode(code: AppErrorCode): TrpcCode {
  switch (code) {
    case 'BUSY':
    case 'DB_UNAVAILABLE':
      return 'SERVICE_UNAVAILABLE';
    case 'INTERNAL':
      return 'INTERNAL_SERVER_ERROR';
    default:
      return code;
  }
}

export function toHttpStatus(code: AppErrorCode): number {
  const map: Record<AppErrorCode, number> = {
    BAD_REQUEST: 400,
    UNAUTHORIZED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    PRECONDITION_FAILED: 412,
    TOO_MANY_REQUESTS: 429,
    BUSY: 503,
    PAYLOAD_TOO_LARGE: 413,
    DB_UNAVAILABLE: 503,
    INTERNAL: 500,
  };
  return map[code];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
