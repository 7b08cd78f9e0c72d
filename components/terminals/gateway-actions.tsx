'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { SecretBox, type ShownCredential } from './secret-box';

/** Registers an edge gateway for the SME; its secret is shown once. */
export function RegisterGatewayForm({ smeClientId, broker }: { smeClientId: string; broker: string | null }) {
  const t = useTranslations('terminals');
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.terminals.registerGateway.mutationOptions());
  const [serial, setSerial] = useState('');
  const [shown, setShown] = useState<ShownCredential | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (shown) return <SecretBox credential={shown} broker={broker} onDone={() => setShown(null)} />;
  return (
    <form
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          setShown(await m.mutateAsync({ smeClientId, serial }));
          setSerial('');
          router.refresh();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <label className="min-w-0 flex-1 text-sm font-medium text-slate-700">
        {t('gatewaySerial')}
        <input
          value={serial}
          onChange={(e) => setSerial(e.target.value)}
          className={`${inputClass} mt-1 font-mono`}
          autoComplete="off"
          data-testid="gateway-serial"
        />
      </label>
      <Button type="submit" disabled={m.isPending || !serial.trim()} data-testid="gateway-register">
        {t('registerGateway')}
      </Button>
      <div className="sm:hidden">
        <FormError message={error} />
      </div>
      <div className="hidden sm:block">{error ? <FormError message={error} /> : null}</div>
    </form>
  );
}

/** New secret or revocation of one gateway, each confirmed first. */
export function GatewayRowActions({
  gateway,
  carries,
  broker,
}: {
  gateway: { id: string; serial: string; secretSetAt: Date };
  carries: number;
  broker: string | null;
}) {
  const t = useTranslations('terminals');
  const trpc = useTRPC();
  const router = useRouter();
  const rotate = useMutation(trpc.terminals.rotate.mutationOptions());
  const revoke = useMutation(trpc.terminals.revoke.mutationOptions());
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [shown, setShown] = useState<ShownCredential | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = rotate.isPending || revoke.isPending;
  async function run(action: () => Promise<ShownCredential | null>) {
    setError(null);
    try {
      const c = await action();
      setConfirm(null);
      if (c) setShown(c);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  if (shown) return <SecretBox credential={shown} broker={broker} onDone={() => setShown(null)} />;
  return (
    <div className="flex flex-wrap gap-2">
      <Button tone="secondary" className="px-2.5 py-1" onClick={() => setConfirm('rotate')} disabled={busy}>
        {t('rotate')}
      </Button>
      <Button tone="danger" className="px-2.5 py-1" onClick={() => setConfirm('revoke')} disabled={busy}>
        {t('revoke')}
      </Button>
      <ConfirmDialog
        open={confirm === 'rotate'}
        title={t('rotateGatewayTitle', { serial: gateway.serial })}
        confirmLabel={t('rotate')}
        cancelLabel={t('cancel')}
        busy={busy}
        onConfirm={() => void run(() => rotate.mutateAsync({ id: gateway.id, secretSetAt: gateway.secretSetAt }))}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('rotateBody')}</p>
        <FormError message={error} />
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'revoke'}
        title={t('revokeGatewayTitle', { serial: gateway.serial })}
        confirmLabel={t('revoke')}
        cancelLabel={t('cancel')}
        tone="danger"
        busy={busy}
        onConfirm={() =>
          void run(async () => {
            await revoke.mutateAsync({ id: gateway.id });
            return null;
          })
        }
        onCancel={() => setConfirm(null)}
      >
        <p>{t('revokeGatewayBody', { count: carries })}</p>
        <FormError message={error} />
      </ConfirmDialog>
    </div>
  );
}

/** Which gateway (of the same SME) may report for a terminal; saved on change. */
export function GatewaySelect({
  terminal,
  gateways,
}: {
  terminal: { id: string; serial: string; gatewayId: string | null };
  gateways: { id: string; serial: string }[];
}) {
  const t = useTranslations('terminals');
  const trpc = useTRPC();
  const router = useRouter();
  const m = useMutation(trpc.terminals.assignGateway.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <select
        aria-label={t('assign', { serial: terminal.serial })}
        value={terminal.gatewayId ?? ''}
        disabled={m.isPending}
        onChange={async (e) => {
          setError(null);
          try {
            await m.mutateAsync({ terminalId: terminal.id, gatewayId: e.target.value || null });
            router.refresh();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
        className={`${inputClass} py-1 sm:min-w-[9rem]`}
        data-testid="terminal-gateway-select"
      >
        <option value="">{t('noGateway')}</option>
        {gateways.map((g) => (
          <option key={g.id} value={g.id}>
            {g.serial}
          </option>
        ))}
      </select>
      {error ? <p className="mt-1 whitespace-normal text-xs text-red-700">{error}</p> : null}
    </div>
  );
}
