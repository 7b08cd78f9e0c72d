/**
 * Input schemas shared by the forms (react-hook-form's zod resolver) and the procedures. Error
 * messages are catalogue keys under "validation.", worded in the user's language by the UI.
 */
import { z } from 'zod';
import { idSchema } from '../inputs/bounds';
import { optionalSafeText, safeText } from '../inputs/safe-text';
import { controlTypes, machineStatuses, sectors } from '../inventory/catalogue';
import { checkCreditCode } from './credit-code';

const text = (max: number) => safeText(max);
const optionalText = (max: number) => optionalSafeText(max);
const optionalInt = (min: number, max: number) =>
  z
    .union([z.number(), z.nan(), z.null()])
    .optional()
    .transform((v) => (typeof v === 'number' && !Number.isNaN(v) ? v : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= min && v <= max), 'range');

export const contactInput = z.object({ name: text(50), phone: optionalText(30), role: optionalText(50) });

export const clientInput = z.object({
  legalName: text(100),
  legalNameEn: optionalText(150),
  creditCode: z
    .string()
    .trim()
    .min(1, 'required')
    .refine((v) => checkCreditCode(v) === null, 'creditCode'),
  county: text(50),
  sector: z.enum(sectors),
  headcount: optionalInt(0, 1_000_000),
  clusterIds: z.array(idSchema).max(50),
  contacts: z.array(contactInput).max(20),
});
export type ClientFormValues = z.input<typeof clientInput>;

export const clusterInput = z.object({ name: text(60), nameEn: optionalText(100), county: text(50), sector: z.enum(sectors) });

export const machineInput = z
  .object({
    assetTag: text(64),
    kind: text(100),
    maker: optionalText(100),
    model: optionalText(100),
    year: optionalInt(1900, 2100),
    controlType: z.enum(controlTypes),
    networked: z.boolean(),
    operatorsPerShift: z.number({ error: 'number' }).int('number').min(0, 'range').max(50, 'range'),
    shiftsPerDay: z.number({ error: 'number' }).int('number').min(0, 'range').max(4, 'range'),
    /** Seconds per part at the ideal rate (OEE's performance), up to a day, to the millisecond; absent: no OEE. */
    idealCycleS: z
      .number({ error: 'decimal' })
      .positive('range')
      .max(86_400, 'range')
      .refine((n) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, 'decimal')
      .nullish(),
    status: z.enum(machineStatuses),
    notes: optionalSafeText(1000, { multiLine: true }),
    site: optionalText(100),
    workshop: optionalText(100),
    line: optionalText(100),
  })
  .superRefine((v, ctx) => {
    const given = [v.site, v.workshop, v.line].filter(Boolean).length;
    if (given > 0 && given < 3) ctx.addIssue({ code: 'custom', path: [v.site ? (v.workshop ? 'line' : 'workshop') : 'site'], message: 'hierarchy' });
  });
export type MachineFormValues = z.input<typeof machineInput>;
