import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/auth/account-forms';
import { AuthShell, LinkProblem } from '@/components/auth/auth-shell';
import { localName } from '@/components/ui/names';
import { PASSWORD_MIN } from '@/server/auth/password-policy';
import { getDb } from '@/server/db/client';
import { inspectInvitation } from '@/server/services/accounts/invitations';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('invite');
  return { title: t('accept'), referrer: 'no-referrer' };
}

/** The one-time invitation link: the invitee chooses a name and password, then signs in. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const locale = await getLocale();
  const info = await inspectInvitation(await getDb(), token);
  if (!info.ok) return <LinkProblem title={t('invite.linkProblem')} reason={info.reason} href="/sign-in" action={t('invite.toSignIn')} />;
  const org = localName(locale, info.organisation.name, info.organisation.nameEn);
  const role = info.isAdmin ? `${t(`roles.${info.role}`)} · ${t('staff.admin')}` : t(`roles.${info.role}`);
  return (
    <AuthShell title={t('invite.acceptTitle', { org })} subtitle={t('invite.acceptIntro', { role, email: info.email })}>
      <AcceptInvitationForm token={token} defaultName={info.name ?? ''} minLength={PASSWORD_MIN} />
    </AuthShell>
  );
}
