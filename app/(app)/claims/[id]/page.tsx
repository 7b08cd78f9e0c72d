import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PackCard } from '@/components/acceptance/pack-card';
import { ClaimFiling } from '@/components/claims/claim-filing';
import { DecisionForm } from '@/components/claims/decision-form';
import { PayoutForm } from '@/components/claims/payout-form';
import { claimTone } from '@/components/claims/status-tone';
import { UsageCard } from '@/components/claims/usage-card';
import { kindLabel } from '@/components/machines/labels';
import { WatchCard } from '@/components/results/watch-card';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { formatMoney, formatYuan } from '@/server/domain/money/money';
import { shanghaiToday } from '@/server/domain/time';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await getServerCaller();
  const c = await orNotFound(() => api.claims.get({ id }));
  const user = await getSessionUser();
  const t = await getTranslations('claims');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  /** A calendar day (YYYY-MM-DD) as people write it: 2021年6月30日, 30 June 2021. */
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const s = c.snapshot;
  const filer = user?.scope.kind === 'integrator' && can(user.scope.role, 'clients.write') && (c.status === 'DRAFT' || c.status === 'RETURNED');
  const official = user?.scope.kind === 'county' && can(user.scope.role, 'funds.manage');
  // the acceptance pack of the claimed project: what the county will check, with the download
  const pack = user?.scope.kind === 'sme' ? null : await api.acceptance.pack({ projectId: c.projectId }).catch(() => null);
  const usageRule = c.rules.find((r) => r.kind === 'USAGE_REQUIRED');
  // a funded claim: the county watches whether the retrofitted machines are still reporting and used
  const funded = c.status === 'APPROVED' || c.status === 'DISBURSED';
  const watch = funded ? await api.results.watchForClaim({ claimId: c.id }).catch(() => null) : null;
  // a fund that checks usage before payout: what the check says now, before the official records it
  const payoutUsage =
    official && c.status === 'APPROVED' && usageRule?.stage === 'PAYOUT' ? await api.claims.payoutUsage({ id: c.id }).catch(() => null) : null;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="font-mono">{c.number}</span>{' '}
            <span className="align-middle">
              <Badge tone={claimTone[c.status]}>{t(`statuses.${c.status}`)}</Badge>
            </span>
          </>
        }
        intro={`${localName(locale, c.fund.name, c.fund.nameEn)} · ${t('rulesVersion', { version: c.rulesVersion })}${c.batch ? ` · ${c.batch.name}` : ''}`}
      />
      <StatGrid>
        <Stat
          label={c.status === 'DRAFT' || c.status === 'RETURNED' ? t('amountRequested') : t('amountSubmitted')}
          value={formatMoney(c.computedFen, locale)}
          hint={c.status === 'DRAFT' || c.status === 'RETURNED' ? t('amountRequestedNote') : undefined}
        />
        <Stat label={t('approved')} value={c.approvedFen === null ? '—' : formatMoney(c.approvedFen, locale)} />
        <Stat label={t('disbursed')} value={c.disbursedFen ? formatMoney(c.disbursedFen, locale) : '—'} />
        <Stat label={t('sme')} value={<span className="text-base">{localName(locale, s.sme.legalName, s.sme.legalNameEn)}</span>} hint={s.integrator} />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6">
        <Card title={t('explanation')}>
          <p className="text-sm" data-testid="claim-explanation">
            {c.explanationText}
          </p>
          {c.decisionReason ? <p className="mt-2 text-sm text-slate-600">{`${t('reason')}: ${c.decisionReason}`}</p> : null}
        </Card>
        {/* the evidence that the machines are really used, right under the reasoning it backs */}
        <UsageCard usage={s.usage} minHoursPercent={usageRule?.minHoursPercent ?? null} />
        {watch ? (
          <div id="watch" className="scroll-mt-20">
            <WatchCard watch={watch} note={user?.scope.kind === 'county' ? 'claimNote' : null} />
          </div>
        ) : null}
        {pack ? (
          <PackCard
            projectId={c.projectId}
            checklist={pack.checklist}
            attachments={pack.attachments.length}
            attachmentBytes={pack.attachmentBytes}
            satisfactionHref={null}
          />
        ) : null}
        {filer ? (
          <Card title={t('evidence')}>
            <ClaimFiling claimId={c.id} smeClientId={c.smeClientId} required={c.fund.evidenceRequired} submitted={c.status === 'RETURNED'} />
          </Card>
        ) : null}
        {official && c.status === 'SUBMITTED' ? (
          <Card title={t('decide')}>
            <DecisionForm
              claimId={c.id}
              submittedFen={c.computedFen.toString()}
              allowedFen={(c.allowedNowFen ?? c.computedFen).toString()}
              fundName={localName(locale, c.fund.name, c.fund.nameEn)}
            />
          </Card>
        ) : null}
        {official && c.status === 'APPROVED' ? (
          <Card title={t('disburse')}>
            {usageRule?.stage === 'PAYOUT' ? (
              <div className="mb-3 space-y-1 text-sm" data-testid="payout-usage-rule">
                <p className="text-slate-700">
                  {tAll('funds.ruleUsageRequiredPayout', { machines: usageRule.minMachinesPercent, hours: usageRule.minHoursPercent, days: usageRule.days })}
                </p>
                {payoutUsage ? (
                  <p
                    className={`rounded-lg px-3 py-2 ${payoutUsage.met ? 'bg-teal-50 text-teal-900' : 'bg-amber-50 text-amber-900'}`}
                    data-testid="payout-usage-now"
                  >
                    {t('payoutUsageNow', { from: day(payoutUsage.from), to: day(payoutUsage.to), text: payoutUsage.text })}
                  </p>
                ) : null}
              </div>
            ) : null}
            <PayoutForm claimId={c.id} approvedFen={(c.approvedFen ?? 0n).toString()} today={shanghaiToday()} />
          </Card>
        ) : null}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title={t('snapshot')}>
            <DefinitionList
              items={[
                [
                  t('project'),
                  user?.scope.kind === 'county' ? (
                    `${s.project.number} · ${s.project.title}`
                  ) : (
                    <Link key="p" href={`/projects/${c.projectId}`} className="text-teal-800 underline">{`${s.project.number} · ${s.project.title}`}</Link>
                  ),
                ],
                [
                  t('machinesNamed', { count: c.machines.length, covered: c.machines.filter((m) => m.covered).length }),
                  <ul key="m" className="space-y-0.5" data-testid="claim-machine-list">
                    {c.machines.map((m) => {
                      const info = s.facts.machines.find((x) => x.assetTag === m.assetTag);
                      return (
                        <li key={m.assetTag} className={m.covered ? '' : 'text-slate-500'}>
                          <span className="font-mono text-xs">{m.assetTag}</span>
                          {info?.kind ? ` ${kindLabel(tAll, info.kind)}` : ''}
                          {info?.workshop ? ` · ${info.workshop}` : ''}
                          {` · ${m.covered ? t('covered') : t('notCovered')}`}
                        </li>
                      );
                    })}
                  </ul>,
                ],
                [t('contractDate'), s.facts.contractDate ? day(s.facts.contractDate) : '—'],
                [t('completionDate'), s.facts.completionDate ? day(s.facts.completionDate) : '—'],
                [t('spendPaid'), formatYuan(BigInt(s.facts.paidSpendFen))],
                [t('spendUnpaid'), formatYuan(BigInt(s.facts.unpaidSpendFen))],
                [
                  t('before'),
                  s.assessments.before
                    ? t(s.assessments.before.level ? 'assessmentLine' : 'assessmentLineNoLevel', {
                        code: s.assessments.before.code,
                        level: s.assessments.before.level ?? 0,
                        date: day(s.assessments.before.date),
                      })
                    : '—',
                ],
                [
                  t('after'),
                  s.assessments.after
                    ? t(s.assessments.after.level ? 'assessmentLine' : 'assessmentLineNoLevel', {
                        code: s.assessments.after.code,
                        level: s.assessments.after.level ?? 0,
                        date: day(s.assessments.after.date),
                      })
                    : '—',
                ],
                ['', t('inService', { count: s.facts.inServiceMachines })],
              ]}
            />
          </Card>
          <Card title={t('evidence')}>
            {c.evidence.length ? (
              <ul className="space-y-1 text-sm" data-testid="claim-evidence">
                {c.evidence.map((e) => (
                  <li key={e.id}>
                    {t(`evidenceKinds.${e.kind}` as 'evidenceKinds.CONTRACT')}:{' '}
                    <a href={`/api/v1/files/${e.fileId}`} className="text-teal-800 underline">
                      {e.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">—</p>
            )}
          </Card>
        </div>
        <Card title={t('timeline')}>
          <Table head={['', t('status'), t('eventAmount'), t('reason')]}>
            {c.events.map((e) => (
              <tr key={e.id} data-testid="claim-event" className="align-top">
                <Td>
                  {format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'short' })}
                  <span className="block text-xs text-slate-600">{e.actorName ?? '—'}</span>
                </Td>
                <Td>{t(`actions.${e.action}` as 'actions.draft')}</Td>
                <Td numeric>{e.amountFen === null ? '—' : formatYuan(e.amountFen)}</Td>
                <Td wide>
                  <div className="whitespace-normal sm:min-w-64">
                    {e.reason ?? ''}
                    {e.explanationText ? <span className="block text-xs text-slate-600">{e.explanationText}</span> : null}
                  </div>
                </Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </>
  );
}
