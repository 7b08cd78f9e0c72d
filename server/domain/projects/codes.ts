/** The codes of cost lines, price units and software modules (without zod: the browser's plan editor imports them). */
export const costCategories = ['HARDWARE', 'INSTALLATION', 'SOFTWARE', 'TRAINING'] as const;
export type CostCategory = (typeof costCategories)[number];

/** How an item's quantity is counted. */
export const priceUnits = ['EACH', 'PER_MACHINE', 'PER_MACHINE_YEAR', 'PER_DAY'] as const;
export type PriceUnit = (typeof priceUnits)[number];

export const moduleCodes = ['DATA_COLLECTION', 'MACHINE_MONITORING', 'PRODUCTION_MANAGEMENT', 'SPC_QUALITY'] as const;
export type ModuleCode = (typeof moduleCodes)[number];
