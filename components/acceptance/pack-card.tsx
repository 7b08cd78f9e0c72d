/** The acceptance pack on the project page: what is missing first, then the download (Chinese, or English). */
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DownloadFetchButton } from '@/components/ui/download-fetch-button';
import { LinkButton } from '@/components/ui/form';
import type { ChecklistItem } from '@/server/domain/acceptance/checklist';
import { bytesText } from './pack-parts';

const tone = { ok: 'teal', missing: 'red', problem: 'amber' } as const;

export async function PackCard({
  projectId,
  checklist,
  attachments,
  attachmentBytes,
  satisfactionHref,
}: {
  projectId: string;
  checklist: { items: ChecklistItem[]; ready: boolean; missing: number };
  attachments: number;
  attachmentBytes: number;
  /** The SME owner's link to the satisfaction form (after commissioning), else null. */
  satisfactionHref: string | null;
}) {
  const t = await getTranslations('acceptance');
  const tAll = await getTranslations();
  const label = (i: ChecklistItem) =>
    i.key.startsWith('evidence.')
      ? t('checklist.evidence', { kind: tAll(`claims.evidenceKinds.${String(i.params.kind)}` as 'claims.evidenceKinds.CONTRACT') })
      : t(`checklist.${i.key}` as 'checklist.contract');
  const href = `/api/v1/projects/${projectId}/acceptance-pack`;
  return (
    <Card title={t('cardTitle')}>
      <div data-testid="pack-card">
        <p className="text-sm text-slate-600">{t('cardIntro')}</p>
        <p className={`mt-3 text-sm font-medium ${checklist.ready ? 'text-teal-800' : 'text-amber-900'}`} data-testid="pack-summary">
          {checklist.ready ? t('ready') : t('missingCount', { count: checklist.missing })}
        </p>
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm" data-testid="pack-checklist">
          {checklist.items.map((i) => (
            <li key={i.key} className="flex items-start justify-between gap-3 px-3 py-1.5" data-testid={`pack-item-${i.key}`} data-status={i.status}>
              <span className="min-w-0">{label(i)}</span>
              <span className="shrink-0">
                <Badge tone={tone[i.status]}>{t(`status.${i.status}`)}</Badge>
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">{t('attachmentsLine', { count: attachments, size: bytesText(attachmentBytes) })}</p>
        <div className="mt-3 flex flex-wrap items-start gap-2">
          <DownloadFetchButton
            href={href}
            fileName="acceptance-pack.zip"
            label={t('download')}
            busyLabel={t('making')}
            failedText={t('makeFailed')}
            testId="pack-download"
          />
          <DownloadFetchButton
            href={`${href}?lang=en`}
            fileName="acceptance-pack-en.zip"
            label={t('downloadEn')}
            busyLabel={t('making')}
            failedText={t('makeFailed')}
            tone="secondary"
            testId="pack-download-en"
          />
          <LinkButton href={`/packs/${projectId}`}>{t('view')}</LinkButton>
          {satisfactionHref ? (
            <LinkButton href={satisfactionHref} tone="primary" data-testid="satisfaction-link">
              {t('satisfaction.fill')}
            </LinkButton>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
