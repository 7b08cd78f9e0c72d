/**
 * The records behind one figure of a provider's scorecard (issue 17): the claims it is drawn from, their firms and the
 * retrofitted machines of their projects — names and numbers only. No figure of a single firm is listed: a figure
 * withheld under the 5-firm rule stays withheld here too (only which records it rests on is shown, as the scorecard's
 * claim numbers already were). Claims through the tenant gate; their projects' firms and machines through the
 * county's database role, narrowed to those projects (pack-access.ts).
 */
import { readClaimSnapshot } from '../../domain/claims/snapshot';
import { AppError } from '../../domain/errors/app-error';
import { asCountyReader, type PackReaderContext } from '../acceptance/pack-access';
import { countyView, type ScorecardFigure } from './county-view';

export async function scorecardSources(c: PackReaderContext, fundId: string, integratorId: string, figure: ScorecardFigure, now = new Date()) {
  const view = await countyView(c, fundId, now);
  const card = view.scorecards.find((s) => s.integrator.id === integratorId);
  if (!card) throw new AppError('NOT_FOUND');
  const refs = card[figure].sources;
  const ids = refs.map((r) => r.id);
  const claims = ids.length
    ? await c.db.claim.findMany({
        where: { id: { in: ids }, fundId, integratorId },
        orderBy: { number: 'asc' },
        select: { id: true, number: true, status: true, projectId: true, smeClientId: true, snapshot: true },
      })
    : [];
  const projectIds = [...new Set(claims.map((x) => x.projectId))];
  const projects = projectIds.length
    ? await asCountyReader(c, (db) =>
        db.project.findMany({
          where: { id: { in: projectIds }, integratorId },
          orderBy: { number: 'asc' },
          select: {
            id: true,
            number: true,
            title: true,
            smeClientId: true,
            smeClient: { select: { legalName: true, legalNameEn: true } },
            machines: { orderBy: { machine: { assetTag: 'asc' } }, select: { machine: { select: { assetTag: true, kind: true } } } },
          },
        }),
      )
    : [];
  const projectOf = new Map(projects.map((p) => [p.id, p]));
  const firms = new Map<string, { id: string; name: string; nameEn: string | null; claims: number }>();
  for (const x of claims) {
    const p = projectOf.get(x.projectId);
    const snap = readClaimSnapshot(x.snapshot);
    const f = firms.get(x.smeClientId) ?? {
      id: x.smeClientId,
      name: p?.smeClient.legalName ?? snap?.sme.legalName ?? '—',
      nameEn: p?.smeClient.legalNameEn ?? snap?.sme.legalNameEn ?? null,
      claims: 0,
    };
    f.claims++;
    firms.set(x.smeClientId, f);
  }
  return {
    integrator: card.integrator,
    figure,
    claims: claims.map((x) => {
      const p = projectOf.get(x.projectId);
      return {
        id: x.id,
        number: x.number,
        status: x.status,
        firm: firms.get(x.smeClientId)?.name ?? '—',
        firmEn: firms.get(x.smeClientId)?.nameEn ?? null,
        project: p ? `${p.number} ${p.title}` : null,
      };
    }),
    firms: [...firms.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    machines: projects.flatMap((p) => p.machines.map((m) => ({ assetTag: m.machine.assetTag, kind: m.machine.kind, project: p.number }))),
  };
}
