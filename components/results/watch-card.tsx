import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';

type Watch = {
  verifiedDay: string;
  days: number;
  checkpoints: { day: number; reached: boolean; reporting: number; used: number; machines: number }[];
  machines: { assetTag: string; flag: 'ok' | 'silent' | 'unused'; lastHeard: Date | null }[];
};

/** After verification: the 30/90/180-day checkpoints and each machine now (silent / not used / used). */
export async function WatchCard({ watch, note = null }: { watch: Watch; note?: 'claimNote' | null }) {
  const t = await getTranslations('results.watch');
  const format = await getFormatter();
  return (
    <Card title={t('title')}>
      <div className="space-y-3 text-sm" data-testid="results-watch">
        <p>{t('verified', { day: watch.verifiedDay, days: watch.days })}</p>
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-3">
          {watch.checkpoints.map((c) => (
            <li
              key={c.day}
              className={`rounded-lg px-3 py-2 ${c.reached ? (c.used < c.machines ? 'bg-amber-50 text-amber-900' : 'bg-teal-50 text-teal-900') : 'bg-slate-50 text-slate-500'}`}
              data-testid="watch-checkpoint"
            >
              <div className="text-xs">{t('checkpoint', { day: c.day })}</div>
              <div className="font-medium">{c.reached ? t('counts', { reporting: c.reporting, used: c.used, machines: c.machines }) : t('notReached')}</div>
            </li>
          ))}
        </ul>
        <Table head={[t('machine'), t('state'), t('lastHeard')]}>
          {watch.machines.map((m) => (
            <tr key={m.assetTag} data-testid="watch-machine">
              <Td className="font-mono">{m.assetTag}</Td>
              <Td className={m.flag === 'ok' ? 'text-teal-800' : 'font-medium text-amber-800'}>{t(`flags.${m.flag}`)}</Td>
              <Td>{m.lastHeard ? format.dateTime(m.lastHeard, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }) : '—'}</Td>
            </tr>
          ))}
        </Table>
        <p className="text-xs text-slate-500">{t('rule')}</p>
        {note ? <p className="text-xs text-slate-600">{t(note)}</p> : null}
      </div>
    </Card>
  );
}
