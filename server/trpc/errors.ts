import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { databaseAppError } from '../db/errors';
import { AppError, toTrpcCode } from '../domain/errors/app-error';

/** Prisma's own error codes that mean something to a user. */
function prismaAppError(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'P2025') return new AppError('NOT_FOUND');
  if (code === 'P2002') return new AppError('CONFLICT');
  if (code === 'P2034') return new AppError('CONFLICT');
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

export function toTrpcError(e: AppError): TRPCError {
  return new TRPCError({ code: toTrpcCode(e.code), message: e.messageKey, cause: e });
}
