import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { type UsageEvidence, usageCount } from '@/server/domain/results/usage';
import { pct } from '@/server/domain/results/working';

const p = (bp: number | null) => (bp === null ? '—' : `${pct(bp)} %`);

/** "Really used": the claimed machines' data frozen in the claim at submission, beside the reasoning. */
export async function UsageCard({ usage, minHoursPercent }: { usage: UsageEvidence | null | undefined; minHoursPercent: number | null }) {
  const t = await getTranslations('claims.usage');
  if (!usage) {
    return (
      <Card title={t('title')}>
        <p className="text-sm text-slate-500" data-testid="claim-usage">
          {t('none')}
        </p>
      </Card>
    );
  }
  const reporting = usage.machines.filter((m) => m.reported).length;
  const c = minHoursPercent === null ? null : usageCount(usage, minHoursPercent);
  return (
    <Card title={t('title')}>
      {/* the table sits directly in the card's body, whose padding its edge-to-edge margins use */}
      <div className="space-y-3 pb-3 text-sm" data-testid="claim-usage">
        <p>{t('window', { days: usage.days, from: usage.from, to: usage.to })}</p>
        <ul className="space-y-1">
          <li data-testid="claim-usage-reporting">{t('reporting', { reporting, machines: usage.machines.length })}</li>
          <li>{t('coverage', { value: p(usage.coverageBp) })}</li>
          <li>{t('utilization', { before: p(usage.utilizationBeforeBp), after: p(usage.utilizationAfterBp) })}</li>
          {c ? (
            <li className="font-medium">
              {t('qualifying', { qualifying: c.qualifying, machines: c.machines, hours: minHoursPercent ?? 0, share: pct(c.shareBp) })}
            </li>
          ) : null}
        </ul>
      </div>
      <Table head={[t('machine'), t('reported'), t('coverageHead'), t('utilizationHead')]}>
        {usage.machines.map((m) => (
          <tr key={m.assetTag}>
            <Td className="font-mono">{m.assetTag}</Td>
            <Td>{m.reported ? t('yes') : t('silent')}</Td>
            <Td numeric>{p(m.coverageBp)}</Td>
            <Td numeric>
              {p(m.utilizationBeforeBp)} → {p(m.utilizationAfterBp)}
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
