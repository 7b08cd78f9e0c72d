import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'unit-test-secret-unit-test-secret-0123456789';
});

describe('known-device cookie', async () => {
  const { deviceCookieName, deviceCookieValue, knownDevice } = await import('./password-check');

  it('is recognised for its own account only, and not when tampered with', () => {
    const value = deviceCookieValue('Owner@Example.com', 'dev1');
    const name = deviceCookieName('owner@example.com');
    expect(knownDevice('owner@example.com', `a=b; ${name}=${value}`)).toBe('dev1');
    expect(knownDevice('other@example.com', `${deviceCookieName('other@example.com')}=${value}`)).toBeNull();
    expect(knownDevice('owner@example.com', `${name}=dev2.${value.split('.')[1]}`)).toBeNull();
    expect(knownDevice('owner@example.com', `${name}=garbage`)).toBeNull();
    expect(knownDevice('owner@example.com', null)).toBeNull();
  });

  it('names one cookie per account', () => {
    expect(deviceCookieName('a@example.com')).not.toBe(deviceCookieName('b@example.com'));
    expect(deviceCookieName('A@example.com ')).toBe(deviceCookieName('a@example.com'));
  });
});
