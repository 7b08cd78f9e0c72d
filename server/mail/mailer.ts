/**
 * Outgoing mail. With `SMTP_URL` set (e.g. `smtps://user:pass@smtp.example.com:465`), messages go out through
 * nodemailer's SMTP transport from `MAIL_FROM`. With none configured, nothing is sent: the message (and the link
 * in it) is written to the server log, and the caller shows the link to the admin who asked for it.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { log } from '../log';

export type Mail = { to: string; subject: string; text: string };
export type MailResult = { delivered: true } | { delivered: false; reason: 'notConfigured' } | { delivered: false; reason: 'failed'; error: string };

let cached: { url: string; transport: Transporter } | undefined;

function transport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/** Sends a message, or logs it when no SMTP server is configured. Never throws: a failed send is reported. */
export async function sendMail(mail: Mail, context: Record<string, unknown> = {}): Promise<MailResult> {
  const t = transport();
  if (!t) {
    log.info({ mail: { to: mail.to, subject: mail.subject, text: mail.text }, ...context }, 'mail not sent (no SMTP_URL): the message is logged instead');
    return { delivered: false, reason: 'notConfigured' };
  }
  try {
    await t.sendMail({ from: process.env.MAIL_FROM || 'Retrofit Pathway <no-reply@localhost>', to: mail.to, subject: mail.subject, text: mail.text });
    log.info({ mail: { to: mail.to, subject: mail.subject }, ...context }, 'mail sent');
    return { delivered: true };
  } catch (err) {
    log.error({ err, mail: { to: mail.to, subject: mail.subject, text: mail.text }, ...context }, 'mail failed: the message is logged instead');
    return { delivered: false, reason: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500) };
  }
}
