import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PriceBookEditor } from '@/components/projects/price-book-editor';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { fenToDecimal } from '@/server/domain/money/money';
import { getServerCaller } from '@/server/trpc/server';

export default async function PriceBookPage() {
  const user = await getSessionUser();
  if (user?.scope.kind !== 'integrator') notFound();
  const api = await getServerCaller();
  const pb = await api.projects.priceBook();
  const t = await getTranslations('projects.priceBook');
  const format = await getFormatter();
  return (
    <>
      <PageHeader
        title={`${t('title')} · ${t('version', { version: pb.version })}`}
        intro={`${t('intro')} (${format.dateTime(pb.createdAt, { dateStyle: 'medium' })})`}
      />
      <PriceBookEditor
        canEdit={can(user.scope.role, 'priceBook.manage')}
        book={{ items: pb.book.items.map(({ unitPriceFen, ...i }) => ({ ...i, unitPrice: fenToDecimal(unitPriceFen) })), kits: pb.book.kits }}
      />
    </>
  );
}
