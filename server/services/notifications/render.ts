/**
 * A notification as words, in the recipient's language: a subject and a plain-text body with the link to the place
 * where the work is done, and a closing line that says how to change one's choices.
 */
import { formatMoney } from '../../domain/money/money';
import type { NotificationKind } from '../../domain/notifications/kinds';
import type { AppLocale } from '../../i18n/locales';
import { serverTranslator } from '../../i18n/messages';

/** What the words name: the object (project "P-2026-001 Title", claim number), who else is involved, money. */
export type NotificationFacts = {
  object: string;
  /** The other party: the SME (for staff and officials), the integrator (for the SME owner), or the new colleague. */
  party: string;
  amountFen?: bigint | null;
  /** quoteAnswered: whether the owner accepted. */
  accepted?: boolean;
  /** claimReturned: the county's reason. */
  reason?: string | null;
  /** machinesSilent, fundedMachinesSilent: the project's machines silent or unused now, of how many. */
  machines?: { silent: number; unused: number; of: number };
};

export type NotificationMessage = { subject: string; text: string; link: string };

export function renderNotification(
  kind: NotificationKind,
  locale: AppLocale,
  recipient: { name: string },
  facts: NotificationFacts,
  links: { item: string; account: string },
): NotificationMessage {
  const t = serverTranslator(locale);
  const params = {
    name: recipient.name,
    object: facts.object,
    party: facts.party,
    amount: facts.amountFen != null ? formatMoney(facts.amountFen, locale) : '',
    answer: facts.accepted ? 'accepted' : 'declined',
    reason: facts.reason?.trim() || t('notify.noReason'),
    silent: facts.machines?.silent ?? 0,
    unused: facts.machines?.unused ?? 0,
    of: facts.machines?.of ?? 0,
  };
  const subject = t(`notify.${kind}.subject`, params);
  const body = t(`notify.${kind}.body`, params);
  const text = `${t('notify.greeting', params)}\n\n${body}\n\n${t('notify.open', { link: links.item })}\n\n-- \n${t('notify.footer', { link: links.account })}\n`;
  return { subject, text, link: links.item };
}
