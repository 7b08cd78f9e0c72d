import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { InviteForm } from '@/components/staff/invite-form';
import { NotificationFailures } from '@/components/staff/notification-failures';
import { CountyAdminToggle, RevokeInvitationButton, SendResetButton, StaffActiveToggle, StaffRoleSelect } from '@/components/staff/staff-actions';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { localName } from '@/components/ui/names';
import { Empty, Table, Td } from '@/components/ui/table';
import { INVITATION_DAYS } from '@/server/services/accounts/invitations';
import { getServerCaller } from '@/server/trpc/server';

/**
 * The admin's people: the tenant's users (role, status, reset link, deactivate), the invite form and the
 * invitations sent. Integrator admins see staff and SME owners; county admins see the county's officials.
 */
export async function StaffSection({ kind, meId }: { kind: 'integrator' | 'county'; meId: string }) {
  const api = await getServerCaller();
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const [staff, invitations] = await Promise.all([api.staff.list(), api.staff.invitations()]);
  const statusTone = { PENDING: 'amber', ACCEPTED: 'teal', EXPIRED: 'slate', REVOKED: 'red' } as const;
  return (
    <div id="staff" className="space-y-4">
      <Card title={kind === 'county' ? t('staff.countyTitle') : t('home.staff')}>
        <Table head={[t('staff.name'), t('staff.email'), t('staff.role'), t('staff.active'), t('staff.lastSignIn'), '']}>
          {staff.map((s) => (
            <tr key={s.id} data-testid="staff-row">
              <Td className="font-medium">{s.name}</Td>
              <Td>{s.email}</Td>
              <Td>
                {kind === 'integrator' && s.id !== meId && (s.role === 'INTEGRATOR_ADMIN' || s.role === 'INTEGRATOR_ENGINEER') ? (
                  <StaffRoleSelect id={s.id} name={s.name} role={s.role} />
                ) : (
                  <span className="inline-flex flex-wrap items-center gap-1.5">
                    {t(`roles.${s.role}`)}
                    {s.isAdmin ? <Badge tone="teal">{t('staff.admin')}</Badge> : null}
                  </span>
                )}
                {s.smeClient ? <span className="block text-xs text-slate-500">{localName(locale, s.smeClient.legalName, s.smeClient.legalNameEn)}</span> : null}
              </Td>
              <Td>{s.active ? <Badge tone="teal">{t('staff.isActive')}</Badge> : <Badge tone="red">{t('staff.isInactive')}</Badge>}</Td>
              <Td>{s.lastSignInAt ? format.dateTime(s.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('staff.never')}</Td>
              <Td className="text-right">
                {s.id === meId ? null : (
                  <div className="flex flex-wrap items-start justify-end gap-2">
                    {kind === 'county' ? <CountyAdminToggle id={s.id} admin={s.isAdmin} /> : null}
                    {s.active ? <SendResetButton id={s.id} name={s.name} email={s.email} /> : null}
                    <StaffActiveToggle id={s.id} name={s.name} active={s.active} />
                  </div>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title={t('invite.sectionTitle')}>
        <InviteForm kind={kind} days={INVITATION_DAYS} />
      </Card>
      <Card title={t('invite.listTitle')}>
        {invitations.length ? (
          <Table head={[t('invite.email'), t('staff.role'), t('invite.status'), t('invite.sent'), t('invite.expires'), '']}>
            {invitations.map((i) => (
              <tr key={i.id} data-testid="invitation-row">
                <Td className="max-w-[16rem]">
                  <span className="block truncate font-medium" title={i.email}>
                    {i.email}
                  </span>
                  {i.name ? <span className="block text-xs text-slate-500">{i.name}</span> : null}
                </Td>
                <Td>
                  {t(`roles.${i.role}`)}
                  {i.isAdmin ? ` · ${t('staff.admin')}` : ''}
                  {i.smeClient ? (
                    <span className="block text-xs text-slate-500">{localName(locale, i.smeClient.legalName, i.smeClient.legalNameEn)}</span>
                  ) : null}
                </Td>
                <Td>
                  <Badge tone={statusTone[i.status]}>{t(`invite.status${i.status}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap">{format.dateTime(i.createdAt, { dateStyle: 'medium' })}</Td>
                <Td className="whitespace-nowrap">{format.dateTime(i.expiresAt, { dateStyle: 'medium', timeStyle: 'short' })}</Td>
                <Td className="text-right">{i.status === 'PENDING' ? <RevokeInvitationButton id={i.id} email={i.email} /> : null}</Td>
              </tr>
            ))}
          </Table>
        ) : (
          <Empty>{t('invite.none')}</Empty>
        )}
      </Card>
      <NotificationFailures />
    </div>
  );
}
