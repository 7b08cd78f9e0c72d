import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AcceptInvitationForm } from '@/components/auth/account-forms';
import { AuthShell, Notice } from '@/components/auth/auth-shell';
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
  if (!info.ok) {
    return (
      <AuthShell title={t('invite.linkProblem')}>
        <Notice tone="bad">{t(`errors.accounts.link.${info.reason}`)}</Notice>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="text-teal-700 hover:underline">
            {t('invite.toSignIn')}
          </Link>
        </p>
      </AuthShell>
    );
  }
  const org = locale === 'en' ? (info.organisation.nameEn ?? info.organisation.name) : info.organisation.name;
  const role = info.isAdmin ? `${t(`roles.${info.role}`)} · ${t('staff.admin')}` : t(`roles.${info.role}`);
  return (
    <AuthShell title={t('invite.acceptTitle', { org })} subtitle={t('invite.acceptIntro', { role, email: info.email })}>
      <AcceptInvitationForm token={token} defaultName={info.name ?? ''} minLength={PASSWORD_MIN} />
    </AuthShell>
  );
}
