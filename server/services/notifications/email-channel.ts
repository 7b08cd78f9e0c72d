/** The email channel: the one SMTP sender of server/mail/mailer.ts, to the address the person signs in with. */
import { mailConfigured, sendMail } from '../../mail/mailer';
import type { NotificationChannel } from './channel';

export const emailChannel: NotificationChannel = {
  id: 'email',
  async send(recipient, message) {
    const r = await sendMail({ to: recipient.email, subject: message.subject, text: message.text }, { kind: 'notification', userId: recipient.userId });
    if (r.delivered) return { ok: true };
    return { ok: false, error: r.reason === 'failed' ? r.error : 'SMTP_URL is not set' };
  },
};

/** Email can be used when an SMTP server is configured. */
export const emailAvailable = mailConfigured;
