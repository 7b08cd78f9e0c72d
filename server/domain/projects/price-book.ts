/**
 * An integrator's price book (versioned elsewhere) and the rules, as data, that say which kit a machine needs from
 * its control type: a manual or relay machine needs a data-collection terminal with sensors; a PLC or CNC machine a
 * protocol gateway that reads its controller. Money is integer fen.
 */
import { z } from 'zod';
import { fenSchema, moneyLimits } from '../inputs/bounds';
import { costCategories, moduleCodes, priceUnits } from './codes';

export { type CostCategory, costCategories, type ModuleCode, moduleCodes, type PriceUnit, priceUnits } from './codes';

const fen = fenSchema(moneyLimits.unitPriceFen);

export const priceBookItem = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/),
  category: z.enum(costCategories),
  unit: z.enum(priceUnits),
  unitPriceFen: fen,
  /** The software module this item belongs to (software is priced per machine per year). */
  module: z.enum(moduleCodes).nullable(),
});
export type PriceBookItem = z.infer<typeof priceBookItem>;

/** Per control type, the hardware items (with quantity per machine) a machine needs to be connected. */
export const kitRules = z.record(
  z.enum(['MANUAL', 'RELAY', 'PLC', 'CNC', 'OTHER']),
  z.array(z.object({ item: z.string().max(41), quantity: z.number().int().min(1).max(20) })).max(50),
);
export type KitRules = z.infer<typeof kitRules>;

export const priceBook = z.object({ items: z.array(priceBookItem).min(1).max(500), kits: kitRules });
export type PriceBook = z.infer<typeof priceBook>;

const y = (yuan: number) => BigInt(Math.round(yuan * 100));

/** A realistic default (2026 prices; about ¥2,600–2,900 per machine, as in the sources). */
export const defaultPriceBook: PriceBook = {
  items: [
    { code: 'DATA_TERMINAL', category: 'HARDWARE', unit: 'PER_MACHINE', unitPriceFen: y(1200), module: null },
    { code: 'PROTOCOL_GATEWAY', category: 'HARDWARE', unit: 'PER_MACHINE', unitPriceFen: y(1500), module: null },
    { code: 'SENSOR_CURRENT', category: 'HARDWARE', unit: 'PER_MACHINE', unitPriceFen: y(260), module: null },
    { code: 'SENSOR_COUNTER', category: 'HARDWARE', unit: 'PER_MACHINE', unitPriceFen: y(180), module: null },
    { code: 'SENSOR_TEMPERATURE', category: 'HARDWARE', unit: 'PER_MACHINE', unitPriceFen: y(220), module: null },
    { code: 'INSTALLATION', category: 'INSTALLATION', unit: 'PER_MACHINE', unitPriceFen: y(450), module: null },
    { code: 'SW_MACHINE_MONITORING', category: 'SOFTWARE', unit: 'PER_MACHINE_YEAR', unitPriceFen: y(180), module: 'MACHINE_MONITORING' },
    { code: 'SW_PRODUCTION_MANAGEMENT', category: 'SOFTWARE', unit: 'PER_MACHINE_YEAR', unitPriceFen: y(300), module: 'PRODUCTION_MANAGEMENT' },
    { code: 'SW_SPC_QUALITY', category: 'SOFTWARE', unit: 'PER_MACHINE_YEAR', unitPriceFen: y(240), module: 'SPC_QUALITY' },
    { code: 'TRAINING_DAY', category: 'TRAINING', unit: 'PER_DAY', unitPriceFen: y(2000), module: null },
  ],
  kits: {
    MANUAL: [
      { item: 'DATA_TERMINAL', quantity: 1 },
      { item: 'SENSOR_CURRENT', quantity: 1 },
      { item: 'SENSOR_COUNTER', quantity: 1 },
    ],
    RELAY: [
      { item: 'DATA_TERMINAL', quantity: 1 },
      { item: 'SENSOR_CURRENT', quantity: 1 },
      { item: 'SENSOR_COUNTER', quantity: 1 },
    ],
    PLC: [{ item: 'PROTOCOL_GATEWAY', quantity: 1 }],
    CNC: [{ item: 'PROTOCOL_GATEWAY', quantity: 1 }],
    OTHER: [
      { item: 'DATA_TERMINAL', quantity: 1 },
      { item: 'SENSOR_CURRENT', quantity: 1 },
    ],
  },
};
