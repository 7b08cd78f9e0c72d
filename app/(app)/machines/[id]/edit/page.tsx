import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MachineForm } from '@/components/machines/machine-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function EditMachinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const { id } = await params;
  const api = await getServerCaller();
  const m = await orNotFound(() => api.inventory.machines.get({ id }));
  const hierarchy = await api.inventory.hierarchy({ smeClientId: m.smeClientId });
  const t = await getTranslations('machines');
  return (
    <>
      <PageHeader title={`${t('editTitle')} · ${m.assetTag}`} />
      <Card>
        <MachineForm
          smeClientId={m.smeClientId}
          id={m.id}
          hierarchy={hierarchy}
          initial={{
            assetTag: m.assetTag,
            kind: m.kind,
            maker: m.maker ?? '',
            model: m.model ?? '',
            year: m.year,
            controlType: m.controlType,
            networked: m.networked,
            operatorsPerShift: m.operatorsPerShift,
            shiftsPerDay: m.shiftsPerDay,
            idealCycleS: m.idealCycleS,
            status: m.status,
            notes: m.notes ?? '',
            site: m.line?.workshop.site.name ?? '',
            workshop: m.line?.workshop.name ?? '',
            line: m.line?.name ?? '',
          }}
        />
      </Card>
    </>
  );
}
