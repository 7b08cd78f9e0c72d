import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClaimsTable } from '@/components/claims/claims-table';
import { FundSummary } from '@/components/funds/fund-summary';
import { InviteForm } from '@/components/funds/invite-form';
import { Card } from '@/components/ui/card';
import { DownloadButton, LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function FundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const fund = await orNotFound(() => api.funds.get({ id }));
  const user = await getSessionUser();
  const county = user?.scope.kind === 'county';
  const claims = user?.scope.kind === 'sme' ? { items: [], total: 0 } : await api.claims.list({ fundId: id, pageSize: 200 });
  const locale = await getLocale();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={localName(locale, fund.name, fund.nameEn)}>
        {county ? (
          <div className="flex flex-wrap gap-2">
            <LinkButton tone="primary" href={`/funds/${id}/dashboard`}>
              {t('fundAdmin.dashboard')}
            </LinkButton>
            <LinkButton href={`/funds/${id}/edit`}>{t('fundAdmin.edit')}</LinkButton>
            <DownloadButton href={`/api/v1/funds/register?fundId=${id}`}>{t('fundAdmin.exportXlsx')}</DownloadButton>
          </div>
        ) : null}
      </PageHeader>
      <div className="grid grid-cols-1 gap-6">
        <FundSummary fund={fund} link={false} />
        {county ? (
          <Card title={t('fundAdmin.invite')}>
            <InviteForm fundId={id} exclude={fund.participants.map((p) => p.id)} />
          </Card>
        ) : null}
        {user?.scope.kind !== 'sme' ? (
          <Card title={t('claims.title')}>
            <ClaimsTable rows={claims.items} />
            {claims.total > claims.items.length ? (
              <p className="mt-3 text-xs text-slate-500">
                <Link href="/claims" className="text-teal-700 hover:underline">
                  {t('claims.showingLatest', { shown: claims.items.length, total: claims.total })}
                </Link>
              </p>
            ) : null}
          </Card>
        ) : null}
      </div>
    </>
  );
}
