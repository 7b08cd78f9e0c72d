import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Empty, Table, Td } from '@/components/ui/table';
import { brokerAddress } from '@/server/mqtt/broker-address';
import type { getServerCaller } from '@/server/trpc/server';
import { GatewayRowActions, GatewaySelect, RegisterGatewayForm } from './gateway-actions';
import { TerminalStatusBadge } from './status-badge';

type Api = Awaited<ReturnType<typeof getServerCaller>>;

/** An SME's terminals (with their health) and its edge gateways; staff assign, register, rotate and revoke. */
export async function SmeTerminals({ api, smeClientId, canManage }: { api: Api; smeClientId: string; canManage: boolean }) {
  const data = await api.terminals.ofSme({ smeClientId });
  const t = await getTranslations('terminals');
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : t('neverSeen'));
  const broker = brokerAddress();
  const gateways = data.gateways.map((g) => ({ id: g.id, serial: g.serial }));
  const carried = (id: string) => data.terminals.filter((x) => x.gatewayId === id).length;
  return (
    <div className="grid grid-cols-1 gap-6">
      <Card
        title={t('terminalsTitle')}
        action={
          <span className="text-xs text-slate-500" data-testid="terminal-counts">
            {t('counts', data.counts)}
          </span>
        }
      >
        {data.terminals.length ? (
          <Table head={[t('machine'), t('serial'), t('status'), t('lastSeen'), t('gateway'), ...(canManage ? [t('messages')] : [])]}>
            {data.terminals.map((x) => (
              <tr key={x.id} data-testid="terminal-row">
                <Td>
                  {x.machineId ? (
                    <Link href={`/machines/${x.machineId}`} className="font-mono text-teal-800 hover:underline">
                      {x.assetTag}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Td>
                <Td className="font-mono">{x.serial}</Td>
                <Td>
                  <TerminalStatusBadge status={x.status} label={t(`state.${x.status}`)} />
                </Td>
                <Td>{when(x.lastSeenAt)}</Td>
                {/* the choice of gateway takes a phone card's whole width (half of it is narrower than the longest option) */}
                <Td wide={canManage}>{canManage ? <GatewaySelect terminal={x} gateways={gateways} /> : (x.gatewaySerial ?? '—')}</Td>
                {x.staff ? (
                  <Td className="tabular-nums">
                    {`${format.number(x.staff.accepted)} / `}
                    <span className={x.staff.refused > 0n ? 'text-amber-700' : ''}>{`${format.number(x.staff.refused)} ${t('refused')}`}</span>
                    {' / '}
                    <span className={x.staff.malformed > 0n ? 'text-red-700' : ''}>{`${format.number(x.staff.malformed)} ${t('malformed')}`}</span>
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{t('noTerminals')}</Empty>
        )}
      </Card>
      <Card title={t('gateways')}>
        <p className="mb-4 text-sm text-slate-600">{t('gatewaysIntro')}</p>
        {data.gateways.length ? (
          <ul className="mb-4 divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="gateway-list">
            {data.gateways.map((g) => (
              <li key={g.id} className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-center sm:justify-between" data-testid="gateway-row">
                <div className="min-w-0 text-sm">
                  <span className="break-all font-mono text-slate-900">{g.serial}</span>
                  <span className="ml-2 inline-block">
                    <TerminalStatusBadge status={g.status} label={t(`state.${g.status}`)} />
                  </span>
                  <span className="block text-xs text-slate-500">{`${t('carries')}: ${carried(g.id)} · ${t('lastSeen')}: ${when(g.lastSeenAt)}`}</span>
                </div>
                {canManage && g.staff ? (
                  <GatewayRowActions gateway={{ id: g.id, serial: g.serial, secretSetAt: g.staff.secretSetAt }} carries={carried(g.id)} broker={broker} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-500">{t('noGateways')}</p>
        )}
        {canManage ? <RegisterGatewayForm smeClientId={smeClientId} broker={broker} /> : null}
      </Card>
    </div>
  );
}
