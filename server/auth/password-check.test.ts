import { beforeAll, describe, expect, it } from 'vitest';

let m: typeof import('./password-check');

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'unit-test-secret-unit-test-secret-0123456789';
  m = await import('./password-check');
});

describe('known-device cookie', () => {
  it('is recognised for its own account only, and not when tampered with', () => {
    const value = m.deviceCookieValue('Owner@Example.com', 'dev1');
    const name = m.deviceCookieName('owner@example.com');
    expect(m.knownDevice('owner@example.com', `a=b; ${name}=${value}`)).toBe('dev1');
    expect(m.knownDevice('other@example.com', `${m.deviceCookieName('other@example.com')}=${value}`)).toBeNull();
    expect(m.knownDevice('owner@example.com', `${name}=dev2.${value.split('.')[1]}`)).toBeNull();
    expect(m.knownDevice('owner@example.com', `${name}=garbage`)).toBeNull();
    expect(m.knownDevice('owner@example.com', null)).toBeNull();
  });

  it('names one cookie per account', () => {
    expect(m.deviceCookieName('a@example.com')).not.toBe(m.deviceCookieName('b@example.com'));
    expect(m.deviceCookieName('A@example.com ')).toBe(m.deviceCookieName('a@example.com'));
  });
});
