import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { claimTone } from '@/components/claims/status-tone';
import { kindLabel } from '@/components/machines/labels';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { type ScorecardFigure, scorecardFigures } from '@/server/services/funds/county-view';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

/** The records behind one figure of a provider's scorecard: claims, firms, machines (names and numbers only). */
export default async function ScorecardSourcesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; integratorId: string }>;
  searchParams: Promise<{ figure?: string }>;
}) {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'county') notFound();
  const { id, integratorId } = await params;
  const asked = (await searchParams).figure;
  const figure: ScorecardFigure = scorecardFigures.find((f) => f === asked) ?? 'firmsServed';
  const api = await getServerCaller();
  const src = await orNotFound(() => api.fundAdmin.scorecardSources({ fundId: id, integratorId, figure }));
  const t = await getTranslations('countyView');
  const tClaims = await getTranslations('claims');
  const tAll = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t('sourcesTitle', { figure: t(`figures.${figure}`) })} intro={localName(locale, src.integrator.name, src.integrator.nameEn)}>
        <LinkButton href={`/funds/${id}/dashboard`}>←</LinkButton>
      </PageHeader>
      <p className="mb-4 text-sm text-slate-600">{t('sourcesIntro')}</p>
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t('sourcesOther')}>
        {scorecardFigures.map((f) => (
          <Link
            key={f}
            href={`/funds/${id}/providers/${integratorId}?figure=${f}`}
            aria-current={f === figure ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 ${f === figure ? 'border-teal-700 bg-teal-50 text-teal-900' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
          >
            {t(`figures.${f}`)}
          </Link>
        ))}
      </nav>
      <div className="grid grid-cols-1 gap-6">
        <Card title={t('sourcesClaims', { count: src.claims.length })}>
          {src.claims.length ? (
            <Table head={[t('sourcesClaim'), tClaims('status'), t('sourcesFirm'), t('sourcesProject')]}>
              {src.claims.map((c) => (
                <tr key={c.id} data-testid="source-claim">
                  <Td>
                    <Link href={`/claims/${c.id}`} className="font-mono text-teal-800 underline">
                      {c.number}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={claimTone[c.status]}>{tClaims(`statuses.${c.status}`)}</Badge>
                  </Td>
                  <Td wide>{localName(locale, c.firm, c.firmEn)}</Td>
                  <Td>{c.project ?? '—'}</Td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t('sourcesNone')}</p>
          )}
        </Card>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title={t('sourcesFirms', { count: src.firms.length })}>
            {src.firms.length ? (
              <ul className="space-y-1 text-sm" data-testid="source-firms">
                {src.firms.map((f) => (
                  <li key={f.id}>
                    {localName(locale, f.name, f.nameEn)}
                    <span className="ml-2 text-xs text-slate-600">{t('sourcesFirmClaims', { count: f.claims })}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t('sourcesNone')}</p>
            )}
          </Card>
          <Card title={t('sourcesMachines', { count: src.machines.length })}>
            {src.machines.length ? (
              <Table head={[t('sourcesMachine'), t('sourcesKind'), t('sourcesProject')]}>
                {src.machines.map((m) => (
                  <tr key={`${m.project}-${m.assetTag}`} data-testid="source-machine">
                    <Td className="font-mono">{m.assetTag}</Td>
                    <Td>{kindLabel(tAll as never, m.kind)}</Td>
                    <Td>{m.project}</Td>
                  </tr>
                ))}
              </Table>
            ) : (
              <p className="text-sm text-slate-600">{t('sourcesNone')}</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
