import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/account-forms';
import { AuthShell, LinkProblem } from '@/components/auth/auth-shell';
import { PASSWORD_MIN } from '@/server/auth/password-policy';
import { getDb } from '@/server/db/client';
import { inspectReset } from '@/server/services/accounts/password-reset';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('reset');
  return { title: t('title'), referrer: 'no-referrer' };
}

/** The one-time reset link: choose a new password; every session of the user ends. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const info = await inspectReset(await getDb(), token);
  if (!info.ok) return <LinkProblem title={t('reset.linkProblem')} reason={info.reason} href="/forgot-password" action={t('reset.askAgain')} />;
  return (
    <AuthShell title={t('reset.title')} subtitle={t('reset.intro', { email: info.email })}>
      <ResetPasswordForm token={token} minLength={PASSWORD_MIN} />
    </AuthShell>
  );
}
