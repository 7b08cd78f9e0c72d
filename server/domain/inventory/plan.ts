/**
 * What an import will do: which rows create a machine, which update one (and which fields), which
 * leave it unchanged, and which factories, workshops and lines are new. Pure: the existing state is
 * passed in.
 */
import type { MachineRow } from './validate';

export type ExistingMachine = {
  id: string;
  assetTag: string;
  lineId: string | null;
  kind: string;
  maker: string | null;
  model: string | null;
  year: number | null;
  controlType: string;
  networked: boolean;
  operatorsPerShift: number;
  shiftsPerDay: number;
  status: string;
  notes: string | null;
};

/** Existing lines of the SME keyed by "site / workshop / line". */
export type LineKey = string;
export const lineKey = (site: string, workshop: string, line: string): LineKey => JSON.stringify([site, workshop, line]);

export type MachineFields = Omit<ExistingMachine, 'id' | 'assetTag'>;
export type FieldChange = { field: keyof MachineFields; from: unknown; to: unknown };

export type ImportPlan = {
  creates: { row: MachineRow; fields: MachineFields; lineKey: LineKey | null }[];
  updates: { row: MachineRow; id: string; fields: MachineFields; lineKey: LineKey | null; changes: FieldChange[] }[];
  unchanged: number;
  newSites: string[];
  newWorkshops: [string, string][];
  newLines: [string, string, string][];
};

const fieldOrder: (keyof MachineFields)[] = [
  'lineId',
  'kind',
  'maker',
  'model',
  'year',
  'controlType',
  'networked',
  'operatorsPerShift',
  'shiftsPerDay',
  'status',
  'notes',
];

/**
 * `existingLines` maps line keys to ids; `pendingLineId` stands for a line the commit will create
 * (so that a row moving to a new line counts as an update).
 */
export function planImport(
  rows: MachineRow[],
  existing: Map<string, ExistingMachine>,
  existingLines: Map<LineKey, string>,
  existingSites: Set<string>,
  existingWorkshops: Set<string>,
): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, newSites: [], newWorkshops: [], newLines: [] };
  const seenSites = new Set<string>();
  const seenWorkshops = new Set<string>();
  const seenLines = new Set<string>();
  for (const row of rows) {
    let key: LineKey | null = null;
    if (row.site && row.workshop && row.line) {
      key = lineKey(row.site, row.workshop, row.line);
      if (!existingSites.has(row.site) && !seenSites.has(row.site)) {
        seenSites.add(row.site);
        plan.newSites.push(row.site);
      }
      const wk = JSON.stringify([row.site, row.workshop]);
      if (!existingWorkshops.has(wk) && !seenWorkshops.has(wk)) {
        seenWorkshops.add(wk);
        plan.newWorkshops.push([row.site, row.workshop]);
      }
      if (!existingLines.has(key) && !seenLines.has(key)) {
        seenLines.add(key);
        plan.newLines.push([row.site, row.workshop, row.line]);
      }
    }
    const old = existing.get(row.assetTag);
    const lineId = key ? (existingLines.get(key) ?? `new:${key}`) : null;
    const pick = <K extends keyof MachineFields>(k: K, given: MachineFields[K] | undefined, fallback: MachineFields[K]): MachineFields[K] =>
      given !== undefined ? given : old ? old[k] : fallback;
    const fields: MachineFields = {
      lineId: row.site === undefined ? (old?.lineId ?? null) : lineId,
      kind: row.kind,
      maker: pick('maker', row.maker, null),
      model: pick('model', row.model, null),
      year: pick('year', row.year, null),
      controlType: row.controlType,
      networked: pick('networked', row.networked, false),
      operatorsPerShift: pick('operatorsPerShift', row.operatorsPerShift, 1),
      shiftsPerDay: pick('shiftsPerDay', row.shiftsPerDay, 1),
      status: pick('status', row.status, 'IN_SERVICE'),
      notes: pick('notes', row.notes, null),
    };
    if (!old) {
      plan.creates.push({ row, fields, lineKey: row.site === undefined ? null : key });
      continue;
    }
    const changes: FieldChange[] = [];
    for (const f of fieldOrder) if (old[f] !== fields[f]) changes.push({ field: f, from: old[f], to: fields[f] });
    if (changes.length) plan.updates.push({ row, id: old.id, fields, lineKey: row.site === undefined ? null : key, changes });
    else plan.unchanged++;
  }
  return plan;
}
