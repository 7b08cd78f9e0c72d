/**
 * A notification channel: one way of reaching a person (email; a WeChat Work or SMS gateway would be others). The
 * delivery job hands each channel the recipient and the message already rendered in their language; the channel
 * says whether it went out. A channel never throws for a refused message: it answers `{ ok: false, error }`, and the
 * job retries later and shows the failure to the recipient's admin. See docs/notifications.md.
 */
import type { AppLocale } from '../../i18n/locales';
import type { NotificationMessage } from './render';

export type Recipient = { userId: string; name: string; email: string; locale: AppLocale };
export type SendResult = { ok: true } | { ok: false; error: string };

export interface NotificationChannel {
  /** Stable id, stored with each delivery and named in `NOTIFY_CHANNELS` ("email", "wecom", "sms", …). */
  readonly id: string;
  send(recipient: Recipient, message: NotificationMessage): Promise<SendResult>;
}
