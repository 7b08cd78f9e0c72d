import { describe, expect, it } from 'vitest';
import { type ExistingMachine, lineKey, planImport } from './plan';
import type { MachineRow } from './validate';

const existing: ExistingMachine = {
  id: 'm1',
  assetTag: 'M-1',
  lineId: 'l1',
  kind: 'GRINDER',
  maker: 'A',
  model: 'X',
  year: 2015,
  controlType: 'PLC',
  networked: false,
  operatorsPerShift: 1,
  shiftsPerDay: 2,
  status: 'IN_SERVICE',
  notes: null,
};
const lines = new Map([[lineKey('一厂', '磨', 'L1'), 'l1']]);
const sites = new Set(['一厂']);
const workshops = new Set([JSON.stringify(['一厂', '磨'])]);
const same: MachineRow = {
  row: 2,
  assetTag: 'M-1',
  site: '一厂',
  workshop: '磨',
  line: 'L1',
  kind: 'GRINDER',
  maker: 'A',
  model: 'X',
  year: 2015,
  controlType: 'PLC',
  networked: false,
  operatorsPerShift: 1,
  shiftsPerDay: 2,
  status: 'IN_SERVICE',
  notes: null,
};

describe('planImport', () => {
  it('counts an identical row as unchanged (re-import changes nothing)', () => {
    const p = planImport([same], new Map([['M-1', existing]]), lines, sites, workshops);
    expect(p).toMatchObject({ creates: [], updates: [], unchanged: 1, newSites: [], newWorkshops: [], newLines: [] });
  });

  it('names the fields an update changes', () => {
    const p = planImport([{ ...same, status: 'RETIRED', year: 2016 }], new Map([['M-1', existing]]), lines, sites, workshops);
    expect(p.updates[0]?.changes).toEqual([
      { field: 'year', from: 2015, to: 2016 },
      { field: 'status', from: 'IN_SERVICE', to: 'RETIRED' },
    ]);
  });

  it('keeps fields whose column the file does not have', () => {
    const p = planImport([{ row: 2, assetTag: 'M-1', kind: 'GRINDER', controlType: 'PLC' }], new Map([['M-1', existing]]), lines, sites, workshops);
    expect(p.unchanged).toBe(1);
  });

  it('creates new machines with defaults and plans new factories, workshops and lines once', () => {
    const rows: MachineRow[] = [
      { row: 2, assetTag: 'N-1', site: '二厂', workshop: '热处理', line: 'H1', kind: 'WASHER', controlType: 'RELAY' },
      { row: 3, assetTag: 'N-2', site: '二厂', workshop: '热处理', line: 'H1', kind: 'WASHER', controlType: 'RELAY' },
      { row: 4, assetTag: 'N-3', site: '一厂', workshop: '磨', line: 'L2', kind: 'WASHER', controlType: 'RELAY' },
    ];
    const p = planImport(rows, new Map(), lines, sites, workshops);
    expect(p.creates).toHaveLength(3);
    expect(p.creates[0]?.fields).toMatchObject({ operatorsPerShift: 1, shiftsPerDay: 1, status: 'IN_SERVICE', networked: false, maker: null });
    expect(p.newSites).toEqual(['二厂']);
    expect(p.newWorkshops).toEqual([['二厂', '热处理']]);
    expect(p.newLines).toEqual([
      ['二厂', '热处理', 'H1'],
      ['一厂', '磨', 'L2'],
    ]);
  });

  it('moving a machine to a new line is an update', () => {
    const p = planImport([{ ...same, line: 'L9' }], new Map([['M-1', existing]]), lines, sites, workshops);
    expect(p.updates[0]?.changes).toEqual([{ field: 'lineId', from: 'l1', to: `new:${lineKey('一厂', '磨', 'L9')}` }]);
  });
});
