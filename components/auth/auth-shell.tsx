import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LocaleSwitch } from '@/components/shell/locale-switch';

/** The frame of the pages a signed-out visitor sees: sign-in, invitation, password reset. */
export async function AuthShell({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  const t = await getTranslations();
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
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-slate-600">{subtitle}</p> : null}
          {children}
        </div>
      </div>
    </main>
  );
}

export function Notice({ children, tone = 'ok' }: { children: ReactNode; tone?: 'ok' | 'bad' }) {
  return (
    <p
      className={`mt-4 rounded-lg px-3 py-2 text-sm ${tone === 'ok' ? 'bg-teal-50 text-teal-800' : 'bg-red-50 text-red-700'}`}
      role={tone === 'ok' ? 'status' : 'alert'}
    >
      {children}
    </p>
  );
}

/** A one-time link that no longer works: why, and where to go instead. */
export async function LinkProblem({ title, reason, href, action }: { title: string; reason: 'invalid' | 'expired' | 'used'; href: string; action: string }) {
  const t = await getTranslations('errors.accounts.link');
  return (
    <AuthShell title={title}>
      <Notice tone="bad">{t(reason)}</Notice>
      <p className="mt-4 text-sm">
        <Link href={href} className="text-teal-700 hover:underline">
          {action}
        </Link>
      </p>
    </AuthShell>
  );
}
