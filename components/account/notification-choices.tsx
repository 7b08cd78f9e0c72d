'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { FormError } from '@/components/ui/form';
import { Spinner } from '@/components/ui/pending';
import type { NotificationKind } from '@/server/domain/notifications/kinds';

type Choice = { kind: NotificationKind; on: boolean };

/** The person's own notices: one switch per kind of work, saved as it is flipped. */
export function NotificationChoices({ initial, channels }: { initial: Choice[]; channels: string[] }) {
  const t = useTranslations('notifyChoices');
  const trpc = useTRPC();
  const [choices, setChoices] = useState(initial);
  const [saving, setSaving] = useState<NotificationKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(trpc.notifications.setMyChoices.mutationOptions());
  async function flip(kind: NotificationKind, on: boolean) {
    setError(null);
    setSaving(kind);
    try {
      const r = await save.mutateAsync({ [kind]: on });
      setChoices(r.kinds);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(null);
    }
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {channels.length ? t('channels', { list: channels.map((c) => t(`channel.${c}` as 'channel.email')).join(t('separator')) }) : t('noChannel')}
      </p>
      <FormError message={error} />
      <ul className="divide-y divide-slate-100">
        {choices.map((c) => (
          <li key={c.kind} className="flex items-start gap-3 py-2">
            <input
              id={`notify-${c.kind}`}
              type="checkbox"
              className="mt-1 size-4 accent-teal-700"
              checked={c.on}
              disabled={saving !== null}
              onChange={(e) => void flip(c.kind, e.currentTarget.checked)}
            />
            <label htmlFor={`notify-${c.kind}`} className="flex-1 text-sm">
              <span className="font-medium text-slate-800">{t(`kind.${c.kind}.label`)}</span>
              <span className="block text-xs text-slate-600">{t(`kind.${c.kind}.hint`)}</span>
            </label>
            {saving === c.kind ? (
              <span role="status" className="inline-flex items-center gap-1 text-xs text-slate-600">
                <Spinner className="size-3.5" />
                {t('saving')}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
