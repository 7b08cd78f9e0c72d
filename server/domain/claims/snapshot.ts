/**
 * What a claim carries to the county: taken from the integrator's tables at submission, frozen into the claim as
 * JSON, and parsed here wherever it is read (claim pages, the register, the county dashboard). The JSON keeps bigint
 * amounts as decimal strings; dates are Asia/Shanghai calendar days (YYYY-MM-DD).
 */
import { z } from 'zod';
import type { ClaimFacts } from '../funds/allowance';
import { usageEvidenceSchema } from '../results/usage';

const fenText = z.string().regex(/^-?\d+$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const assessment = z.object({ code: z.string(), level: z.number().int().nullable(), date: day }).nullable();

export const claimSnapshotSchema = z.object({
  sme: z.object({
    legalName: z.string(),
    legalNameEn: z.string().nullable(),
    creditCode: z.string().nullable(),
    sector: z.string(),
    clusters: z.array(z.string()),
  }),
  integrator: z.string(),
  project: z.object({
    number: z.string(),
    title: z.string(),
    /** The project's status when the snapshot was taken (absent in snapshots older than the claim life rules). */
    status: z.string().optional(),
    machines: z.number().int().min(0),
    budgetFen: fenText,
    target: z.string(),
    paybackMonths: z.number().nullable(),
    /** The facts of the one payback rule at filing, but the subsidy (which the claim's own decision moves). */
    payback: z
      .object({
        status: z.string(),
        quotedFen: fenText.nullable(),
        contractFen: fenText.nullable(),
        invoicedFen: fenText,
        expectedMonthlyFen: fenText,
        measuredFen: z.array(fenText),
      })
      .nullable()
      .optional(),
  }),
  facts: z.object({
    inServiceMachines: z.number().int().min(0),
    machinesAlreadyClaimed: z.number().int().min(0),
    machines: z.array(z.object({ assetTag: z.string(), costFen: fenText, kind: z.string().nullable().optional(), workshop: z.string().nullable().optional() })),
    /** Invoiced and paid eligible spend (what the share-of-spend rule counts). */
    paidSpendFen: fenText,
    /** Invoiced, not yet paid (shown, not counted). */
    unpaidSpendFen: fenText,
    levelReached: z.number().int().nullable(),
    contractDate: day.nullable(),
    completionDate: day.nullable(),
    batch: z.object({ name: z.string(), opensOn: day, closesOn: day, rateBp: z.number().int().nullable() }).nullable(),
    filedOn: day,
  }),
  assessments: z.object({ before: assessment, after: assessment }),
  /** "Really used" evidence at submission (absent in snapshots older than it). */
  usage: usageEvidenceSchema.nullable().optional(),
});
export type ClaimSnapshot = z.infer<typeof claimSnapshotSchema>;

/** The snapshot as stored JSON (bigint-free: amounts are already strings). */
export function parseClaimSnapshot(json: unknown): ClaimSnapshot {
  return claimSnapshotSchema.parse(json);
}

/** An older or partial snapshot read for display only (the dashboard of a long-lived fund): null when unreadable. */
export function readClaimSnapshot(json: unknown): ClaimSnapshot | null {
  const r = claimSnapshotSchema.safeParse(json);
  return r.success ? r.data : null;
}

/** The rule facts from a snapshot, with what other claims of the SME use at the moment of computing. */
export function factsFromSnapshot(s: ClaimSnapshot, current: { machinesAlreadyClaimed: number; alreadyGrantedFen: bigint; filedOn: string }): ClaimFacts {
  return {
    inServiceMachines: s.facts.inServiceMachines,
    machines: s.facts.machines.map((m) => ({ assetTag: m.assetTag, costFen: BigInt(m.costFen) })),
    paidAndInvoicedFen: BigInt(s.facts.paidSpendFen),
    invoicedUnpaidFen: BigInt(s.facts.unpaidSpendFen),
    levelReached: s.facts.levelReached,
    contractDate: s.facts.contractDate,
    completionDate: s.facts.completionDate,
    batch: s.facts.batch,
    usage: s.usage ?? null,
    machinesAlreadyClaimed: current.machinesAlreadyClaimed,
    alreadyGrantedFen: current.alreadyGrantedFen,
    filedOn: current.filedOn,
  };
}
