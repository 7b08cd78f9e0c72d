import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { getServerCaller } from '@/server/trpc/server';

type Api = Awaited<ReturnType<typeof getServerCaller>>;

const tones = { ready: 'teal', neverReported: 'amber', noTerminal: 'red', retired: 'slate' } as const;

/** Each machine of a project with its terminal and whether it has reported: commissioning waits for all of them. */
export async function ProjectTerminals({ api, projectId }: { api: Api; projectId: string }) {
  const data = await api.terminals.ofProject({ projectId });
  const t = await getTranslations('terminals');
  const format = await getFormatter();
  const total = data.machines.filter((m) => m.readiness !== 'retired').length;
  const label = { ready: t('project.reported'), neverReported: t('project.notReported'), noTerminal: t('project.noTerminal'), retired: t('project.retired') };
  return (
    <Card
      title={t('project.title')}
      action={
        <span className={`text-xs font-medium ${data.blocking.length ? 'text-amber-800' : 'text-teal-800'}`} data-testid="project-terminals-ready">
          {data.blocking.length ? t('project.ready', { ready: data.ready, total }) : t('project.allReady', { total })}
        </span>
      }
    >
      <p className="mb-3 text-sm text-slate-600">{t('project.intro')}</p>
      <Table head={[t('machine'), t('project.terminal'), t('status'), t('firstSeen'), t('lastSeen')]}>
        {data.machines.map((m) => (
          <tr key={m.machineId} data-testid="project-terminal-row" data-readiness={m.readiness}>
            <Td>
              <Link href={`/machines/${m.machineId}`} className="font-mono text-teal-800 hover:underline">
                {m.assetTag}
              </Link>
            </Td>
            <Td className="font-mono">{m.serial ?? '—'}</Td>
            <Td pin>
              <Badge tone={tones[m.readiness]}>{label[m.readiness]}</Badge>
            </Td>
            <Td>{m.firstSeenAt ? format.dateTime(m.firstSeenAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</Td>
            <Td>{m.lastSeenAt ? format.dateTime(m.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
