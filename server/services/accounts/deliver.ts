import type { AppLocale } from '../../i18n/locales';
import { serverTranslator } from '../../i18n/messages';
import { log } from '../../log';
import { mailConfigured, sendMail } from '../../mail/mailer';
import { linkOrigin } from './links';

export type LinkDelivery = { delivered: true } | { delivered: false; link: string };

/**
 * Sends a one-time link by mail in the recipient's language. When it could not go out (no SMTP configured, no
 * trusted APP_URL for the link, or the server refused it), the link is in the server log and is handed back so
 * that the admin who asked can pass it on.
 */
export async function deliverLink(input: {
  to: string;
  locale: AppLocale;
  kind: 'invite' | 'reset';
  path: string;
  expiresAt: Date;
  params?: Record<string, string>;
}): Promise<LinkDelivery> {
  const { origin, trusted } = await linkOrigin();
  const link = `${origin}${input.path}`;
  const t = serverTranslator(input.locale);
  const expires = t('mail.expiresAt', { at: input.expiresAt });
  const subject = t(`mail.${input.kind}.subject`, input.params ?? {});
  const text = `${t(`mail.${input.kind}.body`, { ...(input.params ?? {}), link })}\n\n${expires}\n`;
  if (mailConfigured() && !trusted) {
    log.warn(
      { mail: { to: input.to, subject, text } },
      'SMTP_URL is set but APP_URL is not: links are not emailed (a request host cannot be trusted); the message is logged instead',
    );
    return { delivered: false, link };
  }
  const sent = await sendMail({ to: input.to, subject, text }, { kind: input.kind });
  return sent.delivered ? { delivered: true } : { delivered: false, link };
}
