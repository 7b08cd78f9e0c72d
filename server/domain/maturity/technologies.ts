import type { Component } from './code';

/**
 * The evidence checklist of an assessment: the technologies of Table 1 of the case-study paper, each
 * filed under the component and level whose description names it. Codes are stable (they are stored
 * with assessments); labels live in the message catalogue, one per code in `technologyCodes`.
 */
export type EvidenceLevel = 1 | 2;
export type Technology = { code: TechnologyCode; component: Component; level: EvidenceLevel };

export const technologyCodes = [
  // D1 — digitalization in production equipment, design and/or production management
  'PLC',
  'DCS',
  'SCADA',
  'ERP',
  'OA',
  'MES',
  'WMS',
  'SCM',
  'CRM',
  'CAD_CAE',
  'VISUALIZED_PRODUCTION',
  // D2 — firm-level digitalization strategy, digitalized production management, digital twins, integration
  'DIGITAL_STRATEGY',
  'DIGITALIZED_PRODUCTION_MANAGEMENT',
  'DIGITAL_TWIN',
  'INTEGRATED_PRODUCTION',
  // N1 — network-enabled product, production and/or service
  'NETWORK_ENABLED_PRODUCTION',
  'SUPPLY_CHAIN_INTEGRATION',
  'DESIGN_PRODUCTION_PLATFORM',
  'INTER_FIRM_COLLABORATION',
  'ONLINE_ORDERS',
  'INDUSTRIAL_INTERNET',
  'PREDICTIVE_MAINTENANCE',
  // N2 — networks used widely across products, production and services
  'IOT',
  'VERTICAL_HORIZONTAL_INTEGRATION',
  'ONLINE_PLATFORM_RESOURCE_ALLOCATION',
  'ONLINE_COLLABORATION',
  'ONLINE_CUSTOMER_SERVICE',
  'ENGINEERING_SERVICES',
  // I1 — learning and reasoning introduced in products, production and/or services
  'DEEP_LEARNING',
  'REINFORCEMENT_LEARNING',
  'TRANSFER_LEARNING',
  'BIG_DATA',
  'HUMAN_MACHINE_HYBRID',
  'AI_OPTIMIZATION',
  'AI_PREDICTIVE_MAINTENANCE',
  'REMOTE_MAINTENANCE',
  // I2 — the production system itself learns
  'SELF_LEARNING_PRODUCTION_SYSTEM',
  'KNOWLEDGE_CREATION',
  'AUTONOMOUS_PRODUCTION',
] as const;
export type TechnologyCode = (typeof technologyCodes)[number];

function entries(component: Component, level: EvidenceLevel, codes: readonly TechnologyCode[]): Technology[] {
  return codes.map((code) => ({ code, component, level }));
}

/** The catalogue in checklist order: D1, D2, N1, N2, I1, I2. */
export const technologies: readonly Technology[] = [
  ...entries('D', 1, ['PLC', 'DCS', 'SCADA', 'ERP', 'OA', 'MES', 'WMS', 'SCM', 'CRM', 'CAD_CAE', 'VISUALIZED_PRODUCTION']),
  ...entries('D', 2, ['DIGITAL_STRATEGY', 'DIGITALIZED_PRODUCTION_MANAGEMENT', 'DIGITAL_TWIN', 'INTEGRATED_PRODUCTION']),
  ...entries('N', 1, [
    'NETWORK_ENABLED_PRODUCTION',
    'SUPPLY_CHAIN_INTEGRATION',
    'DESIGN_PRODUCTION_PLATFORM',
    'INTER_FIRM_COLLABORATION',
    'ONLINE_ORDERS',
    'INDUSTRIAL_INTERNET',
    'PREDICTIVE_MAINTENANCE',
  ]),
  ...entries('N', 2, [
    'IOT',
    'VERTICAL_HORIZONTAL_INTEGRATION',
    'ONLINE_PLATFORM_RESOURCE_ALLOCATION',
    'ONLINE_COLLABORATION',
    'ONLINE_CUSTOMER_SERVICE',
    'ENGINEERING_SERVICES',
  ]),
  ...entries('I', 1, [
    'DEEP_LEARNING',
    'REINFORCEMENT_LEARNING',
    'TRANSFER_LEARNING',
    'BIG_DATA',
    'HUMAN_MACHINE_HYBRID',
    'AI_OPTIMIZATION',
    'AI_PREDICTIVE_MAINTENANCE',
    'REMOTE_MAINTENANCE',
  ]),
  ...entries('I', 2, ['SELF_LEARNING_PRODUCTION_SYSTEM', 'KNOWLEDGE_CREATION', 'AUTONOMOUS_PRODUCTION']),
];

const byCode: ReadonlyMap<string, Technology> = new Map(technologies.map((t) => [t.code, t]));

export function isTechnologyCode(code: string): code is TechnologyCode {
  return byCode.has(code);
}

/** The catalogue entry of a code, or undefined when the code is not in the catalogue. */
export function findTechnology(code: string): Technology | undefined {
  return byCode.get(code);
}

/** Catalogue entries of one component (and optionally one level), in checklist order. */
export function technologiesOf(component: Component, level?: EvidenceLevel): Technology[] {
  return technologies.filter((t) => t.component === component && (level === undefined || t.level === level));
}

/** Codes of a list that are not in the catalogue, each once, in first-seen order. */
export function unknownTechnologyCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((code) => !byCode.has(code)))];
}
