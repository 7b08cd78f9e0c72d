/**
 * Contention is mapped in one place (server/db/errors.ts): however Prisma and the driver adapter wrap a transaction
 * that could not get its turn, the user gets BUSY — 503 with Retry-After and a message in their language — never 500.
 */
import { describe, expect, it } from 'vitest';
import { describeError, failureHeaders, toAppError, toTrpcError } from '../trpc/errors';
import { busyRetryAfterSeconds, contentionAppError } from './errors';
import { Prisma } from './generated/client';

const known = (code: string, message: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: '7.10.0', meta });
/** What the driver adapter throws for a PostgreSQL error (its `cause` carries the SQLSTATE as originalCode). */
const adapterError = (sqlstate: string, message: string) =>
  Object.assign(new Error(message), { name: 'DriverAdapterError', cause: { kind: 'postgres', originalCode: sqlstate, originalMessage: message } });

const busy: [string, unknown][] = [
  ['P2028 cannot start a transaction in time', known('P2028', 'Transaction API error: Unable to start a transaction in the given time.')],
  ['P2028 expired transaction', known('P2028', 'Transaction API error: A commit cannot be executed on an expired transaction.')],
  ['P2034 write conflict or deadlock', known('P2034', 'Transaction failed due to a write conflict or a deadlock. Please retry your transaction')],
  ['P2037 too many connections', known('P2037', 'Too many database connections opened')],
  ['raw SQL serialization failure (P2010 40001)', known('P2010', 'Raw query failed. Code: `40001`', { driverAdapterError: adapterError('40001', 'x') })],
  ['raw SQL deadlock (P2010 40P01)', known('P2010', 'Raw query failed. Code: `40P01`', { driverAdapterError: adapterError('40P01', 'x') })],
  ['lock timeout (P2039 55P03)', known('P2039', 'Database error. Code: `55P03`', { driverAdapterError: adapterError('55P03', 'x') })],
  ['statement timeout (57014)', adapterError('57014', 'canceling statement due to statement timeout')],
  ['too many clients (53300)', adapterError('53300', 'sorry, too many clients already')],
  ['bare message of the transaction manager', new Error('Unable to start a transaction in the given time.')],
  ['wrapped as a cause', Object.assign(new Error('outer'), { cause: adapterError('40001', 'could not serialize access') })],
];

const notBusy: [string, unknown][] = [
  ['unique violation', known('P2002', 'Unique constraint failed')],
  ['record not found', known('P2025', 'No record was found')],
  ['foreign key violation (23503)', adapterError('23503', 'violates foreign key constraint')],
  ['a plain bug', new TypeError('x is undefined')],
];

describe('contention answers BUSY, in one place', () => {
  it.each(busy)('%s → BUSY', (_name, e) => {
    expect(contentionAppError(e)?.code).toBe('BUSY');
    const app = toAppError(e);
    expect(app?.code).toBe('BUSY');
    const trpc = toTrpcError(app as NonNullable<typeof app>);
    expect(trpc.code).toBe('SERVICE_UNAVAILABLE');
    const zh = describeError(trpc, 'zh-CN');
    const en = describeError(trpc, 'en');
    expect(zh.httpStatus).toBe(503);
    expect(zh.message).toBe('系统正忙，请稍候几秒再试。');
    expect(en.message).toMatch(/busy.*try again/i);
  });

  it.each(notBusy)('%s is not contention', (_name, e) => {
    expect(contentionAppError(e)).toBeNull();
    expect(toAppError(e)?.code).not.toBe('BUSY');
  });

  it('BUSY carries Retry-After (tRPC responses and route handlers take their headers from here); nothing else does', () => {
    expect(failureHeaders(toAppError(known('P2028', 'Unable to start a transaction in the given time.')))).toEqual({
      'Retry-After': String(busyRetryAfterSeconds),
    });
    expect(failureHeaders(toAppError(known('P2025', 'No record')))).toEqual({});
  });
});
