import type { ScopedDb } from '../../db/scoped';
import { AppError } from '../../domain/errors/app-error';
import { fundRules } from '../../domain/funds/rules';

const fundSelect = {
  id: true,
  name: true,
  nameEn: true,
  budgetFen: true,
  periodStart: true,
  periodEnd: true,
  sectors: true,
  rules: true,
  county: { select: { id: true, name: true, nameEn: true } },
  participations: { orderBy: { joinedAt: 'asc' }, select: { joinedAt: true, integrator: { select: { id: true, name: true, nameEn: true } } } },
  batches: { orderBy: { opensOn: 'asc' }, select: { id: true, name: true, opensOn: true, closesOn: true, rateBp: true } },
} as const;

function present<T extends { rules: unknown; participations: { joinedAt: Date; integrator: unknown }[] }>(f: T) {
  const rules = fundRules.safeParse(f.rules);
  const { participations, ...rest } = f;
  return {
    ...rest,
    rules: rules.success ? rules.data : [],
    participants: participations.map((p) => ({ ...(p.integrator as { id: string; name: string; nameEn: string | null }), joinedAt: p.joinedAt })),
  };
}

/** Funds the scope may see: a county its own; an integrator (and its SMEs) those it takes part in. */
export async function listFunds(db: ScopedDb) {
  const funds = await db.fund.findMany({ orderBy: [{ periodStart: 'desc' }, { id: 'asc' }], select: fundSelect });
  return funds.map(present);
}

export async function getFund(db: ScopedDb, id: string) {
  const fund = await db.fund.findUnique({ where: { id }, select: fundSelect });
  if (!fund) throw new AppError('NOT_FOUND');
  return present(fund);
}
