import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AuditDetail } from '@/server/domain/audit/details';
import { formatMoney } from '@/server/domain/money/money';
import type { AuditObject } from '@/server/services/audit/objects';

type Entry = {
  action: string;
  entity: string;
  entityId: string;
  actorName: string | null;
  object: AuditObject | null;
  details: AuditDetail[];
  data: unknown;
};

/** One audit event as a sentence ("张工 批准了补贴申请 C-2026-001 · 万丰轴承"), its facts, and the raw record on demand. */
export async function AuditEntry({ entry: e, at, locale }: { entry: Entry; at: string; locale: string }) {
  const t = await getTranslations();
  const says = `audit.says.${e.action.replace('.', '_')}`;
  const verb = t.has(says as 'audit.title') ? t(says as 'audit.title') : t('audit.says.other', { action: e.action });
  const actor = e.actorName ?? t('audit.system');
  const objectText =
    e.object?.label ??
    `${t.has(`audit.kinds.${e.entity}` as 'audit.title') ? t(`audit.kinds.${e.entity}` as 'audit.title') : e.entity} ${e.entityId.slice(-8)}`;
  return (
    <li data-testid="audit-row" className="py-3">
      <p className="text-sm text-slate-900">
        <span className="font-medium">{actor}</span> {verb}
        {verb.endsWith('：') ? '' : ' '}
        {e.object?.href ? (
          <Link href={e.object.href} className="font-medium text-teal-800 underline-offset-2 hover:underline">
            {objectText}
          </Link>
        ) : (
          <span className="font-medium">{objectText}</span>
        )}
      </p>
      {e.details.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {e.details.map((d, i) => (
            <li key={i}>{wordDetail(d, t, locale)}</li>
          ))}
        </ul>
      )}
      <div className="mt-1 flex flex-wrap items-baseline gap-x-3 text-xs text-slate-600">
        <time>{at}</time>
        <details className="min-w-0">
          <summary className="cursor-pointer text-teal-800">{t('audit.raw')}</summary>
          <pre className="mt-1 max-w-full overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-700">
            {`${e.action} · ${e.entity} ${e.entityId}\n${JSON.stringify(e.data ?? null, null, 1)}`}
          </pre>
        </details>
      </div>
    </li>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;
type K = Parameters<T>[0];

function wordDetail(d: AuditDetail, t: T, locale: string): string {
  switch (d.kind) {
    case 'money':
      return t(`audit.detail.${d.label}` as K, { amount: formatMoney(d.fen, locale) });
    case 'status': {
      const name = (s: string) => (t.has(`${d.of}s.statuses.${s}` as K) ? t(`${d.of}s.statuses.${s}` as K) : s);
      return t('audit.detail.status', { from: name(d.from), to: name(d.to) });
    }
    case 'role': {
      const name = (s: string) => (t.has(`roles.${s}` as K) ? t(`roles.${s}` as K) : s);
      return t('audit.detail.role', { from: name(d.from), to: name(d.to) });
    }
    case 'stage':
      return t('audit.detail.stage', { stage: t.has(`projects.ledger.stages.${d.stage}` as K) ? t(`projects.ledger.stages.${d.stage}` as K) : d.stage });
    case 'count':
      return t(`audit.detail.${d.label}` as K, { n: d.n });
    case 'text':
      return t(`audit.detail.${d.label}` as K, { value: d.value });
    case 'flag':
      return t(`audit.detail.${d.label}` as K);
  }
}
