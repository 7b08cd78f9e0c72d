import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/auth/account-forms';
import { AuthShell } from '@/components/auth/auth-shell';
import { RESET_MINUTES } from '@/server/services/accounts/password-reset';

export async function generateMetadata() {
  const t = await getTranslations('reset');
  return { title: t('forgotTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('reset');
  return (
    <AuthShell title={t('forgotTitle')} subtitle={t('forgotIntro')}>
      <ForgotPasswordForm minutes={RESET_MINUTES} />
      <p className="mt-4 text-center text-sm">
        <Link href="/sign-in" className="text-teal-700 hover:underline">
          {t('backToSignIn')}
        </Link>
      </p>
    </AuthShell>
  );
}
