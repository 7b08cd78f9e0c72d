/** The acceptance pack as one A4 document (rendered to PDF for the ZIP by the pack route). */
import { kindLabel } from '@/components/machines/labels';
import { lineLabel } from '@/components/projects/labels';
import { formatYuan } from '@/server/domain/money/money';
import { vatRateText } from '@/server/domain/projects/vat';
import { explainClaim } from '@/server/i18n/explain';
import type { AppLocale } from '@/server/i18n/locales';
import type { PackData } from '@/server/services/acceptance/pack-data';
import { bytesText, DocTable, Facts, Ref, Section, type Tr } from './pack-parts';
import { PackResults } from './pack-results';

export function PackDocument({ pack, t, locale, generatedAt }: { pack: PackData; t: Tr; locale: AppLocale; generatedAt: string }) {
  const d = (k: string, v?: Record<string, string | number>) => t(`acceptance.doc.${k}`, v);
  const money = (f: bigint) => formatYuan(f);
  const zh = locale === 'zh-CN';
  const name = (cn: string, en: string | null | undefined) => (zh ? cn : (en ?? cn));
  const verdict = (v: string) => d(`verdicts.${v}`);
  const { project: p, claim, contract } = pack;
  const problems = pack.checklist.items.filter((i) => i.status !== 'ok');
  const itemText = (key: string, params: Record<string, string | number>) =>
    key.startsWith('evidence.')
      ? t('acceptance.checklist.evidence', { kind: t(`claims.evidenceKinds.${String(params.kind)}`) })
      : t(`acceptance.checklist.${key}`);
  return (
    <>
      <header className="border-b-2 border-teal-700 pb-3">
        <p className="text-xs text-slate-500">{d('subtitle')}</p>
        <h1 className="text-2xl font-bold">{d('title')}</h1>
        <p className="mt-1 font-medium">
          <span className="font-mono">{p.number}</span> {p.title}
        </p>
      </header>
      <section className="mt-3">
        <Facts
          rows={[
            [d('firm'), name(pack.sme.legalName, pack.sme.legalNameEn)],
            [
              d('creditCode'),
              <span key="c" className="font-mono">
                {pack.sme.creditCode ?? '—'}
              </span>,
            ],
            [d('provider'), pack.integrator ? name(pack.integrator.name, pack.integrator.nameEn) : '—'],
            [d('fund'), claim ? name(claim.fund.name, claim.fund.nameEn) : '—'],
            [d('claim'), claim ? <Ref key="r">{claim.number}</Ref> : '—'],
            [d('generated'), generatedAt],
          ]}
        />
        <p className="mt-2 text-[11px] text-slate-500">{d('recordIds')}</p>
      </section>
      <Section id="checklist" title={d('checklistTitle')}>
        {problems.length === 0 ? (
          <p>{d('allPresent')}</p>
        ) : (
          <ul className="list-disc pl-5" data-testid="pack-doc-missing">
            {problems.map((i) => (
              <li key={i.key}>
                <span className={i.status === 'missing' ? 'text-red-700' : 'text-amber-800'}>{t(`acceptance.status.${i.status}`)}</span>:{' '}
                {itemText(i.key, i.params)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="application" title={d('s1')}>
        <Facts
          rows={[
            [d('firm'), `${name(pack.sme.legalName, pack.sme.legalNameEn)} (${pack.sme.creditCode ?? '—'})`],
            [d('county'), pack.sme.county],
            [d('sector'), t.has(`enums.sector.${pack.sme.sector}`) ? t(`enums.sector.${pack.sme.sector}`) : pack.sme.sector],
            [d('project'), `${p.number} ${p.title}`],
            [d('target'), p.target],
            [d('machines'), p.machines.map((m) => `${m.assetTag} ${kindLabel(t as never, m.kind)}`).join('，') || '—'],
            ...(claim
              ? ([
                  [d('claim'), <Ref key="n">{`${claim.number} · ${t(`claims.statuses.${claim.status}`)}`}</Ref>],
                  [d('submitted'), claim.submittedDay ?? '—'],
                  [d('requested'), money(claim.computedFen)],
                  [d('approved'), claim.approvedFen === null ? '—' : money(claim.approvedFen)],
                ] as [string, React.ReactNode][])
              : []),
          ]}
        />
        {claim ? (
          <p className="mt-2 text-[11.5px]">
            <span className="text-slate-500">{d('reasoning')}: </span>
            {explainClaim(claim.steps, locale)}
          </p>
        ) : (
          <p className="mt-2 text-amber-800">{d('noClaim')}</p>
        )}
      </Section>

      <Section id="contract" title={d('s2')}>
        {pack.window ? <p className="mb-1">{d('window', { start: pack.window.start, end: pack.window.end })}</p> : null}
        {contract ? (
          <>
            <p className="mb-2">
              {d('contractNo', { number: contract.number, date: contract.day ?? '—' })} · {d('inWindow')}: {verdict(contract.verdict)}
            </p>
            <DocTable
              head={[d('ref'), d('category'), d('item'), d('qty'), d('unitPrice'), d('total'), d('eligible')]}
              right={[3, 4, 5]}
              rows={contract.lines.map((l) => [
                <Ref key="r">{l.ref}</Ref>,
                t(`projects.categories.${l.category}`),
                lineLabel(t as never, l),
                l.quantity,
                money(l.unitPriceFen),
                money(l.totalFen),
                <span key="e" className={l.eligible ? 'text-teal-800' : 'text-red-700'}>
                  {l.eligible ? d('yes') : d('no')} · {d(`reasons.${l.reason}`)}
                </span>,
              ])}
              foot={
                <>
                  <tr className="font-semibold">
                    <td colSpan={5} className="pt-1">
                      {d('eligibleTotal')}
                    </td>
                    <td className="pt-1 text-right tabular-nums" data-testid="pack-eligible-total">
                      {money(contract.totals.eligibleFen)}
                    </td>
                    <td />
                  </tr>
                  <tr>
                    <td colSpan={5}>{d('otherTotal')}</td>
                    <td className="text-right tabular-nums">{money(contract.totals.otherFen)}</td>
                    <td />
                  </tr>
                  <tr>
                    <td colSpan={5}>{d('contractTotal')}</td>
                    <td className="text-right tabular-nums">{money(contract.totalFen)}</td>
                    <td />
                  </tr>
                </>
              }
            />
          </>
        ) : (
          <p>{d('none')}</p>
        )}
      </Section>

      <Section id="ledger" title={d('s3')}>
        <h3 className="font-medium">{d('invoices')}</h3>
        {pack.invoices.length ? (
          <DocTable
            head={[d('invoiceNo'), d('date'), d('vat'), d('total'), d('inWindow')]}
            right={[3]}
            rows={pack.invoices.map((i) => [<Ref key="r">{i.invoiceNo}</Ref>, i.day, vatRateText(i.vatRateBp), money(i.amountFen), verdict(i.verdict)])}
          />
        ) : (
          <p>{d('none')}</p>
        )}
        <h3 className="mt-3 font-medium">{d('payments')}</h3>
        {pack.payments.length ? (
          <DocTable
            head={[d('reference'), d('date'), d('stage'), d('total'), d('inWindow')]}
            right={[3]}
            rows={pack.payments.map((pm) => [
              <Ref key="r">{pm.reference ?? pm.id}</Ref>,
              pm.day,
              t(`projects.ledger.stages.${pm.stage}`),
              money(pm.amountFen),
              verdict(pm.verdict),
            ])}
          />
        ) : (
          <p>{d('none')}</p>
        )}
      </Section>

      <PackResults pack={pack} t={t} locale={locale} />

      {/* the last section and the seals stay on one page (when they fit): a page with the seals alone proves nothing */}
      <div className="break-inside-avoid">
        <Section id="attachments" title={d('s7')}>
          {pack.attachments.length ? (
            <>
              <DocTable
                head={[d('file'), d('source'), d('size')]}
                right={[2]}
                rows={pack.attachments.map((a) => [
                  a.fileName,
                  a.source.startsWith('claim.') ? `${t(`claims.evidenceKinds.${a.source.slice(6)}`)} · ${a.ref}` : `${d(`sources.${a.source}`)} · ${a.ref}`,
                  bytesText(a.size),
                ])}
              />
              <p className="mt-1 text-[11px] text-slate-500">{d('inZip')}</p>
            </>
          ) : (
            <p>{d('none')}</p>
          )}
        </Section>
        <p className="mt-6 text-[12px]">{d('attest')}</p>
        <p className="mt-8 text-[12px]" data-testid="pack-signatures">
          {d('signatures')}
        </p>
      </div>
    </>
  );
}
