'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';
import { SecretBox, type ShownCredential } from './secret-box';

type Live = { id: string; serial: string; gatewayId: string | null; secretSetAt: Date } | null;

/**
 * What staff do with a machine's terminal: register one (or replace the live one), give it a new secret, revoke it —
 * each behind a confirmation that says what happens. A new secret is shown once, here, until dismissed.
 */
export function MachineTerminalActions({
  machineId,
  live,
  gateways,
  broker,
}: {
  machineId: string;
  live: Live;
  gateways: { id: string; serial: string }[];
  broker: string | null;
}) {
  const t = useTranslations('terminals');
  const trpc = useTRPC();
  const router = useRouter();
  const register = useMutation(trpc.terminals.register.mutationOptions());
  const rotate = useMutation(trpc.terminals.rotate.mutationOptions());
  const revoke = useMutation(trpc.terminals.revoke.mutationOptions());
  const [serial, setSerial] = useState('');
  const [gatewayId, setGatewayId] = useState('');
  const [confirm, setConfirm] = useState<'replace' | 'rotate' | 'revoke' | null>(null);
  const [shown, setShown] = useState<ShownCredential | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = register.isPending || rotate.isPending || revoke.isPending;

  async function run(action: () => Promise<ShownCredential | null>) {
    setError(null);
    try {
      const c = await action();
      setConfirm(null);
      setSerial('');
      if (c) setShown(c);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const doRegister = (replace: boolean) => run(async () => register.mutateAsync({ machineId, serial, gatewayId: gatewayId || null, replace }));

  if (shown) return <SecretBox credential={shown} broker={broker} onDone={() => setShown(null)} />;

  const serialField = (id: string, label: string) => (
    <Field label={label} htmlFor={id} hint={t('serialHint')}>
      <input
        id={id}
        value={serial}
        onChange={(e) => setSerial(e.target.value)}
        className={`${inputClass} font-mono`}
        autoComplete="off"
        data-testid="terminal-serial"
      />
    </Field>
  );
  const gatewayField = gateways.length ? (
    <Field label={t('gateway')} htmlFor="terminal-gateway">
      <select id="terminal-gateway" value={gatewayId} onChange={(e) => setGatewayId(e.target.value)} className={inputClass} data-testid="terminal-gateway">
        <option value="">{t('noGateway')}</option>
        {gateways.map((g) => (
          <option key={g.id} value={g.id}>
            {g.serial}
          </option>
        ))}
      </select>
    </Field>
  ) : null;

  return (
    <div className="space-y-3">
      {live ? (
        <div className="flex flex-wrap gap-2">
          <Button tone="secondary" onClick={() => setConfirm('replace')} disabled={busy} data-testid="terminal-replace">
            {t('replace')}
          </Button>
          <Button tone="secondary" onClick={() => setConfirm('rotate')} disabled={busy} data-testid="terminal-rotate">
            {t('rotate')}
          </Button>
          <Button tone="danger" onClick={() => setConfirm('revoke')} disabled={busy} data-testid="terminal-revoke">
            {t('revoke')}
          </Button>
        </div>
      ) : (
        <form
          className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start"
          onSubmit={(e) => {
            e.preventDefault();
            void doRegister(false);
          }}
        >
          {serialField('terminal-serial', t('serial'))}
          {gatewayField ?? <span className="hidden sm:block" />}
          <PendingButton
            type="submit"
            disabled={busy || !serial.trim()}
            className="sm:mt-6"
            data-testid="terminal-register"
            pending={register.isPending}
            pendingLabel={t('registering')}
          >
            {t('register')}
          </PendingButton>
        </form>
      )}
      {confirm === null ? <FormError message={error} /> : null}
      {live ? (
        <>
          <ConfirmDialog
            open={confirm === 'replace'}
            title={t('replaceTitle', { serial: live.serial })}
            confirmLabel={t('replace')}
            cancelLabel={t('cancel')}
            busy={busy}
            onConfirm={() => void doRegister(true)}
            onCancel={() => setConfirm(null)}
            testId="terminal-replace-dialog"
          >
            <p>{t('replaceBody', { serial: live.serial })}</p>
            {serialField('terminal-new-serial', t('newSerial'))}
            {gatewayField}
            <FormError message={error} />
          </ConfirmDialog>
          <ConfirmDialog
            open={confirm === 'rotate'}
            title={t('rotateTitle', { serial: live.serial })}
            confirmLabel={t('rotate')}
            cancelLabel={t('cancel')}
            busy={busy}
            onConfirm={() => void run(() => rotate.mutateAsync({ id: live.id, secretSetAt: live.secretSetAt }))}
            onCancel={() => setConfirm(null)}
            testId="terminal-rotate-dialog"
          >
            <p>{t('rotateBody')}</p>
            <FormError message={error} />
          </ConfirmDialog>
          <ConfirmDialog
            open={confirm === 'revoke'}
            title={t('revokeTitle', { serial: live.serial })}
            confirmLabel={t('revoke')}
            cancelLabel={t('cancel')}
            tone="danger"
            busy={busy}
            onConfirm={() =>
              void run(async () => {
                await revoke.mutateAsync({ id: live.id });
                return null;
              })
            }
            onCancel={() => setConfirm(null)}
            testId="terminal-revoke-dialog"
          >
            <p>{t('revokeBody')}</p>
            <FormError message={error} />
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}
