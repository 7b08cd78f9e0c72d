import type { PickableMachine } from './plan-editor';

type Row = {
  id: string;
  assetTag: string;
  kind: string;
  controlType: string;
  status: string;
  line: { name: string; workshop: { name: string; site: { name: string } } } | null;
};

export function pickable(rows: Row[], kindName: (k: string) => string): PickableMachine[] {
  return rows.map((m) => ({
    id: m.id,
    assetTag: m.assetTag,
    kindLabel: kindName(m.kind),
    controlType: m.controlType,
    status: m.status,
    location: m.line ? `${m.line.workshop.site.name} / ${m.line.workshop.name} / ${m.line.name}` : '',
    workshop: m.line ? `${m.line.workshop.site.name} / ${m.line.workshop.name}` : '',
  }));
}
