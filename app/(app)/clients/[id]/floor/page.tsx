import { getTranslations } from 'next-intl/server';
import { PlantFloor } from '@/components/telemetry/plant-floor';
import { LinkButton } from '@/components/ui/form';
import { getSessionUser } from '@/server/auth/session';

export default async function ClientFloorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  const t = await getTranslations();
  const back = user?.scope.kind === 'sme' ? '/sme' : `/clients/${id}`;
  return (
    <PlantFloor smeClientId={id}>
      <LinkButton href={back}>{t('actions.back')}</LinkButton>
    </PlantFloor>
  );
}
