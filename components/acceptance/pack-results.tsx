/** Sections 4–6 of the pack: summary with measured results, assessments before and after, satisfaction. */
import { resultSentences } from '@/components/results/sentences';
import { formatYuan } from '@/server/domain/money/money';
import { pct, signedPct } from '@/server/domain/results/working';
import { shanghaiDate } from '@/server/domain/time';
import type { AppLocale } from '@/server/i18n/locales';
import type { PackData } from '@/server/services/acceptance/pack-data';
import { DocTable, Facts, Ref, Section, type Tr } from './pack-parts';

const pctText = (bp: number | null) => (bp === null ? '—' : `${pct(bp)} %`);
const signedPctText = (bp: number | null) => (bp === null ? '—' : `${signedPct(bp)} %`);

export function PackResults({ pack, t, locale }: { pack: PackData; t: Tr; locale: AppLocale }) {
  const d = (k: string, v?: Record<string, string | number>) => t(`acceptance.doc.${k}`, v);
  const money = (f: bigint) => formatYuan(f);
  const pb = pack.payback;
  const v = pb?.verdict;
  const { before, after } = pack.assessments;
  const s = pack.satisfaction;
  // the working of the latest month accepted from data, step by step (the money in the reader's unit)
  const latestData = pack.measured.flatMap((m) => (m.basis ? [{ month: m.month, basis: m.basis }] : [])).at(-1);
  const yesNo = (b: boolean) => (b ? d('yes') : d('no'));
  return (
    <>
      <Section id="results" title={d('s4')}>
        <Facts
          rows={[
            [d('commissioned'), pack.project.commissionedDay ?? '—'],
            [d('expectedMonthly'), money(pack.expectedMonthlyFen)],
            [d('measuredMonthly'), pb && pb.basis.savings === 'measured' ? money(pb.monthlyFen) : '—'],
            [
              d('payback'),
              !v
                ? '—'
                : v.kind === 'months'
                  ? d('paybackMonths', { months: v.months })
                  : v.kind === 'paidBackAtOnce'
                    ? d('paidBackAtOnce')
                    : d('neverPaysBack'),
            ],
          ]}
        />
        {pb ? (
          <p className="mt-1 text-[11px] text-slate-500">
            {d('basis', {
              investment: t(`projects.payback.investment.${pb.basis.investment}`),
              subsidy: t(`projects.payback.subsidy.${pb.basis.subsidy}`),
              savings: t(`projects.payback.savingsBasis.${pb.basis.savings}`),
            })}
          </p>
        ) : null}
        <div className="mt-2">
          {pack.measured.length ? (
            <DocTable
              head={[d('month'), d('amount'), t('results.source'), d('measuredHow'), d('record')]}
              right={[1]}
              rows={pack.measured.map((m) => [
                m.month,
                money(m.amountFen),
                m.basis ? t('results.fromData') : t('results.typed'),
                m.basis ? (
                  <span key="b">
                    {t('results.acceptedWindows', {
                      baseline: `${m.basis.baseline.from} – ${m.basis.baseline.to}`,
                      result: `${m.basis.result.from} – ${m.basis.result.to}`,
                      before: m.basis.coverageBeforeBp / 100,
                      after: m.basis.coverageAfterBp / 100,
                    })}
                    <br />
                    {d('measuredFigures', {
                      machines: m.basis.machines,
                      before: pctText(m.basis.utilizationBeforeBp),
                      after: pctText(m.basis.utilizationAfterBp),
                      output: signedPctText(m.basis.outputPerHourChangeBp),
                      energy: signedPctText(m.basis.whPerPartChangeBp),
                    })}
                  </span>
                ) : (
                  (m.note ?? '')
                ),
                <Ref key="r">{m.id}</Ref>,
              ])}
            />
          ) : (
            <p>{d('none')}</p>
          )}
          {latestData ? (
            <div className="mt-2 break-inside-avoid text-[11px]" data-testid="pack-working">
              <p className="font-medium">{d('working', { month: latestData.month })}</p>
              <ul className="list-disc pl-5">
                {resultSentences((k, v) => t(`results.${k}`, v), locale, latestData.basis.steps).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </Section>

      <Section id="assessments" title={d('s5')}>
        <DocTable
          head={['', d('assessedOn'), d('kind'), d('assessor'), d('code'), d('nationalLevel'), d('record')]}
          rows={(
            [
              [d('before'), before],
              [d('after'), after],
            ] as const
          ).map(([label, a]) =>
            a
              ? [
                  label,
                  a.date,
                  t(`assessments.kinds.${a.kind}`),
                  a.assessor,
                  <span key="c" className="font-mono">
                    {a.code}
                  </span>,
                  a.nationalLevel === null ? '—' : `L${a.nationalLevel}${a.nationalScore === null ? '' : ` · ${d('score', { score: a.nationalScore })}`}`,
                  <Ref key="r">{a.id}</Ref>,
                ]
              : [label, '—', '—', '—', '—', '—', '—'],
          )}
        />
      </Section>

      <Section id="satisfaction" title={d('s6')}>
        {s ? (
          <Facts
            rows={[
              [d('overall'), d('outOf5', { score: s.overall })],
              [d('service'), d('outOf5', { score: s.service })],
              [d('results'), d('outOf5', { score: s.results })],
              [d('usedInProduction'), yesNo(s.usedInProduction)],
              [d('wouldRecommend'), yesNo(s.wouldRecommend)],
              [d('comment'), s.comment ?? '—'],
              [d('respondent'), s.respondentName],
              [d('date'), shanghaiDate(s.updatedAt)],
              [d('record'), <Ref key="r">{s.id}</Ref>],
            ]}
          />
        ) : (
          <p>{d('none')}</p>
        )}
      </Section>
    </>
  );
}
