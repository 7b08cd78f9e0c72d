import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthShell, Notice } from '@/components/auth/auth-shell';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getSessionUser } from '@/server/auth/session';
import { homePath } from '@/server/domain/auth/scope';

export async function generateMetadata() {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ signedOut?: string; joined?: string; reset?: string; email?: string }> }) {
  const user = await getSessionUser().catch(() => null);
  if (user) redirect(homePath(user.scope));
  const t = await getTranslations();
  const { signedOut, joined, reset, email } = await searchParams;
  return (
    <AuthShell title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      {signedOut ? <Notice>{t('signIn.signedOut')}</Notice> : null}
      {joined ? <Notice>{t('signInNotice.joined')}</Notice> : null}
      {reset ? <Notice>{t('signInNotice.reset')}</Notice> : null}
      <SignInForm defaultEmail={typeof email === 'string' ? email.slice(0, 254) : undefined} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-teal-700 hover:underline">
          {t('reset.forgotLink')}
        </Link>
      </p>
    </AuthShell>
  );
}
