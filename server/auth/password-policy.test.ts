import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('wants at least 12 characters (counted as characters, not bytes) and at most 256', () => {
    expect(passwordProblem('short-pass1', 'a@b.c')).toBe('passwordTooShort');
    expect(passwordProblem('智改路径密码一二三四五六', 'a@b.c')).toBeNull();
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(157), 'a@b.c')).toBe('passwordTooLong');
  });

  it('refuses the passwords tried first, whatever their case, and one or two characters repeated', () => {
    expect(passwordProblem('Password1234', 'a@b.c')).toBe('passwordCommon');
    expect(passwordProblem('woaini1314520', 'a@b.c')).toBe('passwordCommon');
    expect(passwordProblem('retrofit-demo-2026', 'a@b.c')).toBe('passwordCommon');
    expect(passwordProblem('abababababab', 'a@b.c')).toBe('passwordCommon');
  });

  it('refuses the email or its name part inside the password', () => {
    expect(passwordProblem('wang.lei@xinchang.cn', 'Wang.Lei@xinchang.cn')).toBe('passwordLikeEmail');
    expect(passwordProblem('my-wang.lei-2026!', 'wang.lei@xinchang.cn')).toBe('passwordLikeEmail');
    expect(passwordProblem('lathe-spindle-humming', 'wang.lei@xinchang.cn')).toBeNull();
  });
});
