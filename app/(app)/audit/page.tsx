import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { getServerCaller } from '@/server/trpc/server';

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await getSessionUser();
  if (!user || !can(user.scope.role, 'audit.read')) notFound();
  const { page: p } = await searchParams;
  const page = pageFrom(p);
  const api = await getServerCaller();
  const list = await api.audit.list({ page, pageSize: 50 });
  const t = await getTranslations('audit');
  const format = await getFormatter();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')}>
        <div className="flex gap-2">
          <LinkButton href="/api/v1/audit/export?format=xlsx" prefetch={false}>
            XLSX
          </LinkButton>
          <LinkButton href="/api/v1/audit/export?format=csv" prefetch={false}>
            CSV
          </LinkButton>
        </div>
      </PageHeader>
      <Card>
        <Table head={[t('at'), t('actor'), t('action'), t('entity'), t('data')]}>
          {list.items.map((e) => (
            <tr key={e.id} data-testid="audit-row" className="align-top">
              <Td>{format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}</Td>
              <Td>{e.actorName ?? '—'}</Td>
              <Td className="font-mono text-xs">{e.action}</Td>
              <Td className="text-xs">
                {e.entity} <span className="text-slate-400">{e.entityId.slice(-8)}</span>
              </Td>
              <Td className="max-w-[28rem] truncate font-mono text-xs text-slate-500">{e.data ? JSON.stringify(e.data) : ''}</Td>
            </tr>
          ))}
          {list.items.length === 0 && (
            <tr>
              <td colSpan={5} className="px-5 py-8 text-center text-sm text-slate-500">
                {t('empty')}
              </td>
            </tr>
          )}
        </Table>
        <Pagination basePath="/audit" params={{}} page={page} pageSize={50} total={list.total} />
      </Card>
    </>
  );
}
