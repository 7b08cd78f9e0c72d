import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PackCard } from '@/components/acceptance/pack-card';
import { ClaimsTable } from '@/components/claims/claims-table';
import { AcceptSummary } from '@/components/projects/accept-summary';
import { MeasuredForm } from '@/components/projects/cost-forms';
import { IntegratorSideCard } from '@/components/projects/integrator-side-card';
import { PaybackCard } from '@/components/projects/payback-card';
import { SmeLedgerCard } from '@/components/projects/sme-ledger-card';
import { statusTone } from '@/components/projects/status-tone';
import { TransitionBar } from '@/components/projects/transition-bar';
import { ResultsCard } from '@/components/results/results-card';
import { WatchCard } from '@/components/results/watch-card';
import { ProjectTerminals } from '@/components/terminals/project-terminals';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LinkButton } from '@/components/ui/form';
import { listJoin, localName } from '@/components/ui/names';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatGrid } from '@/components/ui/stat';
import { Empty, Table, Td } from '@/components/ui/table';
import { getSessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/auth/scope';
import { formatMoney, formatYuan } from '@/server/domain/money/money';
import { savingText } from '@/server/domain/projects/saving-text';
import { checkWindows, windowsFromAddress } from '@/server/domain/results/windows';
import { shanghaiToday } from '@/server/domain/time';
import { type AppLocale, isLocale } from '@/server/i18n/locales';
import { errorMessage } from '@/server/i18n/messages';
import { callerErrorMessage, getServerCaller, orNotFound } from '@/server/trpc/server';

type Search = { bf?: string | string[]; bt?: string | string[]; rf?: string | string[]; rt?: string | string[] };

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const { id } = await params;
  const q = await searchParams;
  const api = await getServerCaller();
  const p = await orNotFound(() => api.projects.get({ id }));
  const user = await getSessionUser();
  const staff = Boolean(user && can(user.scope.role, 'inventory.write'));
  const t = await getTranslations('projects');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const money = (f: bigint) => formatMoney(f, locale);
  const cell = (f: bigint) => formatYuan(f); // tables: one unit per column
  const assessments = p.transitions.includes('verify')
    ? (await api.assessments.list({ smeClientId: p.smeClient.id })).filter((a) => a.status === 'SIGNED_OFF')
    : [];
  const canPlan = staff && (p.status === 'DRAFT' || p.status === 'ACCEPTED');
  const claims = (await api.claims.list({ projectId: p.id, pageSize: 200 })).items;
  const canClaim = staff && ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'].includes(p.status);
  const costsOpen = staff && ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'].includes(p.status);
  const measuredOpen = staff && (p.status === 'COMMISSIONED' || p.status === 'VERIFIED');
  // the acceptance pack once there is a contract; the SME owner is asked for satisfaction after commissioning
  const pack = ['ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED'].includes(p.status) ? await api.acceptance.pack({ projectId: p.id }) : null;
  const askSatisfaction = user?.scope.kind === 'sme' && (p.status === 'COMMISSIONED' || p.status === 'VERIFIED');
  const live = p.status === 'COMMISSIONED' || p.status === 'VERIFIED';
  const results = live ? await projectResults(api, p.id, q, isLocale(locale) ? locale : 'zh-CN') : null;
  const watch = p.status === 'VERIFIED' ? await api.results.watch({ projectId: p.id }) : null;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="font-mono text-lg text-slate-500">{p.number}</span> {p.title}{' '}
            <span className="align-middle">
              <Badge tone={statusTone[p.status]}>{t(`statuses.${p.status}`)}</Badge>
            </span>
          </>
        }
        intro={
          <Link href={`/clients/${p.smeClient.id}`} className="text-teal-800 hover:underline">
            {localName(locale, p.smeClient.legalName, p.smeClient.legalNameEn)}
          </Link>
        }
      >
        <div className="flex flex-col items-end gap-2">
          <div className="flex gap-2">
            {canPlan ? <LinkButton href={`/projects/${p.id}/edit`}>{t('actions.edit')}</LinkButton> : null}
            {canClaim ? <LinkButton href={`/projects/${p.id}/claim`}>{tAll('claims.new')}</LinkButton> : null}
          </div>
          <TransitionBar
            projectId={p.id}
            transitions={p.transitions}
            accept={
              p.openQuote && p.transitions.includes('accept')
                ? { quoteId: p.openQuote.id, title: t('accept.title', { number: p.openQuote.quoteNumber }), summary: <AcceptSummary quote={p.openQuote} /> }
                : null
            }
            assessments={assessments.map((a) => ({
              id: a.id,
              label: `${a.code} · ${format.dateTime(a.assessedOn, { dateStyle: 'medium', timeZone: 'UTC' })}`,
            }))}
          />
        </div>
      </PageHeader>
      {p.status === 'CANCELLED' ? (
        <p className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{t('detail.cancelled', { reason: p.cancelReason ?? '' })}</p>
      ) : null}
      <StatGrid>
        <Stat
          label={p.ledger.contractFen !== null ? t('ledger.contractPrice') : t('price')}
          value={p.ledger.contractFen !== null ? money(p.ledger.contractFen) : p.openQuote ? money(p.openQuote.totalFen) : '—'}
          hint={t('detail.machinesCount', { count: p.machines.length })}
        />
        <Stat label={t('ledger.paid')} value={money(p.ledger.paidFen)} hint={`${t('ledger.outstanding')}: ${money(p.ledger.outstandingFen)}`} />
        <Stat label={t('detail.savings')} value={money(p.expectedMonthlyFen)} hint={t('perMonth')} />
        <Stat
          label={t('target')}
          value={<span className="font-mono">{p.target}</span>}
          hint={
            p.outcome
              ? t('detail.outcomeValue', { code: p.outcome.code, date: format.dateTime(p.outcome.assessedOn, { dateStyle: 'medium', timeZone: 'UTC' }) })
              : undefined
          }
        />
      </StatGrid>
      <div className="grid grid-cols-1 gap-6">
        <PaybackCard payback={p.payback} />

        {results ? (
          <>
            {watch ? <WatchCard watch={watch} /> : null}
            <ResultsCard
              projectId={p.id}
              view={results.view}
              refusal={results.refusal}
              staff={staff}
              canAccept={measuredOpen}
              tracking={p.payback?.tracking ?? { kind: 'noData' }}
              latest={p.measured.at(-1) ?? null}
            />
          </>
        ) : null}

        <SmeLedgerCard
          projectId={p.id}
          ledger={p.ledger}
          staff={staff}
          contract={p.contractQuoteId && p.contractedAt ? { number: p.quotes.find((q) => q.id === p.contractQuoteId)?.number ?? '', at: p.contractedAt } : null}
        />

        {p.status === 'CANCELLED' ? null : <ProjectTerminals api={api} projectId={p.id} />}

        {pack ? (
          <PackCard
            projectId={p.id}
            checklist={pack.checklist}
            attachments={pack.attachments.length}
            attachmentBytes={pack.attachmentBytes}
            satisfactionHref={askSatisfaction ? `/projects/${p.id}/satisfaction` : null}
          />
        ) : null}

        <Card title={tAll('claims.title')}>
          {claims.length ? <ClaimsTable rows={claims} /> : <p className="text-sm text-slate-500">{tAll('claims.noneForProject')}</p>}
        </Card>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title={t('detail.savings')}>
            {p.savings.length ? (
              <ul className="space-y-1.5 text-sm">
                {p.savings.map((s) => (
                  <li key={s.id} className="flex justify-between gap-3">
                    <span>
                      <span className="font-medium">{t(`savingKinds.${s.kind}` as 'savingKinds.LABOUR')}</span>:{' '}
                      {savingText(tAll as never, locale, s.kind, s.params)}
                    </span>
                    <span className="tabular-nums">{money(s.monthlyFen)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>—</Empty>
            )}
          </Card>
          <Card title={t('detail.quotes')}>
            {p.quotes.length ? (
              <ul className="space-y-2 text-sm" data-testid="quote-versions">
                {p.quotes.map((q) => (
                  <li key={q.id} className="rounded-lg border border-slate-200 p-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <Link href={`/quotes/${q.id}`} className="font-medium text-teal-800 hover:underline">
                        {t('detail.quoteVersion', { version: q.version, number: q.number })}
                      </Link>
                      <Badge tone={q.decision === 'ACCEPTED' ? 'teal' : q.decision === null ? 'amber' : 'slate'}>
                        {t(`detail.decisions.${q.decision ?? 'open'}` as 'detail.decisions.open')}
                      </Badge>
                    </div>
                    <div className="mt-1 text-slate-600">
                      {money(q.totalFen)} · {t('detail.issuedAt', { at: format.dateTime(q.issuedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                    </div>
                    {q.declineReason ? <div className="mt-1 text-red-700">{t('detail.declineReason', { reason: q.declineReason })}</div> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>—</Empty>
            )}
          </Card>
        </div>

        {p.integratorSide ? <IntegratorSideCard projectId={p.id} side={p.integratorSide} costsOpen={costsOpen} /> : null}

        <Card title={t('detail.measured')}>
          {p.measured.length ? (
            <Table head={[t('detail.month'), t('detail.amount'), tAll('results.source'), tAll('assessments.notes')]}>
              {p.measured.map((m) => (
                <tr key={m.id} data-testid="measured-row">
                  <Td className="font-mono">{m.month}</Td>
                  <Td numeric>{cell(m.amountFen)}</Td>
                  <Td>{m.basis ? <Badge tone="teal">{tAll('results.fromData')}</Badge> : <Badge tone="slate">{tAll('results.typed')}</Badge>}</Td>
                  <Td wide>
                    {m.basis
                      ? tAll('results.acceptedWindows', {
                          baseline: `${m.basis.baseline.from} – ${m.basis.baseline.to}`,
                          result: `${m.basis.result.from} – ${m.basis.result.to}`,
                          before: m.basis.coverageBeforeBp / 100,
                          after: m.basis.coverageAfterBp / 100,
                        })
                      : (m.note ?? '')}
                  </Td>
                </tr>
              ))}
            </Table>
          ) : (
            <Empty>{t('detail.noMeasured')}</Empty>
          )}
          {measuredOpen ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <MeasuredForm projectId={p.id} month={shanghaiToday().slice(0, 7)} />
            </div>
          ) : null}
        </Card>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title={t('detail.timeline')}>
            <ol className="space-y-2 text-sm" data-testid="timeline">
              {p.statusChanges.map((c) => (
                <li key={c.id} className="border-l-2 border-teal-200 pl-3">
                  <div className="font-medium">
                    {t(`actions.${c.transition}` as 'actions.start')} · {t(`statuses.${c.to}` as 'statuses.DRAFT')}
                  </div>
                  <div className="text-xs text-slate-600">
                    {format.dateTime(c.at, { dateStyle: 'medium', timeStyle: 'short' })} ·{' '}
                    {c.actorName ?? (c.actorOrganisation ? localName(locale, c.actorOrganisation.name, c.actorOrganisation.nameEn) : '—')}
                  </div>
                  {c.reason ? <div className="text-slate-600">{c.reason}</div> : null}
                </li>
              ))}
            </ol>
          </Card>
          <Card title={t('detail.plan')}>
            <div className="space-y-1 text-sm">
              <p>
                {t('detail.modulesLabel')}:{' '}
                {listJoin(
                  locale,
                  p.modules.map((m) => t(`modules.${m}` as 'modules.SPC_QUALITY')),
                ) || '—'}
              </p>
              <p>{t('detail.machinesCount', { count: p.machines.length })}</p>
              <p className="text-slate-600">{p.machines.map((m) => m.assetTag).join(', ')}</p>
              {p.outcome ? (
                <p className="pt-2">
                  <Link href={`/clients/${p.smeClient.id}/assessments`} className="text-teal-800 underline">
                    {t('detail.viewPathway')}
                  </Link>
                </p>
              ) : null}
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

/**
 * The measured results with the windows of the address (bf/bt/rf/rt), or the defaults when those are refused: then the
 * refusal in the user's language (never a key or a schema's dump), the fields it concerns, and the dates as typed, so
 * the form keeps them beside the message.
 */
async function projectResults(api: Awaited<ReturnType<typeof getServerCaller>>, projectId: string, q: Search, locale: AppLocale) {
  const address = windowsFromAddress(q);
  const defaults = () => api.results.forProject({ projectId });
  if (address.problem && address.typed) {
    const { key, params, fields } = address.problem;
    return { view: await defaults(), refusal: { message: errorMessage(locale, key, params), fields, typed: address.typed } };
  }
  if (address.chosen && address.typed) {
    try {
      return { view: await api.results.forProject({ projectId, ...address.chosen }), refusal: null };
    } catch (e) {
      const message = callerErrorMessage(e, locale);
      if (message === null) throw e;
      const fields = checkWindows(address.chosen.baseline, address.chosen.result, shanghaiToday())?.fields ?? [];
      return { view: await defaults(), refusal: { message, fields, typed: address.typed } };
    }
  }
  return { view: await defaults(), refusal: null };
}
