'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { LinkToPassOn } from '@/components/staff/staff-actions';
import { useTRPC } from '@/components/trpc/provider';
import { Field, FormError, inputClass } from '@/components/ui/form';
import { localName } from '@/components/ui/names';
import { PendingButton } from '@/components/ui/pending';
import type { AppLocale } from '@/server/i18n/locales';

type InviteRole = 'INTEGRATOR_ENGINEER' | 'INTEGRATOR_ADMIN' | 'SME_OWNER' | 'COUNTY_OFFICIAL';

/** The SME an owner is invited to, searched on the server (an integrator may have thousands). */
function SmePicker({ error }: { error?: string }) {
  const t = useTranslations('invite');
  const locale = useLocale() as AppLocale;
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const found = useQuery(trpc.clients.list.queryOptions({ q: q.trim() || undefined, page: 1, pageSize: 50 }, { placeholderData: (prev) => prev }));
  const items = found.data?.items ?? [];
  return (
    <Field label={t('sme')} htmlFor="invite-sme" error={error} hint={found.data ? t('smeShown', { shown: items.length, total: found.data.total }) : null}>
      <input
        type="search"
        aria-label={t('searchSme')}
        placeholder={t('searchSme')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className={`${inputClass} mb-1.5`}
      />
      <select id="invite-sme" name="smeClientId" required defaultValue="" className={inputClass}>
        <option value="" disabled>
          {t('chooseSme')}
        </option>
        {items.map((s) => (
          <option key={s.id} value={s.id}>
            {localName(locale, s.legalName, s.legalNameEn)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Invite a user into the admin's tenant. Integrator admins pick engineer, admin or SME owner (then the SME);
 * county admins invite officials, optionally as admins. The result says whether the link was mailed, or shows it.
 */
export function InviteForm({ kind, days }: { kind: 'integrator' | 'county'; days: number }) {
  const t = useTranslations();
  const locale = useLocale() as AppLocale;
  const router = useRouter();
  const trpc = useTRPC();
  const invite = useMutation(trpc.staff.invite.mutationOptions());
  const [role, setRole] = useState<InviteRole>(kind === 'county' ? 'COUNTY_OFFICIAL' : 'INTEGRATOR_ENGINEER');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const roles: InviteRole[] = kind === 'county' ? ['COUNTY_OFFICIAL'] : ['INTEGRATOR_ENGINEER', 'INTEGRATOR_ADMIN', 'SME_OWNER'];
  const result = invite.data;
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">{t('invite.intro', { days })}</p>
      <form
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          setError(null);
          setFieldErrors({});
          invite.reset();
          try {
            await invite.mutateAsync({
              email: String(f.get('email') ?? ''),
              name: String(f.get('name') ?? '') || null,
              role,
              smeClientId: role === 'SME_OWNER' ? String(f.get('smeClientId') ?? '') || null : null,
              isAdmin: kind === 'county' ? f.get('isAdmin') === 'on' : undefined,
              locale: (String(f.get('locale') ?? locale) as AppLocale) || locale,
            });
            form.reset();
            setRole(kind === 'county' ? 'COUNTY_OFFICIAL' : 'INTEGRATOR_ENGINEER');
            router.refresh();
          } catch (err) {
            // the server names each bad field; say it in the user's language next to the field
            const list = (err as { data?: { fieldErrors?: { path: string; message: string }[] | null } }).data?.fieldErrors ?? [];
            const said: Record<string, string> = {
              email: t('signIn.emailInvalid'),
              name: t('errors.accounts.nameTooLong', { max: 100 }),
              smeClientId: t('errors.accounts.smeRequired'),
            };
            setFieldErrors(Object.fromEntries(list.map((f) => [f.path, said[f.path] ?? f.message])));
            setError((err as Error).message);
          }
        }}
      >
        <div className="sm:col-span-2 lg:col-span-3">
          <FormError message={error} />
        </div>
        <Field label={t('invite.email')} htmlFor="invite-email" error={fieldErrors.email}>
          <input id="invite-email" name="email" type="email" required autoComplete="off" className={inputClass} />
        </Field>
        <Field label={t('invite.name')} htmlFor="invite-name" error={fieldErrors.name}>
          <input id="invite-name" name="name" maxLength={100} autoComplete="off" className={inputClass} />
        </Field>
        <Field label={t('invite.role')} htmlFor="invite-role">
          <select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value as InviteRole)} className={inputClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {role === 'SME_OWNER' ? <SmePicker error={fieldErrors.smeClientId} /> : null}
        {kind === 'county' ? (
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" name="isAdmin" className="h-4 w-4 rounded border-slate-300" />
            {t('invite.isAdmin')}
          </label>
        ) : null}
        <Field label={t('invite.language')} htmlFor="invite-locale">
          <select key={locale} id="invite-locale" name="locale" defaultValue={locale} className={inputClass}>
            <option value="zh-CN">{t('locale.zh-CN')}</option>
            <option value="en">{t('locale.en')}</option>
          </select>
        </Field>
        <div className="flex items-end">
          <PendingButton type="submit" data-testid="invite-submit" pending={invite.isPending} pendingLabel={t('invite.submitting')}>
            {t('invite.submit')}
          </PendingButton>
        </div>
      </form>
      {result?.delivered ? (
        <p className="mt-3 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-800" role="status">
          {t('invite.mailed', { email: result.email })}
        </p>
      ) : null}
      {result && !result.delivered ? <LinkToPassOn text={t('invite.linkShown', { email: result.email, at: result.expiresAt })} link={result.link} /> : null}
    </div>
  );
}
