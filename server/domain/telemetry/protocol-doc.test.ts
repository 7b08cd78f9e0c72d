import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatch } from './batch';
import { ingestResults, parsePayload } from './payload';

/** The examples in docs/terminal-protocol.md are what the parser reads: a doc that drifts from the code fails here. */
const doc = readFileSync(path.join(import.meta.dirname, '../../../docs/terminal-protocol.md'), 'utf8');
const jsonBlocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => (m[1] as string).trim());
const published = [...doc.matchAll(/-m '(\{.*\})'/g)].map((m) => m[1] as string);
const posted = [...doc.matchAll(/-d '(\[[\s\S]*?\])'/g)].map((m) => m[1] as string);
const refused = [...doc.matchAll(/^\| `(\{"seq".*\})` \| `malformed`/gm)].map((m) => m[1] as string);

describe('docs/terminal-protocol.md', () => {
  it('has examples in both languages', () => {
    expect(jsonBlocks.length).toBeGreaterThanOrEqual(8);
    expect(published).toHaveLength(2);
    expect(posted).toHaveLength(2);
    expect(refused).toHaveLength(12);
  });
  it('every example payload is accepted', () => {
    for (const block of [...jsonBlocks, ...published]) {
      if (block.startsWith('[')) {
        const r = parseBatch(block, { gateway: true });
        expect(r.ok && r.items.every((i) => i.result.ok), block).toBe(true);
      } else expect(parsePayload(block).ok, block).toBe(true);
    }
    for (const body of posted) {
      const r = parseBatch(body, { gateway: false });
      expect(r.ok && r.items.every((i) => i.result.ok), body).toBe(true);
    }
  });
  it('every example said to be refused is refused', () => {
    for (const message of refused) expect(parsePayload(message).ok, message).toBe(false);
  });
  it('names every result code in both languages', () => {
    for (const code of ingestResults) expect(doc.match(new RegExp(`^\\| \`${code}\` \\|`, 'gm'))).toHaveLength(2);
  });
});
