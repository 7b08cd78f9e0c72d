'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setLocaleCookieAction } from '@/app/actions/session';
import { useTRPC } from '@/components/trpc/provider';
import { locales } from '@/server/i18n/locales';

/** Switches the language; when signed in the choice is saved on the user (through tRPC). */
export function LocaleSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('locale');
  const current = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [pending, startTransition] = useTransition();
  const save = useMutation(trpc.me.setLocale.mutationOptions());
  const queryClient = useQueryClient();

  function choose(locale: (typeof locales)[number]) {
    startTransition(async () => {
      if (signedIn) await save.mutateAsync({ locale });
      else await setLocaleCookieAction(locale);
      router.refresh();
      // client queries carry text worded by the server in the caller's language (a claim's reasoning): fetch them again
      await queryClient.invalidateQueries();
    });
  }

  return (
    <fieldset data-testid="locale-switch" className="inline-flex overflow-hidden rounded-lg border border-slate-300 text-xs">
      <legend className="sr-only">{t('label')}</legend>
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          disabled={pending}
          aria-pressed={current === l}
          onClick={() => choose(l)}
          className={`px-2.5 py-1.5 font-medium transition ${current === l ? 'bg-teal-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'} disabled:opacity-60`}
        >
          {t(l)}
        </button>
      ))}
    </fieldset>
  );
}
