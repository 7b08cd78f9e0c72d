/**
 * The county's view of a fund, from evidence: machines connected, machines still used at 90 and 180 days after
 * commissioning, utilization by sector and by machine kind, the measured payback distribution — each figure published
 * only when it rests on at least 5 firms (server/domain/county/suppression.ts) — and a scorecard per integrator that
 * names the claims each figure comes from.
 */

import { meanScore } from '../../domain/acceptance/satisfaction';
import { providerScore } from '../../domain/county/provider-score';
import { bands, type Published, publish, publishByGroup, quartiles } from '../../domain/county/suppression';
import { type UseVerdict, usageAt, utilizationOf, type WindowTotals } from '../../domain/county/usage';
import { AppError } from '../../domain/errors/app-error';
import { asCountyReader, type PackReaderContext } from '../acceptance/pack-access';
import { claimsOfFund, type FundClaim, type ProjectFacts, projectFacts } from './county-facts';

/** Payback bands in months: ≤ 12, 12–24, 24–36, > 36. */
export const PAYBACK_BANDS = [12.0001, 24.0001, 36.0001];
/** Utilization bands (the usual colours): < 65 %, 65–85 %, > 85 %. */
export const UTILIZATION_BANDS = [0.65, 0.85];

const sum = (list: readonly WindowTotals[]): WindowTotals =>
  list.reduce(
    (a, t) => ({
      plannedS: a.plannedS + t.plannedS,
      plannedUnknownS: a.plannedUnknownS + t.plannedUnknownS,
      plannedRunningS: a.plannedRunningS + t.plannedRunningS,
    }),
    {
      plannedS: 0,
      plannedUnknownS: 0,
      plannedRunningS: 0,
    },
  );

type MachineRow = ProjectFacts['machines'][number] & { firmId: string; integratorId: string };

function stillUsed(machines: readonly MachineRow[], at: 'at90' | 'at180') {
  const due = machines.filter((m) => m[at] !== undefined);
  return publish(
    due.map((m) => m.firmId),
    () => {
      const count: Record<UseVerdict, number> = { notYetDue: 0, silent: 0, idle: 0, used: 0 };
      for (const m of due) count[usageAt(m[at] ?? null, true)]++;
      return { due: due.length, used: count.used, idle: count.idle, silent: count.silent, share: due.length ? count.used / due.length : 0 };
    },
  );
}

function distribution(values: number[], upper: number[]) {
  return { quartiles: quartiles(values), bands: bands(values, upper) };
}

function scorecard(
  integrator: { id: string; name: string; nameEn: string | null },
  claims: readonly FundClaim[],
  facts: readonly ProjectFacts[],
  returnedIds: Set<string>,
) {
  const mine = claims.filter((c) => c.integratorId === integrator.id);
  const projects = facts.filter((f) => f.integratorId === integrator.id);
  const machines: MachineRow[] = projects.flatMap((p) => p.machines.map((m) => ({ ...m, firmId: p.firmId, integratorId: p.integratorId })));
  const measured = projects.filter((p) => p.measuredMonths > 0 && p.promisedFen !== null);
  const rated = projects.filter((p) => p.satisfaction);
  const ref = (list: readonly FundClaim[]) => list.map((c) => ({ id: c.id, number: c.number, status: c.status }));
  const claimsOf = (firms: Set<string>) => ref(mine.filter((c) => firms.has(c.smeClientId)));
  const card = {
    integrator,
    firmsServed: {
      count: new Set(mine.filter((c) => c.status !== 'REJECTED').map((c) => c.smeClientId)).size,
      sources: ref(mine.filter((c) => c.status !== 'REJECTED')),
    },
    // about the firms' machines: the same 5-firm rule as the dashboard's figure (else it would show what that withholds)
    machinesConnected: {
      figure: publish(
        machines.map((m) => m.firmId),
        () => ({ count: machines.filter((m) => m.connected).length, of: machines.length }),
      ),
      sources: ref(mine),
    },
    stillUsed90: { figure: stillUsed(machines, 'at90'), sources: claimsOf(new Set(machines.filter((m) => m.at90 !== undefined).map((m) => m.firmId))) },
    savings: {
      figure: publish(
        measured.map((p) => p.firmId),
        () => {
          const measuredFen = measured.reduce((s, p) => s + p.measuredFen, 0n);
          const promisedFen = measured.reduce((s, p) => s + (p.promisedFen ?? 0n), 0n);
          return { measuredFen, promisedFen, ratio: promisedFen > 0n ? Number((measuredFen * 1000n) / promisedFen) / 1000 : null };
        },
      ),
      sources: claimsOf(new Set(measured.map((p) => p.firmId))),
    },
    returned: { count: mine.filter((c) => returnedIds.has(c.id)).length, sources: ref(mine.filter((c) => returnedIds.has(c.id))) },
    rejected: { count: mine.filter((c) => c.status === 'REJECTED').length, sources: ref(mine.filter((c) => c.status === 'REJECTED')) },
    satisfaction: {
      figure: publish(
        rated.map((p) => p.firmId),
        () => ({
          mean: meanScore(rated.map((p) => p.satisfaction?.overall ?? 0)),
          usedShare: rated.filter((p) => p.satisfaction?.usedInProduction).length / rated.length,
        }),
      ),
      sources: claimsOf(new Set(rated.map((p) => p.firmId))),
    },
  };
  // the 100-point score from the figures as published: a withheld figure scores nothing (provider-score.ts)
  // a figure of no firm at all is "nothing yet", one of 1–4 firms "withheld"
  const scored = <T, V>(f: Published<T>, value: (v: T) => V | null) => (f.published ? value(f.value) : f.firms === 0 ? null : ('withheld' as const));
  const score = providerScore({
    firmsServed: card.firmsServed.count,
    machinesConnected: scored(card.machinesConnected.figure, (v) => v),
    stillUsed90: scored(card.stillUsed90.figure, (v) => (v.due ? v.share : null)),
    savingsRatio: scored(card.savings.figure, (v) => v.ratio),
    satisfactionMean: scored(card.satisfaction.figure, (v) => v.mean),
    claims: { total: mine.length, returned: card.returned.count, rejected: card.rejected.count },
  });
  return { ...card, claims: mine.length, score };
}
export type Scorecard = ReturnType<typeof scorecard>;
/** The figures of a scorecard that name their sources (the list of claims, firms and machines behind each). */
export const scorecardFigures = ['firmsServed', 'machinesConnected', 'stillUsed90', 'savings', 'returned', 'rejected', 'satisfaction'] as const;
export type ScorecardFigure = (typeof scorecardFigures)[number];

export async function countyView(c: PackReaderContext, fundId: string, now = new Date()) {
  const fund = await c.db.fund.findUnique({ where: { id: fundId }, select: { id: true } });
  if (!fund) throw new AppError('NOT_FOUND');
  const claims = await claimsOfFund(c.db, fundId);
  const [participants, returnEvents] = await Promise.all([
    c.db.fundParticipation.findMany({ where: { fundId }, select: { integrator: { select: { id: true, name: true, nameEn: true } } } }),
    c.db.claimEvent.findMany({ where: { claim: { fundId }, to: 'RETURNED' }, select: { claimId: true } }),
  ]);
  const projectIds = [...new Set(claims.map((x) => x.projectId))];
  const countyId = c.scope.kind === 'county' ? c.scope.countyId : '';
  // only projects of this county's claims: the reader is narrowed to them whatever the database would allow
  const facts = await asCountyReader(c, (db) => projectFacts(db, projectIds, now));
  const sectorOf = new Map(facts.map((x) => [x.firmId, x.sector]));
  const machines: MachineRow[] = facts.flatMap((p) => p.machines.map((m) => ({ ...m, firmId: p.firmId, integratorId: p.integratorId })));

  // a firm's utilization over the last 30 days (all its claimed machines), and per machine kind
  const firms = [...new Set(machines.map((m) => m.firmId))];
  const firmUse = firms.flatMap((firmId) => {
    const u = utilizationOf(sum(machines.filter((m) => m.firmId === firmId && m.last30).map((m) => m.last30 as WindowTotals)));
    return u === null ? [] : [{ firmId, sector: sectorOf.get(firmId) ?? 'OTHER', u }];
  });
  const kindUse = firms.flatMap((firmId) => {
    const kinds = [...new Set(machines.filter((m) => m.firmId === firmId).map((m) => m.kind))];
    return kinds.flatMap((kind) => {
      const u = utilizationOf(sum(machines.filter((m) => m.firmId === firmId && m.kind === kind && m.last30).map((m) => m.last30 as WindowTotals)));
      return u === null ? [] : [{ firmId, kind, u }];
    });
  });
  const paid = facts.filter((p) => p.paybackMonths !== null);

  return {
    countyId,
    firms: firms.length,
    machinesConnected: publish(
      machines.map((m) => m.firmId),
      () => ({ connected: machines.filter((m) => m.connected).length, total: machines.length }),
    ),
    stillUsed90: stillUsed(machines, 'at90'),
    stillUsed180: stillUsed(machines, 'at180'),
    utilizationBySector: publishByGroup(
      firmUse,
      (r) => r.sector,
      (rows) =>
        distribution(
          rows.map((r) => r.u),
          UTILIZATION_BANDS,
        ),
    ),
    utilizationByKind: publishByGroup(
      kindUse,
      (r) => r.kind,
      (rows) =>
        distribution(
          rows.map((r) => r.u),
          UTILIZATION_BANDS,
        ),
    ),
    payback: publish(
      paid.map((p) => p.firmId),
      () =>
        distribution(
          paid.map((p) => p.paybackMonths as number),
          PAYBACK_BANDS,
        ),
    ),
    scorecards: participants.map((p) => scorecard(p.integrator, claims, facts, new Set(returnEvents.map((e) => e.claimId)))),
  };
}
export type CountyView = Awaited<ReturnType<typeof countyView>>;
