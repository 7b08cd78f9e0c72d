/**
 * What an audit row is about, in words: the object's kind, its name as people know it (a claim's number and firm, a
 * machine's asset tag, a person's name) and where it lives in the app. Read in one query per kind of object, through
 * the caller's tenant gate, so a name the reader may not see is not shown.
 */
import type { ScopedDb } from '../../db/scoped';
import { parseClaimSnapshot } from '../../domain/claims/snapshot';

export type AuditObject = { kind: string; label: string; href: string | null };

type Ref = { entity: string; entityId: string };
type Found = [id: string, label: string, href: string | null];

function firmOf(snapshot: unknown): string {
  try {
    return parseClaimSnapshot(snapshot).sme.legalName;
  } catch {
    return '—';
  }
}

/** How each kind of object is named, read for a list of ids. */
const namers: Record<string, (db: ScopedDb, ids: string[]) => Promise<Found[]>> = {
  // the firm's name from the claim's own snapshot: a county may read the claim but not the integrator's SME rows
  Claim: async (db, ids) =>
    (await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, snapshot: true } })).map((r) => [
      r.id,
      `${r.number} · ${firmOf(r.snapshot)}`,
      `/claims/${r.id}`,
    ]),
  Project: async (db, ids) =>
    (
      await db.project.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true, smeClient: { select: { legalName: true } } } })
    ).map((r) => [r.id, `${r.number} ${r.title} · ${r.smeClient.legalName}`, `/projects/${r.id}`]),
  Machine: async (db, ids) =>
    (await db.machine.findMany({ where: { id: { in: ids } }, select: { id: true, assetTag: true, smeClient: { select: { legalName: true } } } })).map((r) => [
      r.id,
      `${r.assetTag} · ${r.smeClient.legalName}`,
      `/machines/${r.id}`,
    ]),
  SmeClient: async (db, ids) =>
    (await db.smeClient.findMany({ where: { id: { in: ids } }, select: { id: true, legalName: true } })).map((r) => [r.id, r.legalName, `/clients/${r.id}`]),
  Cluster: async (db, ids) =>
    (await db.cluster.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [r.id, r.name, `/clusters/${r.id}`]),
  Fund: async (db, ids) =>
    (await db.fund.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [r.id, r.name, `/funds/${r.id}`]),
  Assessment: async (db, ids) =>
    (await db.assessment.findMany({ where: { id: { in: ids } }, select: { id: true, smeClient: { select: { legalName: true } } } })).map((r) => [
      r.id,
      r.smeClient.legalName,
      `/assessments/${r.id}`,
    ]),
  User: async (db, ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })).map((r) => [r.id, `${r.name} (${r.email})`, null]),
  Invitation: async (db, ids) =>
    (await db.invitation.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((r) => [r.id, r.email, null]),
  PriceBookVersion: async (db, ids) =>
    (await db.priceBookVersion.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } })).map((r) => [
      r.id,
      `v${r.version}`,
      '/settings/price-book',
    ]),
  Integrator: async (db, ids) =>
    (await db.integrator.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [r.id, r.name, null]),
};

/** The kinds of object the audit log can name (the filter's choices). */
export const auditObjectKinds = Object.keys(namers);

/** Object of each audit row, keyed `${entity}:${entityId}`; an object that no longer exists (or is out of sight) is absent. */
export async function auditObjects(db: ScopedDb, refs: Ref[]): Promise<Map<string, AuditObject>> {
  const byKind = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!(r.entity in namers)) continue;
    const set = byKind.get(r.entity) ?? new Set<string>();
    set.add(r.entityId);
    byKind.set(r.entity, set);
  }
  const found = await Promise.all(
    [...byKind].map(async ([kind, ids]) =>
      ((await namers[kind]?.(db, [...ids])) ?? []).map(([id, label, href]) => [`${kind}:${id}`, { kind, label, href }] as const),
    ),
  );
  return new Map(found.flat());
}
