/**
 * Issue 14, item 10: a Latin-1 CSV was imported as GB18030 without a word ("Müller" → "M黮ler"). Now the preview says
 * the encoding is a guess, shows the decoded sample, and the commit uses the encoding the user chose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let w: TenantWorld;
let engineer: Caller;
let smeId: string;

// every character below U+0100, one byte each: what a Western Excel or an old ERP writes as "ANSI"
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const file = latin1('Asset tag,Kind,Control type,Maker\r\nLAT-1,Grinder,PLC,Müller Maschinenbau\r\nLAT-2,Lathe,CNC,Böhringer\r\n');

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Enc'), { machinesPerSme: 0 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  smeId = w.smes[0]?.id as string;
});
afterAll(() => t.close());

describe(`CSV encoding (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('previews a Latin-1 file as a guess with its decoded sample, never as Chinese mojibake', async () => {
    const p = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'latin1.csv', bytes: file });
    expect(p).toMatchObject({ encoding: 'windows-1252', encodingCertain: false, dataRows: 2, issueCount: 0 });
    expect(p.sample.join('\n')).toContain('Müller Maschinenbau');
    expect(p.sample.join('\n')).not.toContain('黮');
  });

  it('re-previews with the encoding the user picked, and commits with it', async () => {
    const asGb = await engineer.inventory.previewImport({ smeClientId: smeId, fileName: 'latin1.csv', bytes: file, encoding: 'gb18030' });
    expect(asGb).toMatchObject({ encoding: 'gb18030', encodingCertain: true });
    expect(asGb.sample.join('\n')).toContain('M黮ler'); // the user sees what their choice does
    const done = await engineer.inventory.commitImport({ smeClientId: smeId, fileName: 'latin1.csv', bytes: file, encoding: 'windows-1252' });
    expect(done).toMatchObject({ created: 2 });
    const makers = await t.db.machine.findMany({
      where: { smeClientId: smeId, assetTag: { in: ['LAT-1', 'LAT-2'] } },
      select: { maker: true },
      orderBy: { assetTag: 'asc' },
    });
    expect(makers.map((m) => m.maker)).toEqual(['Müller Maschinenbau', 'Böhringer']);
  });

  it('takes a UTF-8 file as certain (no choice shown)', async () => {
    const p = await engineer.inventory.previewImport({
      smeClientId: smeId,
      fileName: 'utf8.csv',
      bytes: new TextEncoder().encode('Asset tag,Kind\r\nU-1,Grinder\r\n'),
    });
    expect(p).toMatchObject({ encoding: 'utf-8', encodingCertain: true, sample: [] });
  });

  it('the assessments import carries the same guess', async () => {
    const p = await engineer.assessments.previewImport({ fileName: 'a.csv', bytes: latin1('SME,Date\r\nMüller GmbH,2024-01-01\r\n') });
    expect(p).toMatchObject({ encoding: 'windows-1252', encodingCertain: false });
    expect(p.sample[1]).toBe('Müller GmbH,2024-01-01');
  });
});
