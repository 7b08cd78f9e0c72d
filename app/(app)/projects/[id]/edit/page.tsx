import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { pickable } from '@/components/projects/pickable';
import { PlanEditor, type PlanInitial } from '@/components/projects/plan-editor';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { fenToDecimal } from '@/server/domain/money/money';
import type { ModuleCode } from '@/server/domain/projects/price-book';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

const yuan = (fen: unknown) => fenToDecimal(BigInt(String(fen ?? 0)));

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const p = await orNotFound(() => api.projects.get({ id }));
  if (p.status !== 'DRAFT' && p.status !== 'ACCEPTED') notFound();
  const first = await api.inventory.machines.list({ smeClientId: p.smeClient.id, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 200 });
  const all = [...first.items];
  for (let page = 2; page <= Math.ceil(first.total / 200); page++)
    all.push(...(await api.inventory.machines.list({ smeClientId: p.smeClient.id, sort: 'assetTag', dir: 'asc', page, pageSize: 200 })).items);
  const t = await getTranslations();
  const initial: PlanInitial = {
    title: p.title,
    machineIds: p.machines.map((m) => m.id),
    modules: p.modules as ModuleCode[],
    softwareYears: p.softwareYears,
    trainingDays: p.trainingDays,
    target: { d: p.targetD as 0, n: p.targetN as 0, i: p.targetI as 0 },
    savings: p.savings.map((s) => {
      const x = s.params;
      switch (s.kind) {
        case 'LABOUR':
          return {
            kind: 'LABOUR',
            operatorsFreed: String(x.operatorsFreed),
            monthlyWage: yuan(x.monthlyWageFen),
            shifts: String(x.shifts),
            staffing: x.operatorsPerShift == null ? '' : String(x.operatorsPerShift),
          };
        case 'SCRAP':
          return { kind: 'SCRAP', ratePercent: String(Number(x.rateReductionBp) / 100), monthlyScrapCost: yuan(x.monthlyScrapCostFen) };
        case 'ENERGY':
          return { kind: 'ENERGY', amount: yuan(x.monthlyFen), tariff: x.tariffFenPerKwh == null ? '' : (Number(x.tariffFenPerKwh) / 100).toFixed(2) };
        default:
          return { kind: 'OTHER', amount: yuan(x.monthlyFen), label: String(x.label ?? '') };
      }
    }),
    expectedSubsidy: yuan(p.expectedSubsidyFen),
    paymentTerms: p.paymentTerms,
    lines: (p.integratorSide?.costLines ?? []).map((l) => ({
      category: l.category as 'HARDWARE',
      itemCode: l.itemCode,
      description: l.description ?? '',
      quantity: String(l.quantity),
      unitPrice: yuan(l.unitPriceFen),
      manual: l.manual,
    })),
  };
  return (
    <>
      <PageHeader title={`${t('projects.plan.editTitle')} · ${p.number}`} />
      <PlanEditor smeClientId={p.smeClient.id} projectId={p.id} machines={pickable(all, (k) => kindLabel(t as never, k))} initial={initial} />
    </>
  );
}
