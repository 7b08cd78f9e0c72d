import { describe, expect, it } from 'vitest';
import { fenToCapital } from './capital';

describe('fenToCapital (大写)', () => {
  it.each([
    [8_414_000n, '人民币捌万肆仟壹佰肆拾元整'],
    [23_000_000n, '人民币贰拾叁万元整'],
    [1_001_001n, '人民币壹万零壹拾元零壹分'],
    [10_050n, '人民币壹佰元伍角整'],
    [5n, '人民币伍分'],
    [0n, '人民币零元整'],
  ])('%s fen → %s', (fen, text) => expect(fenToCapital(fen)).toBe(text));
});
