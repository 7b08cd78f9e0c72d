/** Sections 4–6 of the pack: summary with measured results, assessments before and after, satisfaction. */
import { formatYuan } from '@/server/domain/money/money';
import { shanghaiDate } from '@/server/domain/time';
import type { PackData } from '@/server/services/acceptance/pack-data';
import { DocTable, Facts, Ref, Section, type Tr } from './pack-parts';

export function PackResults({ pack, t }: { pack: PackData; t: Tr }) {
  const d = (k: string, v?: Record<string, string | number>) => t(`acceptance.doc.${k}`, v);
  const money = (f: bigint) => formatYuan(f);
  const pb = pack.payback;
  const v = pb?.verdict;
  const { before, after } = pack.assessments;
  const s = pack.satisfaction;
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
              head={[d('month'), d('amount'), d('note'), d('record')]}
              right={[1]}
              rows={pack.measured.map((m) => [m.month, money(m.amountFen), m.note ?? '', <Ref key="r">{m.id}</Ref>])}
            />
          ) : (
            <p>{d('none')}</p>
          )}
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
