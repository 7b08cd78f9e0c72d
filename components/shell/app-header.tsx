import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/actions/session';
import type { Scope } from '@/server/domain/auth/scope';
import { homePath } from '@/server/domain/auth/scope';
import { LocaleSwitch } from './locale-switch';

type NavItem = { href: string; label: string };

export async function AppHeader({ scope, userName, organisation, todoCount }: { scope: Scope; userName: string; organisation: string; todoCount: number }) {
  const t = await getTranslations();
  const home = homePath(scope);
  const nav: NavItem[] =
    scope.kind === 'integrator'
      ? [
          { href: home, label: t('nav.home') },
          { href: '/clients', label: t('nav.clients') },
          { href: '/clusters', label: t('nav.clusters') },
          { href: '/projects', label: t('nav.projects') },
          { href: '/floor', label: t('nav.floor') },
          { href: '/terminal-health', label: t('nav.terminalHealth') },
          { href: '/claims', label: t('nav.claims') },
          { href: '/settings/price-book', label: t('nav.priceBook') },
          { href: `${home}#funds`, label: t('nav.funds') },
          ...(scope.role === 'INTEGRATOR_ADMIN'
            ? [
                { href: `${home}#staff`, label: t('nav.staff') },
                { href: '/audit', label: t('nav.audit') },
              ]
            : []),
        ]
      : scope.kind === 'sme'
        ? [
            { href: home, label: t('nav.home') },
            { href: `/clients/${scope.smeClientId}`, label: t('nav.myFirm') },
            { href: `/clients/${scope.smeClientId}/floor`, label: t('nav.floor') },
            { href: `/clients/${scope.smeClientId}/machines`, label: t('nav.machines') },
            { href: `/clients/${scope.smeClientId}/assessments`, label: t('nav.assessments') },
            { href: '/projects', label: t('nav.projects') },
            { href: '/claims', label: t('nav.claims') },
          ]
        : [
            { href: home, label: t('nav.home') },
            { href: `${home}#funds`, label: t('nav.funds') },
            { href: '/claims', label: t('nav.claims') },
            { href: '/audit', label: t('nav.audit') },
          ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href={home} className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-teal-700 text-sm text-white">
            D1
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.menu')} className="order-3 -mx-2.5 hidden w-full flex-wrap gap-1 text-sm sm:flex">
          {nav.map((n) => (
            <NavLink key={n.href} item={n} count={n.href === home ? todoCount : 0} countLabel={t('todos.menuCount', { count: todoCount })} />
          ))}
        </nav>
        {/* on a phone the menu folds into one button, so that no entry is cut off */}
        <details className="group order-3 w-full sm:hidden" data-testid="phone-menu">
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700">
            <span aria-hidden>☰</span>
            {t('nav.menu')}
            {todoCount > 0 ? (
              <span className="rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t('todos.menuCount', { count: todoCount })}</span>
            ) : null}
          </summary>
          <nav aria-label={t('nav.menu')} className="mt-2 grid grid-cols-2 gap-1 text-sm">
            {nav.map((n) => (
              <NavLink key={n.href} item={n} count={n.href === home ? todoCount : 0} countLabel={t('todos.menuCount', { count: todoCount })} />
            ))}
          </nav>
        </details>
        <div className="ml-auto flex items-center gap-3">
          <div className="hidden text-right text-xs leading-tight md:block" data-testid="whoami">
            <Link href="/account" className="font-medium text-slate-800 hover:text-teal-700 hover:underline" title={t('nav.account')}>
              {userName}
            </Link>
            <div className="text-slate-500">
              {t(`roles.${scope.role}`)} · {organisation}
            </div>
          </div>
          <LocaleSwitch signedIn />
          <form action={signOutAction}>
            <button type="submit" className="rounded-lg border border-slate-300 px-2.5 py-1.5 text-xs font-medium text-slate-700 hover:bg-slate-100">
              {t('nav.signOut')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

function NavLink({ item, count, countLabel }: { item: NavItem; count: number; countLabel: string }) {
  return (
    <Link href={item.href} className="whitespace-nowrap rounded-md px-2.5 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
      {item.label}
      {count > 0 ? (
        <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="todo-count">
          <span aria-hidden>{count}</span>
          <span className="sr-only">{countLabel}</span>
        </span>
      ) : null}
    </Link>
  );
}
