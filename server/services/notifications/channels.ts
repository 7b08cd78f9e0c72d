/**
 * Which channels deliver notifications, chosen by configuration: `NOTIFY_CHANNELS` is a comma-separated list of
 * channel ids (default `email`). A channel listed but not usable (email without `SMTP_URL`, an id no module provides)
 * is left out and said so once in the log. Adding a channel is one module implementing `NotificationChannel`, one
 * line in `available` below, and its own settings in the environment: docs/notifications.md.
 */
import { log } from '../../log';
import type { NotificationChannel } from './channel';
import { emailAvailable, emailChannel } from './email-channel';

/** Every channel this build provides, with whether its settings are present. */
const available: Record<string, { channel: NotificationChannel; configured: () => boolean; needs: string }> = {
  email: { channel: emailChannel, configured: emailAvailable, needs: 'SMTP_URL' },
};

const warned = new Set<string>();
function warnOnce(key: string, msg: string, extra: Record<string, unknown>) {
  if (warned.has(key)) return;
  warned.add(key);
  log.warn(extra, msg);
}

export function configuredChannels(env: NodeJS.ProcessEnv = process.env): NotificationChannel[] {
  const ids = (env.NOTIFY_CHANNELS ?? 'email')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const out: NotificationChannel[] = [];
  for (const id of new Set(ids)) {
    const entry = available[id];
    if (!entry) warnOnce(`unknown:${id}`, 'NOTIFY_CHANNELS names a channel this build does not provide: it is ignored', { channel: id });
    else if (!entry.configured())
      warnOnce(`unset:${id}`, `notification channel "${id}" is not configured (set ${entry.needs}): nothing is sent on it`, { channel: id });
    else out.push(entry.channel);
  }
  return out;
}
