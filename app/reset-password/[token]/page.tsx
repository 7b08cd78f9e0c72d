import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/account-forms';
import { AuthShell, Notice } from '@/components/auth/auth-shell';
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
  if (!info.ok) {
    return (
      <AuthShell title={t('reset.linkProblem')}>
        <Notice tone="bad">{t(`errors.accounts.link.${info.reason}`)}</Notice>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="text-teal-700 hover:underline">
            {t('reset.askAgain')}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t('reset.title')} subtitle={t('reset.intro', { email: info.email })}>
      <ResetPasswordForm token={token} minLength={PASSWORD_MIN} />
    </AuthShell>
  );
}
