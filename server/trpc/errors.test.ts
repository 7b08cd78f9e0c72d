import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('the transport’s own refusals are said as what they are, in the user’s language', () => {
  it('a wrong HTTP method (GET on a mutation) is 405 "method not allowed", never "internal server error"', () => {
    const e = new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Unsupported GET-request to mutation procedure at path "terminals.rotate"' });
    const zh = describeError(e, 'zh-CN');
    const en = describeError(e, 'en');
    expect([zh.httpStatus, zh.messageKey]).toEqual([405, 'methodNotAllowed']);
    expect(zh.message).toContain('请求方式');
    expect(en.message).toMatch(/method .*not allowed/i);
    for (const d of [zh, en]) expect(d.message).not.toMatch(/内部错误|internal/i);
  });

  it('an unsupported content type is 415, a precondition 412-like refusal its own words', () => {
    expect(describeError(new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE' }), 'en')).toMatchObject({ httpStatus: 415, messageKey: 'unsupportedMediaType' });
    expect(describeError(new TRPCError({ code: 'PRECONDITION_FAILED' }), 'en').messageKey).toBe('preconditionFailed');
    expect(describeError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }), 'en')).toMatchObject({ httpStatus: 500, messageKey: 'internal' });
  });
});
