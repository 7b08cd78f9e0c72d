import pino from 'pino';

/** Structured JSON logs; secrets are redacted wherever they appear in a logged object. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'retrofit-pathway' },
  redact: {
    paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'headers.cookie', 'headers.authorization', 'token', '*.token'],
    censor: '[redacted]',
  },
});

export type Logger = pino.Logger;

export function requestLogger(requestId: string, extra: Record<string, unknown> = {}): Logger {
  return log.child({ requestId, ...extra });
}
