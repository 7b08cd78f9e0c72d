import { describe, expect, it } from 'vitest';
import { technologyCodeSchema } from './schemas';
import { findTechnology, isTechnologyCode, technologies, technologiesOf, technologyCodes, unknownTechnologyCodes } from './technologies';

describe('technology catalogue (Table 1)', () => {
  it('lists every code once, in the same order as the catalogue', () => {
    expect(new Set(technologyCodes).size).toBe(technologyCodes.length);
    expect(technologies.map((t) => t.code)).toEqual([...technologyCodes]);
  });

  it('uses stable upper-snake-case codes', () => {
    for (const code of technologyCodes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it.each([
    ['D', 1, ['PLC', 'DCS', 'SCADA', 'ERP', 'OA', 'MES', 'WMS', 'SCM', 'CRM', 'CAD_CAE', 'VISUALIZED_PRODUCTION']],
    ['D', 2, ['DIGITAL_STRATEGY', 'DIGITALIZED_PRODUCTION_MANAGEMENT', 'DIGITAL_TWIN', 'INTEGRATED_PRODUCTION']],
    [
      'N',
      1,
      [
        'NETWORK_ENABLED_PRODUCTION',
        'SUPPLY_CHAIN_INTEGRATION',
        'DESIGN_PRODUCTION_PLATFORM',
        'INTER_FIRM_COLLABORATION',
        'ONLINE_ORDERS',
        'INDUSTRIAL_INTERNET',
        'PREDICTIVE_MAINTENANCE',
      ],
    ],
    [
      'N',
      2,
      [
        'IOT',
        'VERTICAL_HORIZONTAL_INTEGRATION',
        'ONLINE_PLATFORM_RESOURCE_ALLOCATION',
        'ONLINE_COLLABORATION',
        'ONLINE_CUSTOMER_SERVICE',
        'ENGINEERING_SERVICES',
      ],
    ],
    [
      'I',
      1,
      [
        'DEEP_LEARNING',
        'REINFORCEMENT_LEARNING',
        'TRANSFER_LEARNING',
        'BIG_DATA',
        'HUMAN_MACHINE_HYBRID',
        'AI_OPTIMIZATION',
        'AI_PREDICTIVE_MAINTENANCE',
        'REMOTE_MAINTENANCE',
      ],
    ],
    ['I', 2, ['SELF_LEARNING_PRODUCTION_SYSTEM', 'KNOWLEDGE_CREATION', 'AUTONOMOUS_PRODUCTION']],
  ] as const)('%s%s evidence', (component, level, codes) => {
    expect(technologiesOf(component, level).map((t) => t.code)).toEqual(codes);
  });

  it('has evidence at both levels of every component', () => {
    for (const component of ['D', 'N', 'I'] as const) {
      expect(technologiesOf(component, 1).length).toBeGreaterThan(0);
      expect(technologiesOf(component, 2).length).toBeGreaterThanOrEqual(2);
      expect(technologiesOf(component).length).toBe(technologiesOf(component, 1).length + technologiesOf(component, 2).length);
    }
  });

  it.each([
    ['PLC', { code: 'PLC', component: 'D', level: 1 }],
    ['DIGITAL_TWIN', { code: 'DIGITAL_TWIN', component: 'D', level: 2 }],
    ['PREDICTIVE_MAINTENANCE', { code: 'PREDICTIVE_MAINTENANCE', component: 'N', level: 1 }],
    ['IOT', { code: 'IOT', component: 'N', level: 2 }],
    ['AI_PREDICTIVE_MAINTENANCE', { code: 'AI_PREDICTIVE_MAINTENANCE', component: 'I', level: 1 }],
    ['SELF_LEARNING_PRODUCTION_SYSTEM', { code: 'SELF_LEARNING_PRODUCTION_SYSTEM', component: 'I', level: 2 }],
    ['plc', undefined],
    ['BLOCKCHAIN', undefined],
    ['', undefined],
  ])('finds %j', (code, entry) => {
    expect(findTechnology(code)).toEqual(entry);
    expect(isTechnologyCode(code)).toBe(entry !== undefined);
    expect(technologyCodeSchema.safeParse(code).success).toBe(entry !== undefined);
  });

  it('names unknown codes once each, in first-seen order', () => {
    expect(unknownTechnologyCodes(['PLC', 'X', 'IOT', 'Y', 'X'])).toEqual(['X', 'Y']);
    expect(unknownTechnologyCodes([...technologyCodes])).toEqual([]);
    expect(unknownTechnologyCodes([])).toEqual([]);
  });
});
