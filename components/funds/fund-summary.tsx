import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { listJoin, localName } from '@/components/ui/names';
import type { FundRule } from '@/server/domain/funds/rules';
import { formatMoney } from '@/server/domain/money/money';

export type FundView = {
  id: string;
  name: string;
  nameEn: string | null;
  budgetFen: bigint;
  periodStart: Date;
  periodEnd: Date;
  sectors: string[];
  rules: FundRule[];
  county: { id: string; name: string; nameEn: string | null };
  participants: { id: string; name: string; nameEn: string | null }[];
};

export async function RuleText({ rule }: { rule: FundRule }) {
  const t = await getTranslations('funds');
  const tAll = await getTranslations();
  const locale = await getLocale();
  const money = (fen: string) => formatMoney(BigInt(fen), locale);
  switch (rule.kind) {
    case 'FREE_SHARE': {
      const base = t('ruleFreeShare', { percent: rule.freeSharePercent, min: rule.minFreeMachines });
      const capped = rule.perMachineCapFen ? base + t('ruleFreeShareCap', { cap: money(rule.perMachineCapFen) }) : base;
      return <>{rule.claimableFrom === 'ACCEPTED' ? `${capped}${t('ruleFreeShareEarly')}` : capped}</>;
    }
    case 'SPEND_SHARE':
      return <>{t('ruleSpendShare', { rate: rule.rateBp / 100, cap: rule.capPerFirmFen ? money(rule.capPerFirmFen) : 'none' })}</>;
    case 'LEVEL_CAP':
      return (
        <>
          {t('ruleLevelCap', {
            caps: listJoin(
              locale,
              rule.caps.map((c) => t('levelAmount', { level: c.level, amount: money(c.capFen) })),
            ),
          })}
        </>
      );
    case 'LEVEL_BONUS':
      return (
        <>
          {t('ruleLevelBonus', {
            bonuses: listJoin(
              locale,
              rule.bonuses.map((c) => t('levelAmount', { level: c.level, amount: money(c.bonusFen) })),
            ),
          })}
        </>
      );
    case 'DEADLINE':
      return <>{t('ruleDeadline', { months: rule.monthsAfterContract })}</>;
    case 'USAGE_REQUIRED':
      return (
        <>
          {t(rule.stage === 'PAYOUT' ? 'ruleUsageRequiredPayout' : 'ruleUsageRequired', {
            machines: rule.minMachinesPercent,
            hours: rule.minHoursPercent,
            days: rule.days,
          })}
        </>
      );
    case 'ELIGIBLE_COSTS':
      return (
        <>
          {t('ruleEligibleCosts', {
            categories: listJoin(
              locale,
              rule.categories.map((c) => tAll(`projects.categories.${c}`)),
            ),
          })}
        </>
      );
  }
}

/** A fund as a card: budget, period, sectors, rules and who takes part. */
export async function FundSummary({ fund, link = true }: { fund: FundView; link?: boolean }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const name = localName(locale, fund.name, fund.nameEn);
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="fund-card">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">
          {link ? (
            <Link href={`/funds/${fund.id}`} className="hover:underline">
              {name}
            </Link>
          ) : (
            name
          )}
        </h3>
        <Badge tone="teal">{localName(locale, fund.county.name, fund.county.nameEn)}</Badge>
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">{t('funds.budget')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="fund-budget">
            {formatMoney(fund.budgetFen, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('funds.period')}</dt>
          <dd>
            {t('funds.periodValue', {
              start: format.dateTime(fund.periodStart, { dateStyle: 'medium' }),
              end: format.dateTime(fund.periodEnd, { dateStyle: 'medium' }),
            })}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('funds.sectors')}</dt>
          <dd className="flex flex-wrap gap-1">
            {fund.sectors.map((s) => (
              <Badge key={s}>{t(`enums.sector.${s}` as 'enums.sector.OTHER')}</Badge>
            ))}
          </dd>
        </div>
      </dl>
      <div className="mt-4 text-sm">
        <div className="text-xs text-slate-500">{t('funds.rules')}</div>
        <ul className="mt-1 list-inside list-disc text-slate-700">
          {fund.rules.map((r, i) => (
            <li key={i}>
              <RuleText rule={r} />
            </li>
          ))}
        </ul>
      </div>
      <div className="mt-4 text-sm">
        <div className="text-xs text-slate-500">{t('funds.participants')}</div>
        {fund.participants.length ? (
          <ul className="mt-1 flex flex-wrap gap-1.5" data-testid="fund-participants">
            {fund.participants.map((p) => (
              <li key={p.id}>
                <Badge tone="slate">{localName(locale, p.name, p.nameEn)}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-slate-500">{t('funds.noParticipants')}</p>
        )}
      </div>
    </article>
  );
}
