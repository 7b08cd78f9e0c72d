/**
 * Issue 15: a machine kind the catalogue does not know is the ledger's own word and is shown as that word everywhere
 * (the client overview's "by machine type" card showed "enums.machineKind.车床"). Every page names a stored kind
 * through kindLabel; a message key built from a stored kind elsewhere is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindLabel } from '@/components/machines/labels';
import zh from '@/messages/zh-CN.json';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [p] : [];
  });
}

const t = Object.assign((k: string) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], zh) as string, {
  has: (k: string) => typeof k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], zh) === 'string',
});

describe('machine kinds as the ledger writes them', () => {
  it('shows a known kind by its label and an unknown one as written', () => {
    expect(kindLabel(t, 'GRINDER')).toBe(zh.enums.machineKind.GRINDER);
    expect(kindLabel(t, '车床')).toBe('车床');
    expect(kindLabel(t, '双端面磨床')).toBe('双端面磨床');
  });

  it('builds no message key from a stored kind outside kindLabel', () => {
    const files = [...sources(path.join(process.cwd(), 'app')), ...sources(path.join(process.cwd(), 'components'))];
    const offenders = files.filter((f) => {
      if (f.endsWith(path.join('machines', 'labels.ts'))) return false;
      const src = fs.readFileSync(f, 'utf8');
      // the catalogue's own kinds (a pick list) may be worded by key; a stored kind may not
      const uses = src.match(/enums\.machineKind\.\$\{(\w+)[^}]*\}/g) ?? [];
      return uses.some((u) => !/machineKinds\.map\(\((\w+)\)/.test(src) || !src.includes(`machineKinds.map((${u.match(/\$\{(\w+)/)?.[1]})`));
    });
    expect(offenders.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });
});
