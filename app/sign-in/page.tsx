import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { getSessionUser } from '@/server/auth/session';
import { homePath } from '@/server/domain/auth/scope';

export async function generateMetadata() {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const user = await getSessionUser().catch(() => null);
  if (user) redirect(homePath(user.scope));
  const t = await getTranslations();
  const { signedOut } = await searchParams;
  return (
    <main className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <LocaleSwitch signedIn={false} />
      </div>
      <div className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-6 pb-24">
        <div className="mb-8 flex items-center gap-3">
          <span aria-hidden className="grid h-10 w-10 place-items-center rounded-lg bg-teal-700 font-semibold text-white">
            D1
          </span>
          <div>
            <div className="text-lg font-semibold text-slate-900">{t('app.name')}</div>
            <div className="text-sm text-slate-500">{t('app.tagline')}</div>
          </div>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{t('signIn.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('signIn.subtitle')}</p>
          {signedOut ? (
            <p className="mt-4 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800" role="status">
              {t('signIn.signedOut')}
            </p>
          ) : null}
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
