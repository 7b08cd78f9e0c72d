import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from './credit-code';

describe('unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', null],
    ['911100001000000059', null],
    ['91330624MA2BAB1X1B', null],
    [' 91350100m000100y43 ', null],
    ['91350100M000100Y44', 'checkCharacter'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000100I43', 'character'],
    ['9135010OM000100Y43', 'character'],
  ])('%s → %s', (code, problem) => {
    expect(checkCreditCode(code)).toBe(problem);
  });

  it('computes the check character that makes a code valid', () => {
    const body = '91330624MA2BAB1X1';
    const code = body + creditCodeCheckCharacter(body);
    expect(checkCreditCode(code)).toBeNull();
  });

  it('maps a remainder of 0 to the character 0', () => {
    // brute-force a body whose weighted sum is a multiple of 31
    const body = '00000000000000000';
    expect(creditCodeCheckCharacter(body)).toBe('0');
  });
});
