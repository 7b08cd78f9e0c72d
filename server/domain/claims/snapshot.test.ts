import { describe, expect, it } from 'vitest';
import { factsFromSnapshot, parseClaimSnapshot, readClaimSnapshot } from './snapshot';

const snapshot = {
  sme: { legalName: '万丰轴承', legalNameEn: null, creditCode: null, sector: 'BALL_BEARINGS', clusters: ['新昌轴承'] },
  integrator: '新昌精密智改',
  project: { number: 'P-1', title: 't', status: 'VERIFIED', machines: 2, budgetFen: '580000', target: 'D1N1', paybackMonths: 3.6 },
  facts: {
    inServiceMachines: 80,
    machinesAlreadyClaimed: 0,
    machines: [{ assetTag: 'A', costFen: '290000', kind: 'GRINDER', workshop: '磨加工车间' }],
    paidSpendFen: '100',
    unpaidSpendFen: '5',
    levelReached: 2,
    contractDate: '2026-03-02',
    completionDate: '2026-04-02',
    batch: null,
    filedOn: '2026-06-01',
  },
  assessments: { before: null, after: { code: 'D1N1', level: 2, date: '2026-04-10' } },
};

describe('the claim snapshot', () => {
  it('parses what submission writes and gives the rule facts in bigint fen', () => {
    const f = factsFromSnapshot(parseClaimSnapshot(snapshot), { machinesAlreadyClaimed: 1, alreadyGrantedFen: 7n, filedOn: '2026-06-02' });
    expect(f).toMatchObject({ paidAndInvoicedFen: 100n, invoicedUnpaidFen: 5n, machinesAlreadyClaimed: 1, alreadyGrantedFen: 7n, filedOn: '2026-06-02' });
    expect(f.machines).toEqual([{ assetTag: 'A', costFen: 290000n }]);
  });
  it('reads snapshots older than the project status and machine details', () => {
    const old = { ...snapshot, project: { ...snapshot.project, status: undefined }, facts: { ...snapshot.facts, machines: [{ assetTag: 'A', costFen: '1' }] } };
    expect(parseClaimSnapshot(old).project.status).toBeUndefined();
  });
  it.each([
    ['an amount that is not fen', { ...snapshot, project: { ...snapshot.project, budgetFen: '12.5' } }],
    ['a date that is not a calendar day', { ...snapshot, facts: { ...snapshot.facts, contractDate: '2026-03-02T00:00:00Z' } }],
    ['an empty object', {}],
  ])('refuses %s', (_n, bad) => {
    expect(() => parseClaimSnapshot(bad)).toThrow();
    expect(readClaimSnapshot(bad)).toBeNull();
  });
});
