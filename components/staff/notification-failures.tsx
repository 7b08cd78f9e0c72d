import { getFormatter, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { getServerCaller } from '@/server/trpc/server';

/** For a tenant's admin: the notices that could not reach its people, newest first, with the server's answer. */
export async function NotificationFailures() {
  const api = await getServerCaller();
  const t = await getTranslations();
  const format = await getFormatter();
  const { count, items, channels } = await api.notifications.failures();
  return (
    <Card title={t('notifyFailures.title')}>
      <p className="mb-3 text-sm text-slate-600">{t('notifyFailures.intro')}</p>
      {items.length ? (
        <>
          <p className="mb-2 text-sm font-medium text-slate-800">{t('notifyFailures.total', { count })}</p>
          <ul className="divide-y divide-slate-100" data-testid="notification-failures">
            {items.map((f) => (
              <li key={f.id} className="grid gap-1 py-2 text-sm sm:grid-cols-[10rem_1fr]">
                <span className="text-slate-600">{format.dateTime(f.at, { dateStyle: 'medium', timeStyle: 'short' })}</span>
                <span className="min-w-0">
                  <span className="font-medium text-slate-800">{t(`notifyChoices.kind.${f.kind}.label` as 'notifyChoices.kind.toVerify.label')}</span>
                  {' · '}
                  {t('notifyFailures.to')} {f.recipient ?? t('notifyFailures.unknown')}
                  {' · '}
                  {t(`notifyChoices.channel.${f.channel}` as 'notifyChoices.channel.email')}
                  {' · '}
                  {t('notifyFailures.attempts')} {f.attempts}
                  {f.error ? <span className="block break-words text-xs text-slate-600">{`${t('notifyFailures.error')}: ${f.error}`}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-slate-600">{channels.length ? t('notifyFailures.none') : t('notifyFailures.noChannel')}</p>
      )}
    </Card>
  );
}
