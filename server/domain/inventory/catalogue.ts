/** Machine kinds and sectors the app knows by code; labels live in the message catalogue. */
export const machineKinds = [
  'LATHE',
  'CNC_LATHE',
  'GRINDER',
  'SUPERFINISHER',
  'MACHINING_CENTER',
  'PRESS',
  'FORGING',
  'HEAT_TREATMENT_FURNACE',
  'WASHER',
  'ASSEMBLY',
  'INSPECTION',
  'GEAR_HOBBER',
  'OTHER',
] as const;
export type MachineKind = (typeof machineKinds)[number];

export const sectors = ['BALL_BEARINGS', 'FIXTURES', 'GEARS', 'AUTO_PARTS', 'OTHER'] as const;
export type Sector = (typeof sectors)[number];

export const controlTypes = ['MANUAL', 'RELAY', 'PLC', 'CNC', 'OTHER'] as const;
export const machineStatuses = ['IN_SERVICE', 'IDLE', 'RETIRED'] as const;
