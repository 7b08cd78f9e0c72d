'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/form';

export type ShownCredential = { terminalId: string; serial: string; username: string; secret: string; topic: string };

function CopyRow({ label, value, testId, mono = true }: { label: string; value: string; testId: string; mono?: boolean }) {
  const t = useTranslations('terminals.secret');
  const [copied, setCopied] = useState(false);
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 flex min-w-0 items-start gap-2">
        <code
          className={`min-w-0 flex-1 break-all rounded-md bg-white px-2 py-1 text-sm text-slate-900 ring-1 ring-slate-200 ${mono ? 'font-mono' : ''}`}
          data-testid={testId}
        >
          {value}
        </code>
        <Button
          tone="secondary"
          className="shrink-0 px-2.5 py-1"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
          aria-label={`${t('copy')} ${label}`}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      </dd>
    </div>
  );
}

/**
 * A new credential, shown once: the secret with what a terminal needs beside it (username, topic) and an example
 * message. Nothing of it is kept in the page once dismissed.
 */
export function SecretBox({ credential, broker, onDone }: { credential: ShownCredential; broker: string | null; onDone: () => void }) {
  const t = useTranslations('terminals');
  // broker: "host:port" (an empty host: this page's own host name)
  const cut = (broker ?? '').lastIndexOf(':');
  const brokerHost = cut >= 0 ? (broker ?? '').slice(0, cut) : (broker ?? '');
  const port = (cut >= 0 ? (broker ?? '').slice(cut + 1) : '') || '1883';
  const [host, setHost] = useState(brokerHost || 'localhost');
  useEffect(() => {
    if (!brokerHost) setHost(window.location.hostname);
  }, [brokerHost]);
  const example = `mosquitto_pub -h ${host} -p ${port} -q 1 -i ${credential.username} -u ${credential.username} -P '${credential.secret}' -t ${credential.topic} -m '{"seq":1,"ts":"${new Date().toISOString()}","state":"running","count":0}'`;
  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 p-4" role="alert" data-testid="secret-box">
      <h3 className="text-sm font-semibold text-amber-900">{t('secret.title', { serial: credential.serial })}</h3>
      <p className="mt-1 text-sm text-amber-900">{t('secret.warning')}</p>
      <dl className="mt-3 grid grid-cols-1 gap-3">
        <CopyRow label={t('secret.secret')} value={credential.secret} testId="secret-value" />
        <CopyRow label={t('username')} value={credential.username} testId="secret-username" />
        <CopyRow label={t('topic')} value={credential.topic} testId="secret-topic" />
        <CopyRow label={t('secret.example')} value={example} testId="secret-example" />
      </dl>
      <p className="mt-2 text-xs text-amber-900">{t('secret.exampleHint')}</p>
      <div className="mt-3 flex justify-end">
        <Button onClick={onDone} data-testid="secret-done">
          {t('secret.done')}
        </Button>
      </div>
    </div>
  );
}
