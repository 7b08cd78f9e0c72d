import { TRPCError } from '@trpc/server';
import { type core, ZodError } from 'zod';
import { busyRetryAfterSeconds, databaseAppError } from '../db/errors';
import { AppError, toHttpStatus, toTrpcCode } from '../domain/errors/app-error';
import type { AppLocale } from '../i18n/locales';
import { errorMessage, isValidationKey, validationMessage } from '../i18n/messages';

/** Prisma's own error codes that mean something to a user (contention is mapped in server/db/errors.ts). */
function prismaAppError(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'P2025') return new AppError('NOT_FOUND');
  if (code === 'P2002') return new AppError('CONFLICT');
  return null;
}

/** The one mapping from anything thrown to an AppError (null: let tRPC handle it as is). */
export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof TRPCError) {
    if (e.cause && !(e.cause instanceof ZodError)) return toAppError(e.cause);
    return null;
  }
  return databaseAppError(e) ?? prismaAppError(e);
}

/** Headers that go with a failure: BUSY tells the client when to retry (every transport sets them from here). */
export function failureHeaders(app: AppError | null): Record<string, string> {
  return app?.code === 'BUSY' ? { 'Retry-After': String(busyRetryAfterSeconds) } : {};
}

export function toTrpcError(e: AppError): TRPCError {
  return new TRPCError({ code: toTrpcCode(e.code), message: e.messageKey, cause: e });
}

function defaultKeyFor(code: TRPCError['code']): string {
  switch (code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
      return 'badRequest';
    case 'UNAUTHORIZED':
      return 'unauthorized';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'notFound';
    case 'CONFLICT':
      return 'conflict';
    case 'TOO_MANY_REQUESTS':
      return 'tooManyRequests';
    case 'PRECONDITION_FAILED':
      return 'preconditionFailed';
    // the transport's own refusals (a GET on a mutation, a body that is not JSON): the caller's mistake, said as such
    case 'METHOD_NOT_SUPPORTED':
      return 'methodNotAllowed';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'unsupportedMediaType';
    case 'UNPROCESSABLE_CONTENT':
    case 'NOT_IMPLEMENTED':
      return 'badRequest';
    default:
      return 'internal';
  }
}

const httpByTrpc: Partial<Record<TRPCError['code'], number>> = {
  PARSE_ERROR: 400,
  METHOD_NOT_SUPPORTED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  NOT_IMPLEMENTED: 501,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** The catalogue key (under "validation.") of one issue of an input schema: its own message, else one for its kind. */
export function issueKey(issue: core.$ZodIssue): string {
  if (isValidationKey(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : issue.origin === 'bigint' ? 'money' : 'range';
    case 'too_small':
      return issue.origin === 'string' ? 'required' : issue.origin === 'bigint' ? 'money' : 'range';
    case 'invalid_value':
    case 'invalid_union':
      return 'choice';
    case 'not_multiple_of':
      return 'number';
    default:
      return 'invalid';
  }
}

/** Each problem of an input: the field (a dotted path) and a message in the user's language. */
export function describeIssues(zod: ZodError, locale: AppLocale) {
  return zod.issues.map((i) => ({ path: i.path.map(String).join('.'), key: issueKey(i), message: validationMessage(locale, issueKey(i)) }));
}

/** The user-facing description of a failure, in the user's language (used for every transport). */
export function describeError(error: TRPCError, locale: AppLocale) {
  const app = error.cause instanceof AppError ? error.cause : null;
  const zod = error.cause instanceof ZodError ? error.cause : null;
  const messageKey = app?.messageKey ?? (zod ? 'invalidInput' : defaultKeyFor(error.code));
  const fieldErrors = zod ? describeIssues(zod, locale) : null;
  const first = fieldErrors?.[0];
  return {
    // an input problem names its first field and says what is wrong with it
    message: first
      ? errorMessage(locale, 'invalidInputAt', { field: first.path || '—', problem: first.message })
      : errorMessage(locale, messageKey, app?.params),
    messageKey,
    params: app?.params ?? null,
    appCode: app?.code ?? null,
    httpStatus: app
      ? toHttpStatus(app.code)
      : (httpByTrpc[error.code] ??
        (error.code === 'BAD_REQUEST'
          ? 400
          : error.code === 'NOT_FOUND'
            ? 404
            : error.code === 'FORBIDDEN'
              ? 403
              : error.code === 'UNAUTHORIZED'
                ? 401
                : error.code === 'CONFLICT'
                  ? 409
                  : 500)),
    fieldErrors,
  };
}
