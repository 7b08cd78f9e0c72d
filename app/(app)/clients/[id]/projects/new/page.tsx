import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { kindLabel } from '@/components/machines/labels';
import { pickable } from '@/components/projects/pickable';
import { PlanEditor } from '@/components/projects/plan-editor';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { defaultPaymentTerms } from '@/server/domain/projects/payment-terms';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function NewProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const machines = await api.inventory.machines.list({ smeClientId: id, sort: 'assetTag', dir: 'asc', page: 1, pageSize: 200 });
  const all = machines.total > machines.items.length ? await allMachines(api, id, machines.total) : machines.items;
  const t = await getTranslations();
  const locale = await getLocale();
  const name = localName(locale, client.legalName, client.legalNameEn);
  return (
    <>
      <PageHeader title={`${t('projects.plan.newTitle')} · ${name}`} intro={t('projects.intro')} />
      <PlanEditor
        smeClientId={id}
        machines={pickable(all, (k) => kindLabel(t as never, k))}
        initial={{
          title: `${name} · D1N1`,
          machineIds: [],
          modules: ['MACHINE_MONITORING', 'PRODUCTION_MANAGEMENT'],
          softwareYears: 1,
          trainingDays: 2,
          target: { d: 1, n: 1, i: 0 },
          savings: [],
          expectedSubsidy: '0',
          paymentTerms: defaultPaymentTerms,
          lines: null,
        }}
      />
    </>
  );
}

async function allMachines(api: Awaited<ReturnType<typeof getServerCaller>>, smeClientId: string, total: number) {
  const pages = Math.ceil(total / 200);
  const out = [];
  for (let page = 1; page <= pages; page++)
    out.push(...(await api.inventory.machines.list({ smeClientId, sort: 'assetTag', dir: 'asc', page, pageSize: 200 })).items);
  return out;
}
