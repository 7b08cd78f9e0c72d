import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { localName } from '@/components/ui/names';
import { Empty, Table, Td } from '@/components/ui/table';

export type ClientRow = {
  id: string;
  legalName: string;
  legalNameEn: string | null;
  county: string;
  sector: string;
  headcount: number | null;
  machines: number;
  inService: number;
  clusters: { id: string; name: string; nameEn: string | null }[];
};

export async function ClientTable({ rows }: { rows: ClientRow[] }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (!rows.length) return <Empty>{t('home.noClients')}</Empty>;
  return (
    <Table
      caption={t('home.clients')}
      head={[t('clients.legalName'), t('clients.sector'), t('clients.county'), t('clients.headcount'), t('clients.machines'), t('clients.inService')]}
    >
      {rows.map((c) => (
        <tr key={c.id} className="hover:bg-slate-50" data-testid="client-row">
          <Td className="max-w-[22rem] whitespace-normal font-medium">
            <Link href={`/clients/${c.id}`} className="text-teal-800 hover:underline">
              {localName(locale, c.legalName, c.legalNameEn)}
            </Link>
          </Td>
          <Td>{t(`enums.sector.${c.sector}` as 'enums.sector.OTHER')}</Td>
          <Td>{c.county}</Td>
          <Td numeric>{c.headcount ?? '—'}</Td>
          <Td numeric>{c.machines}</Td>
          <Td numeric>{c.inService}</Td>
        </tr>
      ))}
    </Table>
  );
}
