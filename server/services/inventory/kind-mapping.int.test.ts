/**
 * Issue 15: machine kinds a ledger names its own way are listed per SME with their counts and mapped to catalogue
 * kinds in bulk, in one audited transaction with a history entry per machine; nobody else's machines are touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWorld, type TenantWorld } from '../../../prisma/seed/factories';
import { type Caller, callerAs } from '../../testing/caller';
import { openTestDb, type TestDb, uniqueTag } from '../../testing/db';

let t: TestDb;
let w: TenantWorld;
let other: TenantWorld;
let engineer: Caller;
let owner: Caller;
let stranger: Caller;
let smeId: string;

const csv = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  t = await openTestDb();
  w = await createTenantWorld(t.db, uniqueTag('Kinds'), { machinesPerSme: 2 });
  other = await createTenantWorld(t.db, uniqueTag('KindsB'), { machinesPerSme: 0 });
  engineer = await callerAs(t.db, w.users.engineer.id);
  owner = await callerAs(t.db, w.users.smeOwner.id, 'zh-CN');
  stranger = await callerAs(t.db, other.users.engineer.id);
  smeId = w.smes[0]?.id as string;
  const ledger = '设备编号,设备名称,控制方式\r\nK-1,双端面磨床,继电器\r\nK-2,双端面磨床,数控\r\nK-3,双端面磨床,PLC\r\nK-4,自动线,PLC\r\nK-5,磨床,PLC\r\n';
  await engineer.inventory.commitImport({ smeClientId: smeId, fileName: 'k.csv', bytes: csv(ledger) });
  // the same word in another tenant's SME is theirs
  await stranger.inventory.commitImport({
    smeClientId: other.smes[0]?.id as string,
    fileName: 'k.csv',
    bytes: csv('设备编号,设备名称,控制方式\r\nK-1,双端面磨床,继电器\r\n'),
  });
});
afterAll(() => t.close());

describe(`bulk mapping of unknown machine kinds (${process.env.TEST_DB ?? 'pglite'})`, () => {
  it('lists the ledger’s own words with their counts, most first, for staff and the SME owner alike', async () => {
    const want = [
      { kind: '双端面磨床', count: 3 },
      { kind: '自动线', count: 1 },
    ];
    expect(await engineer.inventory.unknownKinds({ smeClientId: smeId })).toEqual(want);
    expect(await owner.inventory.unknownKinds({ smeClientId: smeId })).toEqual(want);
  });

  it('maps every machine with a word in one step, with history and an audit entry', async () => {
    const r = await engineer.inventory.mapKinds({ smeClientId: smeId, mappings: [{ from: '双端面磨床', to: 'GRINDER' }] });
    expect(r).toEqual({ changed: 3 });
    const machines = await t.db.machine.findMany({
      where: { smeClientId: smeId, assetTag: { in: ['K-1', 'K-2', 'K-3', 'K-4'] } },
      orderBy: { assetTag: 'asc' },
    });
    expect(machines.map((m) => m.kind)).toEqual(['GRINDER', 'GRINDER', 'GRINDER', '自动线']);
    const history = await t.db.machineChange.findMany({ where: { smeClientId: smeId, source: 'KIND_MAP' } });
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.kind === 'UPDATE' && h.actorId === w.users.engineer.id)).toBe(true);
    expect(history[0]?.changes).toEqual({ kind: ['双端面磨床', 'GRINDER'] });
    const entry = await t.db.auditEvent.findFirst({ where: { action: 'machine.mapKinds', entityId: smeId } });
    expect(entry?.data).toEqual({ mappings: [{ from: '双端面磨床', to: 'GRINDER', machines: 3 }] });
    expect(await engineer.inventory.unknownKinds({ smeClientId: smeId })).toEqual([{ kind: '自动线', count: 1 }]);
    // another tenant's machine with the same word is as it was
    expect((await t.db.machine.findFirstOrThrow({ where: { smeClientId: other.smes[0]?.id, assetTag: 'K-1' } })).kind).toBe('双端面磨床');
  });

  it('refuses the SME owner, another tenant, catalogue kinds and unknown targets', async () => {
    const mapping = { smeClientId: smeId, mappings: [{ from: '自动线', to: 'ASSEMBLY' as const }] };
    await expect(owner.inventory.mapKinds(mapping)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(stranger.inventory.mapKinds(mapping)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stranger.inventory.unknownKinds({ smeClientId: smeId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engineer.inventory.mapKinds({ smeClientId: smeId, mappings: [{ from: 'GRINDER', to: 'LATHE' as never }] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(engineer.inventory.mapKinds({ smeClientId: smeId, mappings: [{ from: '自动线', to: 'NOT_A_KIND' as never }] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await t.db.machine.findFirstOrThrow({ where: { smeClientId: smeId, assetTag: 'K-4' } })).kind).toBe('自动线');
  });
});
