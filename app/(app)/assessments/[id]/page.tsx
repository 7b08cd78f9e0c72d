import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { AssessmentForm } from '@/components/maturity/assessment-form';
import { SignOffButton } from '@/components/maturity/sign-off-button';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import type { TechnologyCode } from '@/server/domain/maturity/technologies';
import { shanghaiToday } from '@/server/domain/time';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function AssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const a = await orNotFound(() => api.assessments.get({ id }));
  const user = await getSessionUser();
  const t = await getTranslations('assessments');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const canEdit = Boolean(user && can(user.scope.role, 'inventory.write')) && a.status === 'DRAFT';
  const sme = localName(locale, a.smeClient.legalName, a.smeClient.legalNameEn);
  return (
    <>
      <PageHeader title={`${t('detailTitle', { code: a.code })} · ${sme}`} intro={a.status === 'SIGNED_OFF' ? t('signedOffNote') : undefined}>
        <div className="flex flex-wrap items-start gap-2">
          <Badge tone={a.status === 'SIGNED_OFF' ? 'teal' : 'amber'}>{t(`statuses.${a.status}`)}</Badge>
          {canEdit ? <SignOffButton id={a.id} /> : null}
          <LinkButton href={`/clients/${a.smeClientId}/assessments`}>{tAll('actions.back')}</LinkButton>
        </div>
      </PageHeader>
      {canEdit ? (
        <AssessmentForm
          smeClientId={a.smeClientId}
          today={shanghaiToday()}
          id={a.id}
          initial={{
            assessedOn: a.assessedOn.toISOString().slice(0, 10),
            kind: a.kind,
            assessorName: a.assessorName,
            evidence: a.evidence.map((e) => ({
              technology: e.technology as TechnologyCode,
              note: e.note,
              fileId: e.file?.id ?? null,
              fileName: e.file?.fileName ?? null,
            })),
            overrides: a.overrides.map((o) => ({ component: o.component, level: o.to as 0 | 1 | 2, reason: o.reason })),
            nationalLevel: a.nationalLevel,
            nationalScore: a.nationalScore,
            notes: a.notes,
          }}
        />
      ) : (
        <div className="grid grid-cols-1 gap-6">
          <Card>
            <DefinitionList
              items={[
                [
                  t('code'),
                  <span key="c" className="font-mono text-lg font-semibold text-teal-800" data-testid="assessment-code">
                    {a.code}
                  </span>,
                ],
                [t('date'), format.dateTime(a.assessedOn, { dateStyle: 'long', timeZone: 'UTC' })],
                [t('kind'), t(`kinds.${a.kind}`)],
                [t('assessor'), a.assessorName],
                [t('nationalLevel'), a.nationalLevel ?? '—'],
                [t('nationalScore'), a.nationalScore ?? '—'],
                [
                  t('suggested'),
                  <span key="s" className="font-mono">
                    {a.suggestedCode}
                  </span>,
                ],
                [
                  t('status'),
                  a.signedOffAt
                    ? t('signedOffAt', { at: format.dateTime(a.signedOffAt, { dateStyle: 'medium', timeStyle: 'short' }) })
                    : t(`statuses.${a.status}`),
                ],
                [t('notes'), a.notes ?? '—'],
              ]}
            />
          </Card>
          {a.overrides.length ? (
            <Card title={t('overridesTitle')}>
              <ul className="space-y-1 text-sm">
                {a.overrides.map((o) => (
                  <li key={o.component}>
                    {t('overrideLine', { component: o.component, from: `${o.component}${o.from}`, to: `${o.component}${o.to}`, reason: o.reason })}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title={t('evidenceTitle')}>
            {a.evidence.length ? (
              <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" data-testid="evidence">
                {a.evidence.map((e) => (
                  <li key={e.technology} className="rounded-lg border border-slate-200 p-3 text-sm">
                    <div className="font-medium text-slate-900">{tAll(`technologies.${e.technology}` as 'technologies.PLC')}</div>
                    {e.note ? <div className="text-slate-600">{e.note}</div> : null}
                    {e.file ? (
                      <a href={`/api/v1/files/${e.file.id}`} className="text-xs text-teal-800 underline">
                        {e.file.fileName}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">{t('noEvidence')}</p>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
