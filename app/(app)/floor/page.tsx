import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

/** The plant floor from the menu: an SME owner goes straight to their own; staff choose a client with connected machines. */
export default async function FloorPage() {
  const user = await getSessionUser();
  if (user?.scope.kind === 'sme') redirect(`/clients/${user.scope.smeClientId}/floor`);
  if (user?.scope.kind !== 'integrator') notFound();
  const api = await getServerCaller();
  const t = await getTranslations('telemetry.floor');
  const locale = await getLocale();
  const smes = await api.telemetry.connectedSmes();
  return (
    <>
      <PageHeader title={t('chooseTitle')} intro={t('chooseIntro')} />
      <Card>
        {smes.length ? (
          <ul className="divide-y divide-slate-100" data-testid="floor-clients">
            {smes.map((s) => (
              <li key={s.id} className="py-2">
                <Link href={`/clients/${s.id}/floor`} className="font-medium text-teal-800 hover:underline">
                  {localName(locale, s.legalName, s.legalNameEn)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('noneConnected')}</p>
        )}
      </Card>
    </>
  );
}
