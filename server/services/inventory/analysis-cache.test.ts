import { describe, expect, it } from 'vitest';
import { analysisKey, keepAnalysis, takeAnalysis } from './analysis-cache';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('the preview analyses kept for their commit', () => {
  it('keys by user, target, bytes and choices', () => {
    const base = { smeClientId: 's1', bytes: bytes('a,b') };
    const k = analysisKey('u1', base);
    expect(analysisKey('u1', { ...base })).toBe(k);
    expect(analysisKey('u2', base)).not.toBe(k);
    expect(analysisKey('u1', { ...base, smeClientId: 's2' })).not.toBe(k);
    expect(analysisKey('u1', { ...base, bytes: bytes('a,c') })).not.toBe(k);
    expect(analysisKey('u1', { ...base, mapping: { 颜色: null } })).not.toBe(k);
    expect(analysisKey('u1', { ...base, sheet: 'Sheet2' })).not.toBe(k);
  });

  it('gives an analysis once, with the fingerprint it was taken with', () => {
    keepAnalysis('k-once', 'f1', 10, { n: 1 });
    expect(takeAnalysis('k-once')).toEqual({ fingerprint: 'f1', value: { n: 1 } });
    expect(takeAnalysis('k-once')).toBeNull();
  });

  it('keeps at most four entries and 200,000 rows, pushing out the oldest; keeps nothing larger', () => {
    for (let i = 0; i < 6; i++) keepAnalysis(`k-${i}`, 'f', 10, i);
    expect(takeAnalysis('k-0')).toBeNull();
    expect(takeAnalysis('k-1')).toBeNull();
    expect(takeAnalysis('k-2')?.value).toBe(2);
    keepAnalysis('big-1', 'f', 150_000, 'b1');
    keepAnalysis('big-2', 'f', 150_000, 'b2');
    expect(takeAnalysis('big-1')).toBeNull();
    expect(takeAnalysis('big-2')?.value).toBe('b2');
    keepAnalysis('huge', 'f', 200_001, 'h');
    expect(takeAnalysis('huge')).toBeNull();
  });
});
