import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { NotificationChoices } from '@/components/account/notification-choices';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { PageHeader } from '@/components/ui/page-header';
import { PASSWORD_MIN } from '@/server/auth/password-policy';
import { getSessionUser } from '@/server/auth/session';
import { getServerCaller } from '@/server/trpc/server';

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) notFound();
  const t = await getTranslations('account');
  const tr = await getTranslations('roles');
  const notices = await (await getServerCaller()).notifications.myChoices();
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('profile')}>
          <DefinitionList
            items={[
              [t('name'), user.name],
              [t('email'), user.email],
              [t('role'), tr(user.scope.role)],
              [t('language'), <LocaleSwitch key="l" signedIn />],
            ]}
          />
        </Card>
        <Card title={t('changePassword')}>
          <p className="mb-4 text-sm text-slate-600">{t('changePasswordIntro')}</p>
          <ChangePasswordForm minLength={PASSWORD_MIN} />
        </Card>
        <Card title={t('notifications')}>
          <NotificationChoices initial={notices.kinds} channels={notices.channels} />
        </Card>
      </div>
    </>
  );
}
