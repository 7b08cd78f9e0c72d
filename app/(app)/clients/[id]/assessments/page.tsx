import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PathwayChart } from '@/components/maturity/pathway-chart';
import { PathwayVerdict } from '@/components/maturity/pathway-verdict';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function AssessmentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const client = await orNotFound(() => api.clients.get({ id }));
  const [list, pathway] = await Promise.all([api.assessments.list({ smeClientId: id }), api.assessments.pathway({ smeClientId: id })]);
  const user = await getSessionUser();
  const canEdit = Boolean(user && can(user.scope.role, 'inventory.write'));
  const t = await getTranslations('assessments');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const name = localName(locale, client.legalName, client.legalNameEn);
  const projectOf = new Map(pathway.points.filter((x) => x.project).map((x) => [x.id, x.project]));
  return (
    <>
      <PageHeader title={`${t('title')} · ${name}`} intro={t('intro')}>
        <div className="flex flex-wrap gap-2">
          {canEdit ? (
            <LinkButton tone="primary" href={`/clients/${id}/assessments/new`}>
              {t('new')}
            </LinkButton>
          ) : null}
          <LinkButton href={`/clients/${id}`}>{tAll('actions.back')}</LinkButton>
        </div>
      </PageHeader>
      <div className="grid grid-cols-1 gap-6">
        <Card title={t('pathway')}>
          {pathway.points.length ? (
            <div className="space-y-4">
              <PathwayVerdict kind={pathway.kind} breach={pathway.breach} />
              <PathwayChart points={pathway.points} steps={pathway.steps} title={`${name} · ${t('chartTitle')}`} />
            </div>
          ) : (
            <Empty>{t('pathwayEmpty')}</Empty>
          )}
        </Card>
        <Card title={t('listTitle')}>
          {list.length ? (
            <Table head={[t('date'), t('code'), t('kind'), t('assessor'), t('nationalLevel'), t('status')]}>
              {list.map((a) => (
                <tr key={a.id} data-testid="assessment-row">
                  <Td>
                    <Link href={`/assessments/${a.id}`} className="font-medium text-teal-800 hover:underline">
                      {format.dateTime(a.assessedOn, { dateStyle: 'medium', timeZone: 'UTC' })}
                    </Link>
                  </Td>
                  <Td className="font-mono font-semibold">{a.code}</Td>
                  <Td>{t(`kinds.${a.kind}`)}</Td>
                  <Td>{a.assessorName}</Td>
                  <Td numeric>{a.nationalLevel ?? '—'}</Td>
                  <Td>
                    <Badge tone={a.status === 'SIGNED_OFF' ? 'teal' : 'amber'}>{t(`statuses.${a.status}`)}</Badge>
                    {a.source === 'IMPORT' ? <span className="ml-2 text-xs text-slate-500">{t('sources.IMPORT')}</span> : null}
                    {projectOf.get(a.id) ? (
                      <Link href={`/projects/${projectOf.get(a.id)?.id}`} className="ml-2 text-xs text-teal-800 underline" data-testid="assessment-project">
                        {projectOf.get(a.id)?.number}
                      </Link>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          ) : (
            <Empty>{t('none')}</Empty>
          )}
        </Card>
      </div>
    </>
  );
}
