import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { localName } from '@/components/ui/names';
import { Empty, Table, Td } from '@/components/ui/table';
import { formatYuan } from '@/server/domain/money/money';
import { claimTone } from './status-tone';

type Row = {
  id: string;
  number: string;
  status: keyof typeof claimTone;
  computedFen: bigint;
  approvedFen: bigint | null;
  disbursedFen: bigint;
  submittedAt: Date | null;
  sme: string;
  smeEn: string | null;
  integrator: string;
  project: string;
  fund: { name: string; nameEn: string | null };
};

export async function ClaimsTable({ rows }: { rows: Row[] }) {
  const t = await getTranslations('claims');
  const locale = await getLocale();
  const format = await getFormatter();
  if (!rows.length) return <Empty>{t('none')}</Empty>;
  return (
    <Table head={[t('number'), t('sme'), t('integrator'), t('fund'), t('status'), t('requestedColumn'), t('approved'), t('disbursed'), t('submittedAt')]}>
      {rows.map((c) => (
        <tr key={c.id} data-testid="claim-row">
          <Td className="font-mono">
            <Link href={`/claims/${c.id}`} className="text-teal-800 hover:underline">
              {c.number}
            </Link>
          </Td>
          <Td className="max-w-[14rem] whitespace-normal">{localName(locale, c.sme, c.smeEn)}</Td>
          <Td>{c.integrator}</Td>
          <Td className="max-w-[12rem] whitespace-normal">{localName(locale, c.fund.name, c.fund.nameEn)}</Td>
          <Td pin>
            <Badge tone={claimTone[c.status]}>{t(`statuses.${c.status}`)}</Badge>
          </Td>
          <Td numeric>{formatYuan(c.computedFen)}</Td>
          <Td numeric>{c.approvedFen === null ? '—' : formatYuan(c.approvedFen)}</Td>
          <Td numeric>{c.disbursedFen ? formatYuan(c.disbursedFen) : '—'}</Td>
          <Td>{c.submittedAt ? format.dateTime(c.submittedAt, { dateStyle: 'medium' }) : '—'}</Td>
        </tr>
      ))}
    </Table>
  );
}
