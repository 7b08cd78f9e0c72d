import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { brokerAddress } from '@/server/mqtt/broker-address';
import type { getServerCaller } from '@/server/trpc/server';
import { MachineTerminalActions } from './machine-terminal-actions';
import { ProblemText } from './problem-text';
import { TerminalStatusBadge } from './status-badge';

type Api = Awaited<ReturnType<typeof getServerCaller>>;

/**
 * The machine page's "Terminal" section: the live terminal's status, serial and last message; for staff the topic,
 * the message counts and what can be done with it; the terminals it had before.
 */
export async function MachineTerminalSection({ api, machineId, canManage }: { api: Api; machineId: string; canManage: boolean }) {
  const data = await api.terminals.ofMachine({ machineId });
  const t = await getTranslations('terminals');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : t('neverSeen'));
  const live = data.live;
  const retired = data.machineStatus === 'RETIRED';
  return (
    <Card title={t('sectionTitle')}>
      <div className="space-y-4" data-testid="machine-terminal">
        {live ? (
          <DefinitionList
            items={[
              [t('status'), <TerminalStatusBadge key="s" status={live.status} label={t(`state.${live.status}`)} />],
              [
                t('serial'),
                <span key="n" className="break-all font-mono" data-testid="terminal-live-serial">
                  {live.serial}
                </span>,
              ],
              [
                t('lastSeen'),
                <span key="l">{live.status === 'silent' && live.lastSeenAt ? t('silentSince', { time: when(live.lastSeenAt) }) : when(live.lastSeenAt)}</span>,
              ],
              [t('firstSeen'), when(live.firstSeenAt)],
              ...(live.gatewaySerial
                ? ([
                    [
                      t('gateway'),
                      <span key="g" className="font-mono">
                        {live.gatewaySerial}
                      </span>,
                    ],
                  ] as [string, React.ReactNode][])
                : []),
              ...(live.staff
                ? ([
                    [
                      t('terminalId'),
                      <span key="i" className="break-all font-mono">
                        {live.id}
                      </span>,
                    ],
                    [
                      t('topic'),
                      <span key="tp" className="break-all font-mono">
                        {live.staff.topic}
                      </span>,
                    ],
                    [t('secretSetAt'), when(live.staff.secretSetAt)],
                    [
                      t('messages'),
                      <span key="m" className="tabular-nums">
                        {`${format.number(live.staff.accepted)} ${t('accepted')} · ${format.number(live.staff.refused)} ${t('refused')} · ${format.number(live.staff.malformed)} ${t('malformed')}`}
                      </span>,
                    ],
                    ...(live.staff.lastProblem
                      ? ([[t('lastProblem'), <ProblemText key="p" text={live.staff.lastProblem} at={when(live.staff.lastProblemAt)} />]] as [
                          string,
                          React.ReactNode,
                        ][])
                      : []),
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
        ) : (
          <p className="text-sm text-slate-600" data-testid="terminal-none">
            {retired ? t('retiredNote') : canManage ? t('none') : t('ownerNone')}
          </p>
        )}
        {canManage && !retired ? (
          <MachineTerminalActions
            machineId={machineId}
            live={live?.staff ? { id: live.id, serial: live.serial, gatewayId: live.gatewayId, secretSetAt: live.staff.secretSetAt } : null}
            gateways={data.gateways}
            broker={brokerAddress()}
          />
        ) : null}
        {data.history.length ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-600">{t('history')}</summary>
            <ul className="mt-2 space-y-1" data-testid="terminal-history">
              {data.history.map((h) => (
                <li key={h.id} className="flex flex-wrap gap-x-3 text-slate-600">
                  <span className="font-mono">{h.serial}</span>
                  <span>{h.revokedAt ? t('revokedAt', { time: when(h.revokedAt) }) : null}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
