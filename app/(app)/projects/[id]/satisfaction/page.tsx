import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SatisfactionForm } from '@/components/acceptance/satisfaction-form';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

/** The SME owner's satisfaction after commissioning; the integrator's staff see the answers read-only. */
export default async function SatisfactionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const s = await orNotFound(() => api.acceptance.satisfaction({ projectId: id }));
  const user = await getSessionUser();
  const t = await getTranslations('acceptance.satisfaction');
  const locale = await getLocale();
  const owner = user?.scope.kind === 'sme';
  const r = s.record;
  return (
    <>
      <PageHeader
        title={t('title')}
        intro={
          <Link href={`/projects/${s.project.id}`} className="text-teal-800 hover:underline">
            {s.project.number} {s.project.title} · {localName(locale, s.project.smeClient.legalName, s.project.smeClient.legalNameEn)}
          </Link>
        }
      />
      <div className="mx-auto max-w-lg">
        <Card>
          {!s.open ? (
            <p className="text-sm text-slate-600" data-testid="satisfaction-closed">
              {t('notYet')}
            </p>
          ) : owner ? (
            <>
              <p className="mb-4 text-sm text-slate-600">{t('intro')}</p>
              <SatisfactionForm projectId={s.project.id} initial={r ? { ...r, comment: r.comment ?? '' } : null} />
            </>
          ) : r ? (
            <dl className="grid grid-cols-[1fr_auto] gap-y-1 text-sm" data-testid="satisfaction-answers">
              {(['overall', 'service', 'results'] as const).map((k) => (
                <div key={k} className="contents">
                  <dt>{t(`questions.${k}`)}</dt>
                  <dd className="font-semibold">{r[k]} / 5</dd>
                </div>
              ))}
              {(['usedInProduction', 'wouldRecommend'] as const).map((k) => (
                <div key={k} className="contents">
                  <dt>{t(`questions.${k}`)}</dt>
                  <dd className="font-semibold">{r[k] ? t('yes') : t('no')}</dd>
                </div>
              ))}
              <dt>{t('comment')}</dt>
              <dd>{r.comment ?? '—'}</dd>
              <dt>{t('respondent')}</dt>
              <dd>{r.respondentName}</dd>
            </dl>
          ) : (
            <p className="text-sm text-slate-600">{t('waiting')}</p>
          )}
        </Card>
      </div>
    </>
  );
}
