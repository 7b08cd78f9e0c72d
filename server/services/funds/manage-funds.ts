/** A county's funds: rules as data (versioned), batches, evidence required, invitations of integrators. */
import type { Prisma, PrismaClient } from '../../db/generated/client';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import type { FundInput } from '../../domain/funds/fund-input';
import { fundRules } from '../../domain/funds/rules';
import { dateOnly } from '../../domain/time';

function check(input: FundInput) {
  if (input.periodEnd < input.periodStart) throw new AppError('BAD_REQUEST', 'fund.period');
  if (!fundRules.safeParse(input.rules).success) throw new AppError('BAD_REQUEST', 'fund.rules');
  for (const b of input.batches) if (b.closesOn < b.opensOn) throw new AppError('BAD_REQUEST', 'fund.batch', { batch: b.name });
}

export async function createFund(db: ScopedDb, countyId: string, actorId: string, input: FundInput) {
  check(input);
  return db.$transaction(async (tx) => {
    const f = await tx.fund.create({
      data: {
        countyId,
        name: input.name,
        nameEn: input.nameEn,
        budgetFen: input.budgetFen,
        periodStart: dateOnly(input.periodStart),
        periodEnd: dateOnly(input.periodEnd),
        sectors: input.sectors,
        rules: input.rules as Prisma.InputJsonValue,
        evidenceRequired: input.evidenceRequired,
      },
      select: { id: true },
    });
    await tx.fundRuleVersion.create({
      data: { countyId, fundId: f.id, version: 1, rules: input.rules as Prisma.InputJsonValue, createdById: actorId },
      select: { id: true },
    });
    if (input.batches.length)
      await tx.fundBatch.createMany({
        data: input.batches.map((b) => ({
          countyId,
          fundId: f.id,
          name: b.name,
          opensOn: dateOnly(b.opensOn),
          closesOn: dateOnly(b.closesOn),
          rateBp: b.rateBp,
        })),
      });
    await audit(tx, {
      actorId,
      action: 'fund.create',
      entity: 'Fund',
      entityId: f.id,
      data: { budgetFen: input.budgetFen.toString(), rules: input.rules } as Prisma.InputJsonValue,
    });
    return f;
  });
}

/** Changing the rules makes a new version for new claims; the budget never drops below what is committed and paid. */
export async function updateFund(db: ScopedDb, countyId: string, actorId: string, id: string, input: FundInput) {
  check(input);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ committed: bigint; disbursed: bigint }[]>`
      SELECT "committedFen" AS committed, "disbursedFen" AS disbursed FROM "Fund" WHERE id = ${id} AND "countyId" = ${countyId} FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new AppError('NOT_FOUND');
    // read under the lock: concurrent updates of one fund take turns and number rule versions one after another
    const old = await tx.fund.findUniqueOrThrow({ where: { id }, select: { id: true, rules: true, rulesVersion: true, budgetFen: true } });
    if (input.budgetFen < BigInt(row.committed) + BigInt(row.disbursed)) throw new AppError('PRECONDITION_FAILED', 'fund.budgetBelowCommitted');
    const rulesChanged = JSON.stringify(old.rules) !== JSON.stringify(input.rules);
    const version = rulesChanged ? old.rulesVersion + 1 : old.rulesVersion;
    await tx.fund.update({
      where: { id },
      data: {
        name: input.name,
        nameEn: input.nameEn,
        budgetFen: input.budgetFen,
        periodStart: dateOnly(input.periodStart),
        periodEnd: dateOnly(input.periodEnd),
        sectors: input.sectors,
        rules: input.rules as Prisma.InputJsonValue,
        rulesVersion: version,
        evidenceRequired: input.evidenceRequired,
      },
      select: { id: true },
    });
    if (rulesChanged)
      await tx.fundRuleVersion.create({
        data: { countyId, fundId: id, version, rules: input.rules as Prisma.InputJsonValue, createdById: actorId },
        select: { id: true },
      });
    await tx.fundBatch.deleteMany({ where: { fundId: id, claims: { none: {} } } });
    const kept = await tx.fundBatch.findMany({ where: { fundId: id }, select: { name: true } });
    const keptNames = new Set(kept.map((b) => b.name));
    const add = input.batches.filter((b) => !keptNames.has(b.name));
    if (add.length)
      await tx.fundBatch.createMany({
        data: add.map((b) => ({ countyId, fundId: id, name: b.name, opensOn: dateOnly(b.opensOn), closesOn: dateOnly(b.closesOn), rateBp: b.rateBp })),
      });
    await audit(tx, {
      actorId,
      action: rulesChanged ? 'fund.rulesChange' : 'fund.update',
      entity: 'Fund',
      entityId: id,
      data: {
        budget: [old.budgetFen.toString(), input.budgetFen.toString()],
        rulesVersion: version,
        ...(rulesChanged ? { from: old.rules, to: input.rules } : {}),
      } as Prisma.InputJsonValue,
    });
    return { id, rulesVersion: version };
  });
}

/** The integrators a county may invite: a directory of names only (no data of theirs). */
export async function integratorDirectory(raw: PrismaClient) {
  return raw.integrator.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, nameEn: true } });
}

export async function inviteIntegrator(db: ScopedDb, raw: PrismaClient, actorId: string, fundId: string, integratorId: string) {
  if (!(await db.fund.findUnique({ where: { id: fundId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  if (!(await raw.integrator.findUnique({ where: { id: integratorId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
  const existing = await db.fundParticipation.findFirst({ where: { fundId, integratorId }, select: { id: true } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const p = await tx.fundParticipation.create({ data: { fundId, integratorId } as Prisma.FundParticipationUncheckedCreateInput, select: { id: true } });
    await audit(tx, { actorId, action: 'fund.invite', entity: 'Fund', entityId: fundId, data: { integratorId } });
    return p;
  });
}

export async function getFundForEdit(db: ScopedDb, id: string) {
  const f = await db.fund.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      nameEn: true,
      budgetFen: true,
      periodStart: true,
      periodEnd: true,
      sectors: true,
      rules: true,
      rulesVersion: true,
      evidenceRequired: true,
      committedFen: true,
      disbursedFen: true,
      batches: { orderBy: { opensOn: 'asc' }, select: { id: true, name: true, opensOn: true, closesOn: true, rateBp: true } },
    },
  });
  if (!f) throw new AppError('NOT_FOUND');
  return { ...f, rules: fundRules.parse(f.rules) };
}
