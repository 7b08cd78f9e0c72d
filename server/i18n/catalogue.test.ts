import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { machineKinds, sectors } from '../domain/inventory/catalogue';
import { technologyCodes } from '../domain/maturity/technologies';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('message catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('label every technology of the checklist, machine kind and sector', () => {
    for (const cat of [zh, en]) {
      for (const c of technologyCodes) expect(cat.technologies).toHaveProperty(c);
      for (const k of machineKinds) expect(cat.enums.machineKind).toHaveProperty(k);
      for (const s of sectors) expect(cat.enums.sector).toHaveProperty(s);
    }
  });
});
